-- Referrals two managers can work at once, corrected and withdrawn (issues 12 and 13, ADR 0022).
-- Every change to an intake row bumps its version; a form saved against an older version is merged field by
-- field (platform/forms/versions.ts), and the database still guards the race (`update … where version = $n`).
alter table referral_intake add column version integer not null default 1;

-- A referral recorded in error is withdrawn, not deleted: the intake row stays (with who, when and why) and its
-- decided row leaves `referrals`, so no figure counts it. A referral that opened a case is not withdrawn here.
alter table referral_intake add column withdrawn_at timestamptz;
alter table referral_intake add column withdrawn_by uuid references users (user_id);
alter table referral_intake add column withdrawn_reason text;
alter table referral_intake add constraint intake_withdrawal_complete check (
  (withdrawn_at is null and withdrawn_by is null and withdrawn_reason is null)
  or (withdrawn_at is not null and withdrawn_by is not null and length(btrim(withdrawn_reason)) > 0));
alter table referral_intake add constraint intake_withdrawn_not_allocated check (withdrawn_at is null or case_id is null);

-- Family First (issues 12 and 13, ADR 0023): the plan carries an optimistic version (a change saved against an
-- older version is merged field by field); a step up names the referral it sent to the statutory team's tray; a
-- session can be corrected or withdrawn as an amendment. A withdrawn session stays (its amendment says who, when
-- and why) but no page or figure counts it.
alter table family_first_involvements add column version integer not null default 1;
alter table family_first_involvements add column stepped_up_referral_id record_id unique references referral_intake (referral_id);
alter table family_first_involvements add constraint involvement_step_up_referral check (stepped_up_referral_id is null or ending = 'step_up');
alter table family_first_sessions add column version integer not null default 1;
alter table family_first_sessions add column withdrawn_at timestamptz;

-- Corrections to training sessions and survey waves (issue 12, ADR 0028): kept as amendments like a placement's,
-- though they belong to no child. A withdrawn session stays on record, with who withdrew it, when and why, and
-- counts for nobody's training.
alter table amendments alter column child_id drop not null;

alter table training_sessions add column withdrawn_at timestamptz;
alter table training_sessions add column withdrawn_by uuid references users (user_id);
alter table training_sessions add column withdrawn_reason text;
alter table training_sessions add constraint training_sessions_withdrawn check (
  (withdrawn_at is null and withdrawn_by is null and withdrawn_reason is null)
  or (withdrawn_at is not null and withdrawn_by is not null and length(btrim(withdrawn_reason)) > 0));

-- Correcting a session's dates may move day 1 onto day 2's old date: checked once the whole correction is written.
alter table training_session_days drop constraint training_session_days_session_id_day_date_key;
alter table training_session_days add constraint training_session_days_one_date_each unique (session_id, day_date) deferrable initially deferred;

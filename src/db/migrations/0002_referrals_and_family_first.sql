-- Referrals with a lifecycle, allocation to a case, case closure, and Family First involvements.
--
-- `referrals` (the extract's table) keeps only DECIDED referrals: its pathway stays NOT NULL, so the window
-- indicators (which count referrals by received_date and pathway) never see a referral in a pathway it does
-- not have, and extract import/export is unchanged. A referral recorded in Cairn lives in `referral_intake`
-- from the day it arrives; when a manager decides its pathway, the same referral_id is written to
-- `referrals` in the same transaction. Referrals imported from an extract have no intake row.

create table referral_intake (
  referral_id record_id primary key,
  -- Siblings referred together share one group.
  group_id record_id not null,
  child_id record_id not null references children (child_id),
  received_date date not null,
  source text not null check (source in ('education', 'police', 'health', 'self_or_family', 'social_work', 'scra', 'third_sector', 'other')),
  reason text not null check (reason <> ''),
  school_cluster text,
  -- The team the referral was sent to: whose manager's tray it is in.
  team text not null check (team <> ''),
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now(),
  screening_notes text,
  screened_by uuid references users (user_id),
  screened_at timestamptz,
  pathway text check (pathway in ('family_first', 'social_work_assessment', 'signposted', 'no_further_action')),
  decision_reason text,
  decided_date date,
  decided_by uuid references users (user_id),
  case_id record_id unique references cases (case_id),
  constraint intake_screening_complete check ((screened_at is null) = (screened_by is null)),
  constraint intake_decision_complete check (
    (pathway is null and decided_date is null and decision_reason is null)
    or (pathway is not null and decided_date is not null and decision_reason is not null and decision_reason <> '')),
  constraint intake_decided_after_received check (decided_date is null or decided_date >= received_date),
  -- Only a referral decided for Family First or a social work assessment is allocated to a worker.
  constraint intake_allocated_when_decided check (case_id is null or pathway in ('family_first', 'social_work_assessment'))
);
create index referral_intake_child_idx on referral_intake (child_id);
create index referral_intake_team_idx on referral_intake (team, received_date);
create index referral_intake_group_idx on referral_intake (group_id);

-- Why a case was closed (cases.closed_date holds when).
create table case_closures (
  case_id record_id primary key references cases (case_id),
  reason text not null check (reason in ('outcomes_met', 'stepped_down_universal', 'stepped_up_statutory', 'moved_away', 'family_declined', 'other')),
  notes text,
  closed_by uuid references users (user_id),
  recorded_at timestamptz not null default now()
);

create table family_first_involvements (
  involvement_id record_id primary key,
  case_id record_id not null unique references cases (case_id),
  child_id record_id not null references children (child_id),
  referral_id record_id references referral_intake (referral_id),
  started_date date not null,
  plan text,
  ended_date date,
  ending text check (ending in ('step_up', 'step_down', 'closed')),
  ending_notes text,
  constraint involvement_ending_complete check ((ended_date is null) = (ending is null)),
  constraint involvement_dates_ordered check (ended_date is null or ended_date >= started_date)
);
create index involvements_child_idx on family_first_involvements (child_id);

create table family_first_sessions (
  session_id record_id primary key,
  involvement_id record_id not null references family_first_involvements (involvement_id),
  session_date date not null,
  who text not null check (who <> ''),
  what_was_done text not null check (what_was_done <> ''),
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now()
);
create index sessions_involvement_idx on family_first_sessions (involvement_id, session_date);

-- The family's own words, quoted only with their consent.
create table family_first_feedback (
  feedback_id record_id primary key,
  involvement_id record_id not null references family_first_involvements (involvement_id),
  given_date date not null,
  words text not null check (words <> ''),
  consent_to_quote boolean not null,
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now()
);
create index feedback_involvement_idx on family_first_feedback (involvement_id);

-- Visits and tasks on a case, for the worker's tray (overdue when not done by the due date).
create table case_tasks (
  task_id record_id primary key,
  case_id record_id not null references cases (case_id),
  kind text not null check (kind in ('visit', 'task')),
  description text not null check (description <> ''),
  due_date date not null,
  done_date date,
  created_by uuid references users (user_id),
  created_at timestamptz not null default now()
);
create index case_tasks_case_idx on case_tasks (case_id, due_date);

-- Significant events a worker adds to a child's chronology (the rest of the chronology is read from the records).
create table significant_events (
  event_id record_id primary key,
  child_id record_id not null references children (child_id),
  event_date date not null,
  title text not null check (title <> ''),
  details text,
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now()
);
create index significant_events_child_idx on significant_events (child_id, event_date);

-- Two records of one child merged into one: every record of the duplicate now belongs to the kept child, and the
-- duplicate's own details are kept here (the audit trail keeps events under the old id, unchanged).
create table child_merges (
  merged_child_id text primary key,
  kept_child_id record_id not null references children (child_id),
  merged_details jsonb not null,
  reason text not null check (reason <> ''),
  merged_by uuid references users (user_id),
  merged_at timestamptz not null default now()
);
create index child_merges_kept_idx on child_merges (kept_child_id);

-- The key people and agencies around a child and their family (household members, school, health visitor, …).
create table key_people (
  person_id record_id primary key,
  child_id record_id not null references children (child_id),
  name text not null check (name <> ''),
  relationship text not null check (relationship <> ''),
  in_household boolean not null default false,
  agency text,
  contact text,
  added_by uuid references users (user_id),
  added_at timestamptz not null default now()
);
create index key_people_child_idx on key_people (child_id);

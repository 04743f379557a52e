-- Issue 16: restricted records and break-glass (ADR 0044). A service manager restricts a child's record to named
-- people; anyone else in scope sees "Restricted record" and may open it only by giving a reason (break-glass), which
-- opens it to them alone for a limited time and waits on a list for a service manager to review.
create table restricted_records (
  child_id text primary key references children (child_id),
  restricted_by uuid not null references users (user_id),
  restricted_at timestamptz not null default now(),
  reason text not null check (btrim(reason) <> '')
);

-- The people a restricted record stays open to (a merge moves both tables to the surviving id in one statement).
create table restricted_record_people (
  child_id text not null references restricted_records (child_id) on delete cascade,
  user_id uuid not null references users (user_id),
  primary key (child_id, user_id)
);

-- Each break-glass opening: who, which child, why, when, until when, and whether a service manager has reviewed it.
create table break_glass_openings (
  opening_id text primary key,
  child_id text not null references children (child_id),
  user_id uuid not null references users (user_id),
  reason text not null check (btrim(reason) <> ''),
  opened_at timestamptz not null default now(),
  open_until timestamptz not null,
  reviewed_by uuid references users (user_id),
  reviewed_at timestamptz,
  constraint break_glass_ends_after_it_opens check (open_until > opened_at),
  constraint break_glass_reviewed_by_someone check ((reviewed_by is null) = (reviewed_at is null))
);
create index break_glass_open_idx on break_glass_openings (child_id, user_id, open_until);
create index break_glass_unreviewed_idx on break_glass_openings (opened_at) where reviewed_at is null;

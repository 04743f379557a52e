-- Issue 16 item 4: granting a role that reaches every child or manages accounts needs a second administrator
-- (or the operator at the command line). The first administrator's change waits here until another one approves it
-- or it is cancelled; the account keeps its old role meanwhile (ADR 0043).
create table role_grants (
  grant_id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (user_id) on delete cascade,
  -- Checked against the roles when it is copied to users.role on approval.
  role text not null,
  requested_by uuid not null references users (user_id),
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  -- Who approved or cancelled: an administrator's account, or null for the operator at the command line.
  decided_by uuid references users (user_id),
  outcome text check (outcome in ('approved', 'cancelled')),
  check ((decided_at is null) = (outcome is null)),
  -- The one who asked may cancel, never approve.
  check (outcome is distinct from 'approved' or decided_by is distinct from requested_by)
);
-- At most one grant waiting per account.
create unique index role_grants_one_pending_idx on role_grants (user_id) where outcome is null;

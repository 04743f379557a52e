-- Issue 16: server-side sessions. The cookie carries a random id; only its SHA-256 hash is kept here, so a copy of
-- this table cannot be replayed as cookies. A session ends at sign-out, "sign out everywhere", when its account is
-- disabled, after the idle timeout, or at its absolute expiry, whichever comes first (ADR 0040).
create table sessions (
  session_hash text primary key check (session_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references users (user_id) on delete cascade,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  ended_reason text check (ended_reason in ('signed_out', 'signed_out_everywhere', 'ended_by_admin', 'account_disabled', 'idle', 'expired')),
  check ((ended_at is null) = (ended_reason is null)),
  check (expires_at > started_at)
);
create index sessions_open_by_user_idx on sessions (user_id) where ended_at is null;

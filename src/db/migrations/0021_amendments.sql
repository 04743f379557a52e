-- Corrections as amendments, never silent edits (issue 12, ADR 0020): the record holds the corrected value,
-- so every figure uses it; each correction keeps what the record said before, who corrected it, when and why.
create table amendments (
  amendment_id uuid primary key,
  child_id text not null references children (child_id),
  record_kind text not null,
  record_id text not null,
  reason text not null check (length(btrim(reason)) > 0),
  before jsonb not null,
  after jsonb not null,
  amended_by uuid not null references users (user_id),
  amended_at timestamptz not null default now()
);
create index amendments_by_record on amendments (record_kind, record_id, amended_at);
create index amendments_by_child on amendments (child_id);

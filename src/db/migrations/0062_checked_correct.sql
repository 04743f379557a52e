-- Issue 17: a query marked "checked, correct", with the reason, against the rule's code and the record it names. The
-- fingerprint is a hash of the record as it was when marked: once the record changes the mark lapses and the query is
-- shown again. A mark is withdrawn, never deleted, so the list of who marked what, when and why stays whole.
create table data_quality_checked (
  mark_id bigint generated always as identity primary key,
  code text not null,
  record_table text not null,
  record_id text not null,
  child_id text,
  fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  reason text not null check (length(btrim(reason)) between 1 and 1000),
  marked_by uuid references users (user_id),
  marked_by_name text not null,
  marked_at timestamptz not null default now(),
  withdrawn_by uuid references users (user_id),
  withdrawn_by_name text,
  withdrawn_at timestamptz,
  check ((withdrawn_at is null) = (withdrawn_by_name is null))
);
create unique index data_quality_checked_current_idx on data_quality_checked (code, record_table, record_id) where withdrawn_at is null;

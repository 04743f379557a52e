-- Issue 17: counts over time. Every run of the returns' rules (after an import, nightly, on demand from the command
-- line, or "check now" on the data quality page) keeps a snapshot of how many issues each rule found, so the data
-- quality page can show whether the records are getting better. Issues marked "checked, correct" are not counted.
create table data_quality_runs (
  run_id bigint generated always as identity primary key,
  ran_at timestamptz not null default now(),
  trigger text not null check (trigger in ('import', 'nightly', 'on_demand', 'page')),
  collection_year text not null check (collection_year ~ '^\d{4}-\d{2}$'),
  rule_pack text not null,
  errors integer not null check (errors >= 0),
  queries integer not null check (queries >= 0),
  checked_correct integer not null check (checked_correct >= 0),
  rules_failed integer not null check (rules_failed >= 0),
  rules_skipped integer not null check (rules_skipped >= 0)
);
create index data_quality_runs_year_idx on data_quality_runs (collection_year, ran_at);

create table data_quality_run_counts (
  run_id bigint not null references data_quality_runs (run_id) on delete cascade,
  code text not null,
  kind text not null check (kind in ('error', 'query')),
  issues integer not null check (issues > 0),
  primary key (run_id, code)
);

-- Results kept in the database while the records under them are unchanged (ADR 0061, after ADR 0055): a result is
-- stored with the snapshot it was worked out in, as JSON text (given back exactly as kept), so another process — the
-- `cairn stats` command, the server after a restart — can give it again instead of working it out, while no
-- transaction noted in data_changes is visible now that was not in that snapshot.
--
-- Not watched by data_changes: keeping a result is not a change to the records (test/db/dataChanges.test.ts).

create table kept_results (
  kind text not null,
  key text not null,
  snapshot text not null,
  kept_at timestamptz not null default clock_timestamp(),
  value text not null,
  primary key (kind, key)
);

-- A note of a change names the tables the transaction wrote (ADR 0076), so a kept result is made untrue only by a
-- change to a table it reads: the figures are kept through a sign-in (which writes `users`), a case note or a safety
-- map, none of which any figure counts. A note from before this migration names none (null): it stands for every table.

alter table data_changes add column tables text[];

create or replace function note_data_change() returns trigger language plpgsql as $$
begin
  insert into data_changes (xid, tables) values (pg_current_xact_id(), array[TG_TABLE_NAME::text])
  on conflict (xid) do update set tables = data_changes.tables || excluded.tables
   where data_changes.tables is not null and not (data_changes.tables @> excluded.tables);
  return null;
end $$;

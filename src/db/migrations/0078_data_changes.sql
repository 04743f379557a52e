-- Results kept while the records under them are unchanged (ADR 0055). Every transaction that writes a watched table
-- notes its transaction id here, once, from a statement-level trigger; a result kept with the snapshot it was worked
-- out in is still true while no transaction noted here is visible now but was not visible in that snapshot.
--
-- Watched: every table except those written by reading (audit events and their chain head, sessions, drafts kept
-- as someone types) and this one. A table added by a later migration must say which it is: test/db/dataChanges.test.ts
-- fails until it does.

create table data_changes (
  xid xid8 primary key,
  noted_at timestamptz not null default clock_timestamp()
);
create index data_changes_noted_at_idx on data_changes (noted_at);

create function note_data_change() returns trigger language plpgsql as $$
begin
  insert into data_changes (xid) values (pg_current_xact_id()) on conflict (xid) do nothing;
  return null;
end $$;

do $$
declare
  watched record;
begin
  for watched in
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind in ('r', 'p')
       and c.relname not in ('audit_events', 'audit_chain_head', 'sessions', 'drafts', 'data_changes', 'schema_migrations')
  loop
    execute format('create trigger note_data_change after insert or update or delete or truncate on %I for each statement execute function note_data_change()', watched.relname);
  end loop;
end $$;

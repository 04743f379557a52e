-- Issue 16 item 3: a tamper-evident audit trail (ADR 0041). Every event carries its place in one chain, the hash
-- of the event before it, and its own hash: SHA-256 over its canonical content, which includes that previous hash.
-- The database sets the time, the place and both hashes; whatever the application sends for them is overwritten.
alter table audit_events
  add column chain_position bigint,
  add column previous_hash text,
  add column hash text;

-- The end of the chain: one row, locked by each insert so two transactions never chain to the same event.
create table audit_chain_head (
  only_row boolean primary key default true check (only_row),
  chain_position bigint not null,
  hash text not null
);

-- The text an event's hash is taken over: a JSON array in a fixed order, the time in UTC with microseconds.
-- `cairn audit verify` rebuilds the same text in TypeScript (src/modules/audit/auditChain.ts) rather than trust this.
create function audit_event_canonical(e audit_events) returns text language sql stable as $$
  select jsonb_build_array(
    e.chain_position, e.event_id,
    to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.user_id, e.actor, e.action, e.child_id, e.subject, e.reason, e.details, e.previous_hash
  )::text
$$;

create function audit_event_hash(e audit_events) returns text language sql stable as $$
  select encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex')
$$;

-- Chain each new event under the head's row lock. SECURITY DEFINER: the application's role may insert events but
-- has no right to the head (ADR 0042).
create function audit_events_chain() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  head audit_chain_head;
begin
  select * into head from audit_chain_head for update;
  new.occurred_at := now();
  new.chain_position := head.chain_position + 1;
  new.previous_hash := head.hash;
  new.hash := audit_event_hash(new);
  update audit_chain_head set chain_position = new.chain_position, hash = new.hash;
  return new;
end;
$$;

-- The events already written are chained in the order they were written.
alter table audit_events disable trigger audit_events_append_only;
do $$
declare
  e audit_events;
  previous text := repeat('0', 64);
  written bigint := 0;
begin
  for e in select * from audit_events order by event_id loop
    written := written + 1;
    e.chain_position := written;
    e.previous_hash := previous;
    e.hash := audit_event_hash(e);
    update audit_events set chain_position = e.chain_position, previous_hash = e.previous_hash, hash = e.hash
      where event_id = e.event_id;
    previous := e.hash;
  end loop;
  insert into audit_chain_head (chain_position, hash) values (written, previous);
end;
$$;
alter table audit_events enable trigger audit_events_append_only;

alter table audit_events
  alter column chain_position set not null,
  alter column previous_hash set not null,
  alter column hash set not null;
create unique index audit_chain_position_idx on audit_events (chain_position);

create trigger audit_events_chain before insert on audit_events
  for each row execute function audit_events_chain();

-- The head changes only through the trigger above.
create trigger audit_chain_head_no_delete before delete or truncate on audit_chain_head
  for each statement execute function refuse_audit_change();

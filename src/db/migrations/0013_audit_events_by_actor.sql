-- The audit trail is searched by who did something (/admin/audit?actor=…): without this index every search
-- by actor read the whole trail.
create index if not exists audit_actor_idx on audit_events (actor, occurred_at);

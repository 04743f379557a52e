-- Cairn on PostgreSQL with two roles (ADR 0042): cairn_owner owns every table and runs `cairn migrate`
-- (DATABASE_OWNER_URL); cairn_app is the server's role (DATABASE_URL). It owns nothing, so it cannot
-- ALTER TABLE … DISABLE TRIGGER or DROP TRIGGER, and it may only read and add audit events, never change them.
-- Change the passwords. test/security/auditRoles.test.ts runs this file with role names of its own.

-- Part 1: once, as a superuser (or a role with CREATEROLE and CREATEDB). Run each statement on its own.
create role cairn_owner login password 'change me';
create role cairn_app login password 'change me too';
create database cairn owner cairn_owner;

-- Part 2: as cairn_owner, connected to the cairn database, after the first `cairn migrate`. Safe to run again.
revoke all on schema public from public;
grant usage on schema public to cairn_app;
grant select, insert, update, delete on all tables in schema public to cairn_app;
grant usage, select on all sequences in schema public to cairn_app;
-- The audit trail: read and add only. Its chain head is kept by a SECURITY DEFINER trigger, never by the app,
-- which may read it (`cairn audit verify`).
revoke update, delete, truncate, references, trigger on audit_events from cairn_app;
revoke insert, update, delete, truncate, references, trigger on audit_chain_head from cairn_app;
revoke insert, update, delete on schema_migrations from cairn_app;
-- Tables and sequences later migrations create are the app's to use too (audit tables are revoked above by name).
alter default privileges in schema public grant select, insert, update, delete on tables to cairn_app;
alter default privileges in schema public grant usage, select on sequences to cairn_app;

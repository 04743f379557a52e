-- Roles are defined once, in src/platform/access/roles.ts (ADR 0013): adding a role is one entry there, so the
-- database no longer repeats the list. It keeps a role a well-formed key; an unknown key grants nothing.
alter table users drop constraint if exists users_role_check;
alter table users add constraint users_role_key check (role ~ '^[a-z][a-z_]{1,39}$');

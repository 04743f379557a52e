-- Optimistic versions for the key people around a child (issue 12, ADR 0020): two people changing one person's
-- details at once are merged field by field (platform/forms/versions.ts), never silently overwritten.
alter table key_people add column version integer not null default 1;

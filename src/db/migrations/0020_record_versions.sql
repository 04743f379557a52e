-- Optimistic versions for records two people can edit at once (issue 12, ADR 0020): every change bumps the
-- version, and a change saved against an older version is merged field by field (platform/forms/versions.ts).
alter table children add column version integer not null default 1;
alter table placements add column version integer not null default 1;

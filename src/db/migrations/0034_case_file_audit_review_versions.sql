-- Versions on audit grades (issue 12, ADR 0020): an auditor's grades saved from two tabs (or a kept draft) against
-- an older version are merged field by field, never silently overwritten (platform/forms/versions.ts).
alter table case_file_audit_reviews add column version integer not null default 1;

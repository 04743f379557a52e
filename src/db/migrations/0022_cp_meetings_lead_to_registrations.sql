-- Child protection in sequence (issue 13) and corrections (issue 12, ADR 0021): a registration names the planning
-- meeting that decided it (older and imported registrations may not), and registrations and meetings carry a version
-- so two people correcting one record at once cannot silently overwrite each other.
alter table cp_registrations add column meeting_id record_id references cp_planning_meetings (meeting_id);
alter table cp_registrations add column version integer not null default 1;
alter table cp_planning_meetings add column version integer not null default 1;
create index cp_registrations_meeting_idx on cp_registrations (meeting_id);

-- Signs of Safety versions are made per meeting or deliberate save (issue 13, item 9): two meetings may agree the same
-- version of a map (nothing on the map changed between them, only the numbers), so a version is no longer unique per meeting.
alter table safety_map_meetings drop constraint safety_map_meetings_map_id_version_key;
create index safety_map_meetings_map on safety_map_meetings (map_id, held_on);

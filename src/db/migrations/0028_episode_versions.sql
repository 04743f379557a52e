-- Correcting a looked after episode (issue 12, ADR 0024): like placements (0020), an episode carries a version that
-- every correction bumps, so two people correcting one episode at once are merged field by field.
alter table looked_after_episodes add column version integer not null default 1;

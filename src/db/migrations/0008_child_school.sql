-- A child's school: recorded in Cairn only (the extract has the school cluster, not the school).
-- The importer's upsert of children names its own columns, so an import never wipes a school recorded here.
alter table children add column school text check (school is null or (school <> '' and length(school) <= 100));

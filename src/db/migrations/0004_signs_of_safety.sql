-- Signs of Safety as the record: case maps (with danger statements paired to safety goals in one row, so a
-- danger statement can never exist without its goal), safety scaling per pair, the safety network and plan,
-- every map change kept as a revision (optimistic concurrency on safety_maps.version), meeting versions,
-- and the child's own words and drawings.

create table safety_maps (
  map_id uuid primary key,
  child_id record_id not null references children (child_id),
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  -- Bumped by every change: `update … where map_id = $1 and version = $2` refuses a stale edit.
  version integer not null default 1 check (version >= 1),
  started_from uuid references safety_maps (map_id),
  created_by uuid not null references users (user_id),
  created_at timestamptz not null default now()
);
create index safety_maps_child on safety_maps (child_id, created_at);

-- The other children of a sibling group the map covers.
create table safety_map_children (
  map_id uuid not null references safety_maps (map_id),
  child_id record_id not null references children (child_id),
  primary key (map_id, child_id)
);
create index safety_map_children_child on safety_map_children (child_id);

create table safety_map_items (
  item_id uuid primary key,
  map_id uuid not null references safety_maps (map_id),
  category text not null check (category in ('harm', 'complicating_factor', 'existing_strength', 'existing_safety', 'next_step')),
  words text not null check (btrim(words) <> '' and length(words) <= 4000),
  said_by text not null check (btrim(said_by) <> '' and length(said_by) <= 200),
  said_on date not null,
  position integer not null
);
create index safety_map_items_map on safety_map_items (map_id, category, position);

-- A danger statement and its safety goal are one row: neither can be saved without the other.
create table safety_pairs (
  pair_id uuid primary key,
  map_id uuid not null references safety_maps (map_id),
  danger_statement text not null check (btrim(danger_statement) <> '' and length(danger_statement) <= 4000),
  safety_goal text not null check (btrim(safety_goal) <> '' and length(safety_goal) <= 4000),
  said_by text not null check (btrim(said_by) <> '' and length(said_by) <= 200),
  said_on date not null,
  position integer not null
);
create index safety_pairs_map on safety_pairs (map_id, position);

-- Each person's own number on a pair's safety scale, at one meeting.
create table safety_scores (
  score_id uuid primary key,
  pair_id uuid not null references safety_pairs (pair_id),
  scored_on date not null,
  person_name text not null check (btrim(person_name) <> '' and length(person_name) <= 200),
  person_role text not null check (person_role in ('worker', 'parent', 'partner_agency', 'child', 'family_member', 'other')),
  score smallint not null check (score between 0 and 10),
  recorded_by uuid not null references users (user_id),
  recorded_at timestamptz not null default now(),
  unique (pair_id, scored_on, person_name)
);

create table safety_network_members (
  member_id uuid primary key,
  map_id uuid not null references safety_maps (map_id),
  name text not null check (btrim(name) <> '' and length(name) <= 200),
  relationship text not null check (btrim(relationship) <> '' and length(relationship) <= 200),
  agreed_to_do text not null check (btrim(agreed_to_do) <> '' and length(agreed_to_do) <= 4000),
  position integer not null
);

create table safety_plan_rules (
  rule_id uuid primary key,
  map_id uuid not null references safety_maps (map_id),
  rule text not null check (btrim(rule) <> '' and length(rule) <= 4000),
  who_does_what text not null check (btrim(who_does_what) <> '' and length(who_does_what) <= 4000),
  if_broken text not null check (btrim(if_broken) <> '' and length(if_broken) <= 4000),
  position integer not null
);

-- The whole map as it stood after each change (version), so a conflict can show what someone else changed
-- and any two versions can be compared.
create table safety_map_revisions (
  map_id uuid not null references safety_maps (map_id),
  version integer not null,
  content jsonb not null,
  change text not null,
  changed_by uuid not null references users (user_id),
  changed_at timestamptz not null default now(),
  primary key (map_id, version)
);

-- A meeting fixes a version of the map: the map as agreed at a case conference, core group or review.
create table safety_map_meetings (
  meeting_id uuid primary key,
  map_id uuid not null,
  version integer not null,
  meeting_type text not null check (meeting_type in ('case_conference', 'core_group', 'review')),
  held_on date not null,
  recorded_by uuid not null references users (user_id),
  recorded_at timestamptz not null default now(),
  foreign key (map_id, version) references safety_map_revisions (map_id, version),
  unique (map_id, version)
);

create table child_voice_entries (
  entry_id uuid primary key,
  child_id record_id not null references children (child_id),
  tool text not null check (tool in ('worries', 'good_things', 'hopes_and_dreams', 'words_and_pictures')),
  words text not null check (btrim(words) <> '' and length(words) <= 4000),
  recorded_on date not null,
  recorded_by uuid not null references users (user_id),
  recorded_at timestamptz not null default now()
);
create index child_voice_entries_child on child_voice_entries (child_id, recorded_on);

create table child_drawings (
  drawing_id uuid primary key,
  child_id record_id not null references children (child_id),
  tool text not null check (tool in ('worries', 'good_things', 'hopes_and_dreams', 'words_and_pictures')),
  description text not null check (btrim(description) <> '' and length(description) <= 1000),
  content_type text not null check (content_type in ('image/png', 'image/jpeg')),
  picture bytea not null check (octet_length(picture) between 1 and 5242880),
  drawn_on date not null,
  uploaded_by uuid not null references users (user_id),
  uploaded_at timestamptz not null default now()
);
create index child_drawings_child on child_drawings (child_id, drawn_on);

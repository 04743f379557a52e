-- Issue 7, part 4: training records. A staff register apart from user accounts (panel members and head
-- teachers have no Cairn account), courses and the staff groups they are meant for, sessions with one row per
-- day, and attendance per person per day. Coverage is worked out from these (src/modules/training/training.ts).

create table training_staff (
  staff_id text primary key,
  name text not null check (length(btrim(name)) between 1 and 200),
  staff_group text not null check (staff_group in
    ('social_work', 'family_support', 'childrens_panel', 'head_teachers', 'education', 'health', 'police', 'admin', 'other')),
  team text not null default '' check (length(team) <= 200),
  active_from date not null,
  active_to date,
  user_id uuid references users (user_id),
  check (active_to is null or active_to >= active_from)
);
create index training_staff_group_idx on training_staff (staff_group, active_from);

create table training_courses (
  course_id text primary key,
  title text not null check (length(btrim(title)) between 1 and 200),
  days integer not null check (days between 1 and 10),
  counts_as_trained boolean not null
);
create unique index training_courses_title_idx on training_courses (lower(title));

create table training_course_groups (
  course_id text not null references training_courses (course_id) on delete cascade,
  staff_group text not null check (staff_group in
    ('social_work', 'family_support', 'childrens_panel', 'head_teachers', 'education', 'health', 'police', 'admin', 'other')),
  primary key (course_id, staff_group)
);

create table training_sessions (
  session_id text primary key,
  course_id text not null references training_courses (course_id),
  venue text not null check (length(btrim(venue)) between 1 and 200),
  trainer text not null check (length(btrim(trainer)) between 1 and 200)
);
create index training_sessions_course_idx on training_sessions (course_id);

-- One row per day of a session: day 1 .. the course's days, on strictly later dates.
create table training_session_days (
  session_id text not null references training_sessions (session_id) on delete cascade,
  day_number integer not null check (day_number >= 1),
  day_date date not null,
  primary key (session_id, day_number),
  unique (session_id, day_date)
);

create table training_attendance (
  session_id text not null,
  day_number integer not null,
  staff_id text not null references training_staff (staff_id),
  attended boolean not null,
  recorded_by uuid references users (user_id),
  primary key (session_id, day_number, staff_id),
  foreign key (session_id, day_number) references training_session_days (session_id, day_number) on delete cascade
);
create index training_attendance_staff_idx on training_attendance (staff_id);

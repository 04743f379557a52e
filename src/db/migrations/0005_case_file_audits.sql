-- Case file audits (issue 7): versioned rubrics whose questions carry a stable key, audit rounds with a
-- reproducible sample of open cases (the seed is stored), allocation to auditors, blind moderation by a second
-- auditor, and each auditor's grades. The Signs of Safety rubric, version 1, comes ready-made.

create table case_file_audit_rubrics (
  rubric_id integer generated always as identity primary key,
  name text not null check (btrim(name) <> '' and length(name) <= 200),
  version integer not null check (version >= 1),
  created_by uuid references users (user_id),
  created_at timestamptz not null default now(),
  unique (name, version)
);

-- A question keeps its key from version to version, so rounds on different versions can be compared.
create table case_file_audit_questions (
  rubric_id integer not null references case_file_audit_rubrics (rubric_id),
  question_key text not null check (question_key ~ '^[a-z0-9_]{1,60}$'),
  position integer not null check (position >= 1),
  question_text text not null check (btrim(question_text) <> '' and length(question_text) <= 500),
  guidance text not null default '' check (length(guidance) <= 2000),
  scale text not null check (scale in ('five_point', 'yes_no')),
  primary key (rubric_id, question_key),
  unique (rubric_id, position)
);

create table case_file_audit_rounds (
  round_id integer generated always as identity primary key,
  name text not null check (btrim(name) <> '' and length(name) <= 200),
  rubric_id integer not null references case_file_audit_rubrics (rubric_id),
  period_start date not null,
  period_end date not null,
  sample_size integer not null check (sample_size between 1 and 2000),
  stratified boolean not null,
  -- The draw is reproducible: the same seed over the same open cases draws the same files.
  seed integer not null check (seed between 0 and 2147483647),
  -- How many cases were open in the period when the sample was drawn.
  open_cases integer not null check (open_cases >= 0),
  created_by uuid references users (user_id),
  created_at timestamptz not null default now(),
  constraint case_file_audit_rounds_period check (period_end >= period_start)
);

create table case_file_audit_files (
  file_id integer generated always as identity primary key,
  round_id integer not null references case_file_audit_rounds (round_id),
  -- The child is the case's: not stored again here, so merging two records of a child (which repoints cases)
  -- carries the audit file with it.
  case_id record_id not null references cases (case_id),
  -- The case's team when the sample was drawn.
  team text not null,
  draw_order integer not null check (draw_order >= 1),
  auditor_id uuid references users (user_id),
  moderator_id uuid references users (user_id),
  unique (round_id, case_id),
  unique (round_id, draw_order),
  constraint case_file_audit_files_second_auditor check (moderator_id is null or moderator_id <> auditor_id)
);
create index case_file_audit_files_auditor on case_file_audit_files (auditor_id);
create index case_file_audit_files_moderator on case_file_audit_files (moderator_id);

-- One review per file per part: the allocated auditor's, and the moderator's (graded blind).
create table case_file_audit_reviews (
  file_id integer not null references case_file_audit_files (file_id),
  part text not null check (part in ('audit', 'moderation')),
  reviewer_id uuid not null references users (user_id),
  strengths text not null default '' check (length(strengths) <= 4000),
  actions text not null default '' check (length(actions) <= 4000),
  graded_at timestamptz not null default now(),
  primary key (file_id, part)
);

create table case_file_audit_grades (
  file_id integer not null,
  part text not null,
  question_key text not null,
  grade text not null check (grade in ('excellent', 'good', 'adequate', 'weak', 'unsatisfactory', 'yes', 'no')),
  primary key (file_id, part, question_key),
  foreign key (file_id, part) references case_file_audit_reviews (file_id, part)
);

-- The ready-made Signs of Safety rubric, version 1.
insert into case_file_audit_rubrics (name, version) values ('Signs of Safety practice', 1);
insert into case_file_audit_questions (rubric_id, question_key, position, question_text, guidance, scale)
select r.rubric_id, q.question_key, q.position, q.question_text, q.guidance, q.scale
  from case_file_audit_rubrics r,
  (values
    ('map_present', 1, 'Is there a Signs of Safety case map on the file, and is it current?',
     'Yes when a map exists and was made or reviewed within the last six months, or since the last significant change for the family.', 'yes_no'),
    ('harm_danger_plain_language', 2, 'Are the harm and danger statements written in plain language the family can understand?',
     'Excellent: specific, behavioural, free of jargon, saying who did what, when, and its impact on the child. Unsatisfactory: labels such as “neglect” or “risk” with no description.', 'five_point'),
    ('danger_paired_with_goal', 3, 'Is each danger statement paired with a safety goal?',
     'Each safety goal says what the family, with their network, will be doing so that everyone knows the child is safe.', 'five_point'),
    ('scaling_family_agencies', 4, 'Has safety been scaled by the family and by the agencies involved?',
     'Look for each person’s own number on the 0–10 scale at each meeting, with what would move it up one point.', 'five_point'),
    ('safety_network', 5, 'Is there a safety network of people who know the worries and have agreed what they will do?',
     'Names, relationships and what each person has agreed to do; more than professionals alone.', 'five_point'),
    ('safety_plan', 6, 'Is there a safety plan with clear rules, who does what, and what happens if a rule is broken?',
     'The plan should be written with the family and network, in their words, and tested over time.', 'five_point'),
    ('childs_voice', 7, 'Is the child’s voice on the file (Three Houses, Words and Pictures or their own words)?',
     'The child’s own worries, good things and hopes, recorded in their words or drawings, and used in the plan.', 'five_point'),
    ('next_steps', 8, 'Are the next steps clear, with who will do what and by when?',
     'Next steps should follow from the danger statements and safety goals.', 'five_point')
  ) as q (question_key, position, question_text, guidance, scale)
 where r.name = 'Signs of Safety practice' and r.version = 1;

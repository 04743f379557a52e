-- Surveys of families and staff (issue 7): a questionnaire of ordered Likert and free-text questions, run as
-- waves; each wave's single-use links (only a SHA-256 hash of each token is kept), and anonymous responses
-- (no IP address, no user agent, no account). A survey's questions are fixed once it has a wave, so waves
-- compare like with like; one response per link is enforced by a unique key.

create table surveys (
  survey_id integer generated always as identity primary key,
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  audience text not null check (audience in ('families', 'staff')),
  intro text not null default '' check (length(intro) <= 4000),
  created_by uuid not null references users (user_id),
  created_at timestamptz not null default now()
);
create unique index surveys_title on surveys (lower(title));

create table survey_questions (
  question_id integer generated always as identity primary key,
  survey_id integer not null references surveys (survey_id),
  position integer not null check (position >= 1),
  kind text not null check (kind in ('likert', 'free_text')),
  question_text text not null check (btrim(question_text) <> '' and length(question_text) <= 500),
  hint text not null default '' check (length(hint) <= 500),
  -- A Likert question's five answers, most positive first, stored with the question; none for free text.
  scale text[] check ((kind = 'likert') = (scale is not null) and (scale is null or cardinality(scale) = 5)),
  -- Must be set for a question to ask for anything that could identify someone; the public page says so.
  asks_personal_data boolean not null default false,
  required boolean not null default false check (not (required and asks_personal_data)),
  unique (survey_id, position) deferrable initially deferred
);

create table survey_waves (
  wave_id integer generated always as identity primary key,
  survey_id integer not null references surveys (survey_id),
  name text not null check (btrim(name) <> '' and length(name) <= 100),
  opens_on date not null,
  closed_on date check (closed_on >= opens_on),
  opened_by uuid not null references users (user_id),
  closed_by uuid references users (user_id),
  check ((closed_on is null) = (closed_by is null))
);
create unique index survey_waves_name on survey_waves (survey_id, lower(name));
-- One open wave per survey at a time.
create unique index survey_waves_one_open on survey_waves (survey_id) where closed_on is null;

-- The questions are fixed once the survey has a wave: refused here as well as in the service.
create function refuse_fixed_question_change() returns trigger language plpgsql as $$
declare
  changed_survey integer;
begin
  if tg_op = 'DELETE' then changed_survey := old.survey_id; else changed_survey := new.survey_id; end if;
  if exists (select 1 from survey_waves where survey_id = changed_survey) then
    raise exception 'the questions of a survey with a wave are fixed' using errcode = '55000';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end;
$$;
create trigger survey_questions_fixed before insert or update or delete on survey_questions
  for each row execute function refuse_fixed_question_change();

-- One row per link handed out. The token itself is never stored: only its SHA-256 hash (hex).
create table survey_links (
  link_id integer generated always as identity primary key,
  wave_id integer not null references survey_waves (wave_id),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  issued_by uuid not null references users (user_id),
  issued_at timestamptz not null default now(),
  used_at timestamptz
);
create index survey_links_wave on survey_links (wave_id);

-- One response per link (the unique key), nothing about who or where it came from.
create table survey_responses (
  response_id integer generated always as identity primary key,
  link_id integer not null unique references survey_links (link_id),
  wave_id integer not null references survey_waves (wave_id)
);
create index survey_responses_wave on survey_responses (wave_id);

create table survey_answers (
  response_id integer not null references survey_responses (response_id),
  question_id integer not null references survey_questions (question_id),
  -- A Likert answer: the position (1-5) of the chosen answer in the question's scale.
  choice smallint check (choice between 1 and 5),
  words text check (btrim(words) <> '' and length(words) <= 2000),
  check ((choice is null) <> (words is null)),
  primary key (response_id, question_id)
);
create index survey_answers_question on survey_answers (question_id);

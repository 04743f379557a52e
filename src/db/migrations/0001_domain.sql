-- The whole domain of extract-format.md v1, plus users, audit events and drafts.
-- Ids are the extract's opaque ids (1-64 of letters, digits, - _ . /); Cairn-made records get uuids.
-- Date intervals are half-open: an end date is the first day a record no longer holds.
-- An end on the start day is allowed (a zero-length record, e.g. a referral closed the day it came in).

create extension if not exists btree_gist;

create domain record_id as text check (value ~ '^[A-Za-z0-9._/-]{1,64}$');

create table authority (
  singleton boolean primary key default true check (singleton),
  authority_code text not null check (authority_code <> ''),
  authority_name text not null check (authority_name <> '')
);

create table population (
  year integer primary key check (year between 1900 and 2200),
  age_0_17 integer not null check (age_0_17 >= 0)
);

create table families (
  family_id record_id primary key
);

create table children (
  child_id record_id primary key,
  family_id record_id references families (family_id),
  forename text,
  surname text,
  date_of_birth date not null,
  sex char(1) check (sex in ('M', 'F', 'X', 'U')),
  ethnicity text,
  disability char(1) check (disability in ('Y', 'N', 'U')),
  school_cluster text,
  locality text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index children_surname_idx on children (lower(surname) text_pattern_ops);
create index children_forename_idx on children (lower(forename) text_pattern_ops);
create index children_dob_idx on children (date_of_birth);
create index children_family_idx on children (family_id);
create index children_cluster_idx on children (school_cluster);

create table cases (
  case_id record_id primary key,
  child_id record_id not null references children (child_id),
  team text,
  worker_id text,
  opened_date date not null,
  closed_date date,
  constraint cases_dates_ordered check (closed_date is null or closed_date >= opened_date)
);
create index cases_child_idx on cases (child_id);
create index cases_worker_idx on cases (worker_id);
create index cases_team_idx on cases (team);

create table referrals (
  referral_id record_id primary key,
  child_id record_id not null references children (child_id),
  received_date date not null,
  source text check (source in ('education', 'police', 'health', 'self_or_family', 'social_work', 'scra', 'third_sector', 'other')),
  reason text,
  school_cluster text,
  pathway text not null check (pathway in ('family_first', 'social_work_assessment', 'signposted', 'no_further_action')),
  closed_date date,
  constraint referrals_dates_ordered check (closed_date is null or closed_date >= received_date)
);
create index referrals_child_idx on referrals (child_id);
create index referrals_received_idx on referrals (received_date);

create table looked_after_episodes (
  episode_id record_id primary key,
  child_id record_id not null references children (child_id),
  start_date date not null,
  end_date date,
  legal_reason text not null check (legal_reason in ('cso_home', 'cso_away', 'interim_cso', 'cpo_or_warrant', 's25_voluntary', 'permanence_order', 'criminal_justice', 'other')),
  reason_ended text check (reason_ended in ('home_with_parents', 'friends_relatives', 'kinship_care_order', 'adopted', 'continuing_care', 'own_tenancy_supported', 'residential', 'custody', 'other', 'not_known')),
  constraint episodes_dates_ordered check (end_date is null or end_date >= start_date),
  constraint episodes_child_unique unique (episode_id, child_id)
);
create index episodes_child_idx on looked_after_episodes (child_id);
create index episodes_dates_idx on looked_after_episodes (start_date, end_date);

create table providers (
  provider_id record_id primary key,
  name text not null check (name <> ''),
  provider_type text not null check (provider_type in ('local_authority', 'voluntary', 'private', 'other_authority'))
);

create table placements (
  placement_id record_id primary key,
  episode_id record_id not null,
  child_id record_id not null,
  start_date date not null,
  end_date date,
  placement_type text not null check (placement_type in ('at_home', 'kinship', 'foster_la', 'foster_purchased', 'prospective_adopters', 'other_community', 'la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential')),
  provider_id record_id references providers (provider_id),
  out_of_authority boolean not null default false,
  weekly_cost numeric(12, 2) check (weekly_cost >= 0),
  -- The placement's child must be its episode's child.
  constraint placements_episode_fk foreign key (episode_id, child_id) references looked_after_episodes (episode_id, child_id),
  constraint placements_dates_ordered check (end_date is null or end_date >= start_date),
  -- One placement at a time for a child. Deferred so that a re-import may move dates in one transaction.
  constraint placements_no_overlap exclude using gist (child_id with =, daterange(start_date, end_date, '[)') with &&) deferrable initially deferred
);
create index placements_episode_idx on placements (episode_id);
create index placements_dates_idx on placements (start_date, end_date);

-- A placement lies within its episode. Checked at commit so an import can update both in either order.
create function placement_within_episode() returns trigger language plpgsql as $$
declare
  episode record;
begin
  select start_date, end_date into episode from looked_after_episodes where episode_id = new.episode_id;
  if not found then
    return new; -- the foreign key reports it
  end if;
  if new.start_date < episode.start_date
     or (episode.end_date is not null and (new.end_date is null or new.end_date > episode.end_date)) then
    raise exception 'placement % lies outside its episode %', new.placement_id, new.episode_id
      using errcode = '23514';
  end if;
  return new;
end;
$$;
create constraint trigger placements_within_episode after insert or update on placements
  deferrable initially deferred for each row execute function placement_within_episode();

create function episode_contains_placements() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from placements p
    where p.episode_id = new.episode_id
      and (p.start_date < new.start_date
           or (new.end_date is not null and (p.end_date is null or p.end_date > new.end_date)))
  ) then
    raise exception 'episode % no longer contains its placements', new.episode_id using errcode = '23514';
  end if;
  return new;
end;
$$;
create constraint trigger episodes_contain_placements after update on looked_after_episodes
  deferrable initially deferred for each row execute function episode_contains_placements();

create table cp_registrations (
  registration_id record_id primary key,
  child_id record_id not null references children (child_id),
  registered_date date not null,
  deregistered_date date,
  concerns text[] not null default '{}' check (concerns <@ array['domestic_abuse', 'neglect', 'parental_mental_health', 'parental_drug_misuse', 'parental_alcohol_misuse', 'emotional_abuse', 'physical_abuse', 'sexual_abuse', 'child_sexual_exploitation', 'child_trafficking', 'non_engaging_family', 'placing_self_at_risk', 'other']::text[]),
  deregistration_reason text check (deregistration_reason in ('improved_home_situation', 'child_looked_after', 'moved_away', 'other')),
  constraint registrations_dates_ordered check (deregistered_date is null or deregistered_date >= registered_date)
);
create index registrations_child_idx on cp_registrations (child_id);

create table scra_referrals (
  scra_referral_id record_id primary key,
  child_id record_id not null references children (child_id),
  referral_date date not null,
  ground char(1) not null check (ground between 'a' and 'q')
);
create index scra_child_idx on scra_referrals (child_id);

create table benchmarks (
  year integer not null check (year between 1900 and 2200),
  indicator text not null check (indicator <> ''),
  area text not null check (area <> ''),
  value numeric not null,
  primary key (year, indicator, area)
);

create table users (
  user_id uuid primary key default gen_random_uuid(),
  username text not null unique check (username ~ '^[a-z0-9._@-]{2,64}$'),
  display_name text not null check (display_name <> ''),
  role text not null check (role in ('practitioner', 'team_manager', 'service_manager', 'analyst', 'admin')),
  team text,
  worker_id text unique,
  password_hash text,
  oidc_subject text unique,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

-- Append-only: who did what to which child's record, when, and why.
create table audit_events (
  event_id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  user_id uuid references users (user_id),
  actor text not null,
  action text not null,
  child_id text,
  subject text,
  reason text,
  details jsonb not null default '{}'
);
create index audit_child_idx on audit_events (child_id, occurred_at);
create index audit_user_idx on audit_events (user_id, occurred_at);
create index audit_time_idx on audit_events (occurred_at);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit events are append-only: % refused', tg_op using errcode = '42501';
end;
$$;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_audit_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function refuse_audit_change();

-- What a person was typing when their session ended, restored after they sign in again.
create table drafts (
  user_id uuid not null references users (user_id) on delete cascade,
  form_path text not null,
  fields jsonb not null,
  saved_at timestamptz not null default now(),
  primary key (user_id, form_path)
);

-- Child protection, looked after children and the council's own places to stay (issue 5).
-- Extract-format columns and constraints are untouched; Cairn-recorded facts go in new nullable columns
-- and new tables.

-- Why a child moved: recorded on the placement a move starts. Imported placements leave it empty.
alter table placements add column move_reason text check (move_reason is null or move_reason <> '');

-- The council's own children's houses and short-break flats, and the beds or rooms in them.
create table resources (
  resource_id record_id primary key,
  name text not null unique check (name <> ''),
  kind text not null check (kind in ('childrens_house', 'short_break')),
  address text
);

create table resource_places (
  place_id record_id primary key,
  resource_id record_id not null references resources (resource_id),
  name text not null check (name <> ''),
  constraint resource_places_name_unique unique (resource_id, name)
);
create index resource_places_resource_idx on resource_places (resource_id);

-- A stay booked for a child: arrives on start_date, leaves on end_date (the first night not stayed).
-- Double booking is impossible here, not only in code: two managers booking the last bed at once
-- meet this constraint, and the second waits for the first and is refused.
create table place_bookings (
  booking_id record_id primary key,
  place_id record_id not null references resource_places (place_id),
  child_id record_id not null references children (child_id),
  start_date date not null,
  end_date date not null,
  reason text not null check (reason <> ''),
  avoided_out_of_authority boolean not null,
  booked_by uuid references users (user_id),
  booked_at timestamptz not null default now(),
  constraint place_bookings_dates_ordered check (end_date > start_date),
  constraint place_bookings_no_double_booking exclude using gist (place_id with =, daterange(start_date, end_date, '[)') with &&)
);
create index place_bookings_child_idx on place_bookings (child_id);

-- A provider's homes (a children's house, a fostering service's area office, a residential school) and the
-- weekly rate the council pays there, for commissioning.
create table provider_homes (
  home_id record_id primary key,
  provider_id record_id not null references providers (provider_id),
  name text not null check (name <> ''),
  out_of_authority boolean not null default false,
  weekly_rate numeric(12, 2) not null check (weekly_rate >= 0),
  constraint provider_homes_name_unique unique (provider_id, name)
);

-- The Children's Reporter's decision on a referral, and the outcomes of the hearings that follow. A hearing that
-- makes, varies or continues a Compulsory Supervision Order sets the date it must be reviewed by.
alter table scra_referrals
  add column reporter_decision text check (reporter_decision in ('hearing_arranged', 'referred_to_local_authority', 'no_further_action', 'other')),
  add column reporter_decision_date date,
  add constraint scra_decision_dated check ((reporter_decision is null) = (reporter_decision_date is null));

create table scra_hearings (
  hearing_id record_id primary key,
  scra_referral_id record_id not null references scra_referrals (scra_referral_id),
  hearing_date date not null,
  outcome text not null check (outcome in ('cso_made', 'cso_varied', 'cso_continued', 'interim_cso', 'cso_terminated', 'deferred', 'discharged', 'other')),
  review_date date,
  constraint scra_hearings_review_after check (review_date is null or review_date > hearing_date)
);
create index scra_hearings_referral_idx on scra_hearings (scra_referral_id);

-- Inter-agency referral discussions (police, health, social work, education) and what they decided.
create table inter_agency_discussions (
  ird_id record_id primary key,
  child_id record_id not null references children (child_id),
  discussed_date date not null,
  decision text not null check (decision in ('joint_investigation', 'child_protection_assessment', 'single_agency_support', 'no_further_action')),
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now()
);
create index inter_agency_discussions_child_idx on inter_agency_discussions (child_id);

-- Child protection planning meetings and their decision about the register.
create table cp_planning_meetings (
  meeting_id record_id primary key,
  child_id record_id not null references children (child_id),
  meeting_date date not null,
  kind text not null check (kind in ('initial', 'pre_birth', 'review', 'transfer')),
  decision text not null check (decision in ('register', 'do_not_register', 'continue_registration', 'deregister')),
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now()
);
create index cp_planning_meetings_child_idx on cp_planning_meetings (child_id);

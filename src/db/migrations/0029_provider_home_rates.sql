-- Costs from dated rates (issue 13 item 10, ADR 0024). A provider's home has a weekly rate from a date; a new rate
-- from a later date is added beside the old one, so the history of rates is kept and the rate on any day is the
-- one with the latest from date on or before it.
create table provider_home_rates (
  home_id record_id not null references provider_homes (home_id),
  from_date date not null,
  weekly_rate numeric(12, 2) not null check (weekly_rate >= 0),
  added_by uuid references users (user_id),
  added_at timestamptz not null default now(),
  primary key (home_id, from_date)
);

-- A home's single rate so far becomes its first dated rate, in force from long before any placement.
insert into provider_home_rates (home_id, from_date, weekly_rate) select home_id, date '2000-01-01', weekly_rate from provider_homes;
alter table provider_homes drop column weekly_rate;

-- A placement may name the home the child lives in. Its weekly cost is then the home's rate on its start date,
-- unless someone overrode it, when the reason is kept beside the cost.
alter table placements
  add column home_id record_id references provider_homes (home_id),
  add column cost_override_reason text check (cost_override_reason is null or length(btrim(cost_override_reason)) > 0);

-- Compulsory Supervision Orders as their own record (issue 5), with their review hearings.
-- A CSO ceases to have effect one year after it was made or last continued (Children's Hearings (Scotland) Act 2011
-- s.83(7)); an interim CSO has effect for at most 22 days beginning with the day it was made (s.86(3)). The service
-- explains these limits beside the fields; the checks here keep any other writer to them too. `date + interval '1 year'`
-- takes 29 February to 28 February, as the service does.

create table supervision_orders (
  order_id record_id primary key,
  child_id record_id not null references children (child_id),
  kind text not null check (kind in ('cso_home', 'cso_away', 'interim_cso')),
  made_date date not null,
  measures text not null check (measures <> ''),
  -- Where the child must live: required for an order with a residence condition, absent for an order at home.
  residence text check (residence is null or residence <> ''),
  -- The hearing outcome it was made at, when that hearing was recorded in Cairn; one order per hearing.
  hearing_id record_id unique references scra_hearings (hearing_id),
  review_due_date date not null,
  ended_date date,
  end_reason text check (end_reason in ('terminated_at_hearing', 'replaced_by_new_order', 'interim_expired', 'turned_18', 'permanence_order', 'other')),
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now(),
  constraint supervision_orders_residence check ((kind <> 'cso_away' or residence is not null) and (kind <> 'cso_home' or residence is null)),
  constraint supervision_orders_review_after check (review_due_date > made_date),
  constraint supervision_orders_review_within_limit check (
    review_due_date <= case when kind = 'interim_cso' then made_date + 21 else (made_date + interval '1 year')::date end),
  constraint supervision_orders_end_after check (ended_date is null or ended_date >= made_date),
  constraint supervision_orders_ended_with_reason check ((ended_date is null) = (end_reason is null))
);
create index supervision_orders_child_idx on supervision_orders (child_id);
-- The managers' "reviews due" list reads orders in force.
create index supervision_orders_in_force_idx on supervision_orders (order_id) where ended_date is null;

-- Each review hearing: the order continued, varied (with its measures as varied) or terminated. A continued or varied
-- order gets its next review date, within the same limits counted from the review.
create table supervision_order_reviews (
  review_id record_id primary key,
  order_id record_id not null references supervision_orders (order_id),
  review_date date not null,
  outcome text not null check (outcome in ('continued', 'varied', 'terminated')),
  next_review_date date,
  measures text check (measures is null or measures <> ''),
  recorded_by uuid references users (user_id),
  recorded_at timestamptz not null default now(),
  constraint supervision_order_reviews_one_a_day unique (order_id, review_date),
  constraint supervision_order_reviews_next check ((outcome = 'terminated') = (next_review_date is null)),
  constraint supervision_order_reviews_next_after check (next_review_date is null or next_review_date > review_date),
  constraint supervision_order_reviews_within_a_year check (next_review_date is null or next_review_date <= (review_date + interval '1 year')::date),
  constraint supervision_order_reviews_varied_measures check (outcome <> 'varied' or measures is not null)
);
create index supervision_order_reviews_order_idx on supervision_order_reviews (order_id);

-- A form sent twice is saved once (ADR 0085). Every form a page draws carries a token of its own (`_submission`); the
-- first request that sends it claims it here, and notes the page it sent the person on to (post, redirect, get).
-- The same form sent again — a second click, a click again on a slow line, with or without JavaScript — is sent on to
-- that page, with the same message, instead of being saved again. A form shown again with problems gives its claim
-- up. Claims older than a day are dropped as new ones are made.
--
-- Not watched (ADR 0076): a claim changes no record any figure counts (test/db/dataChanges.test.ts lists it).

create table form_submissions (
  token text primary key,
  user_id uuid not null references users (user_id) on delete cascade,
  form_path text not null,
  -- What was sent (a hash of its fields, tokens aside): sent again with other words — back to the form, changed,
  -- sent — it is a new sending, not a repeat.
  sent_fields text not null,
  sent_to text,
  -- The message the first request left for the page it sent the person on to ("Added to the chronology"), left again.
  notice text,
  claimed_at timestamptz not null default now()
);
create index form_submissions_claimed_at_idx on form_submissions (claimed_at);

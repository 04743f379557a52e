-- Issue 16 items 4 and 11: when an account last signed in (shown to administrators), and when its last failed
-- attempt was, so that failures decay: a failure older than the lockout window no longer counts towards a lockout.
alter table users
  add column last_signed_in_at timestamptz,
  add column last_failed_sign_in_at timestamptz;

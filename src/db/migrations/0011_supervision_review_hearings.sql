-- A review of a Compulsory Supervision Order recorded from the hearing outcome on the Children's Reporter page
-- (continued, varied or terminated): the link to that `scra_hearings` row, so the hearing is recorded once. One review
-- per hearing; reviews recorded on their own (or before this migration) have none.
alter table supervision_order_reviews add column hearing_id record_id references scra_hearings (hearing_id);
alter table supervision_order_reviews add constraint supervision_order_reviews_one_per_hearing unique (hearing_id);

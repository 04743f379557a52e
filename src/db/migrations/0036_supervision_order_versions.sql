-- Supervision orders can be corrected or withdrawn, as amendments (issue 12, ADR 0026), and are versioned so two
-- corrections at once are merged field by field (ADR 0020). A withdrawn order is removed with its reviews, so no
-- figure counts it; its amendment keeps everything it said, who withdrew it, when and why.
alter table supervision_orders add column version integer not null default 1;

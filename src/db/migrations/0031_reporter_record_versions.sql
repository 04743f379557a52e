-- Referrals to the Reporter and hearing outcomes can be corrected or withdrawn, as amendments (issue 12, ADR 0026),
-- and are versioned so two corrections at once are merged field by field (ADR 0020). A withdrawn record is removed,
-- so no figure counts it; its amendment keeps everything it said, who withdrew it, when and why.
alter table scra_referrals add column version integer not null default 1;
alter table scra_hearings add column version integer not null default 1;

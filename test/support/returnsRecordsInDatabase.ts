/** @module Writes fixture records for the returns straight to a test database: a child looked after all of 2021-22, and so on. */
import type { Queryable } from '../../src/db/database.js';

/** The population for the 2022 census, and the council as a provider. */
export async function aReturnsWorld(db: Queryable): Promise<void> {
  await db.query('insert into population (year, age_0_17) values (2022, 19500) on conflict do nothing');
  await db.query("insert into providers (provider_id, name, provider_type) values ('PR-LA', 'Glenmuir Council', 'local_authority') on conflict do nothing");
}

/**
 * A child `childId` looked after from 1 January 2021 (episode `E-id`, placement `P-id`, case `K-id` with worker W1 in
 * team North), with every detail the rules ask for. `legalReason` and `placementType` make it wrong on purpose.
 */
export async function aLookedAfterChild(db: Queryable, childId: string, fields: { legalReason?: string; placementType?: string; dateOfBirth?: string } = {}): Promise<void> {
  await db.query(
    `insert into children (child_id, forename, surname, date_of_birth, sex, ethnicity, disability, school_cluster, school)
     values ($1, $2, $3, $4, 'F', 'white_scottish', 'N', 'Northfield', 'Northfield Academy')`,
    [childId, `Forename${childId}`, `Surname${childId}`, fields.dateOfBirth ?? '2012-05-06']);
  await db.query("insert into cases (case_id, child_id, team, worker_id, opened_date) values ($1, $2, 'North', 'W1', '2020-06-01')", [`K-${childId}`, childId]);
  await db.query("insert into looked_after_episodes (episode_id, child_id, start_date, legal_reason) values ($1, $2, '2021-01-01', $3)", [`E-${childId}`, childId, fields.legalReason ?? 'cso_away']);
  await db.query(
    "insert into placements (placement_id, episode_id, child_id, start_date, placement_type, provider_id, weekly_cost) values ($1, $2, $3, '2021-01-01', $4, 'PR-LA', 450)",
    [`P-${childId}`, `E-${childId}`, childId, fields.placementType ?? 'foster_la']);
}

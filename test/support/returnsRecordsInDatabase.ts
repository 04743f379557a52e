/** @module Writes the returns' fixture records (test/support/returnRecords.ts) to a test database, table by table. */
import type { Database } from '../../src/db/database.js';
import { merge, lookedAfter, world, type SomeRecords } from './returnRecords.js';

/**
 * Insert every record of `parts` (providers and population before the children, children before their records).
 * @example await writeReturnRecords(db, world(), lookedAfter('A'))
 */
export async function writeReturnRecords(db: Database, ...parts: SomeRecords[]): Promise<void> {
  const records = merge(...parts);
  for (const row of records.population) await db.query('insert into population (year, age_0_17) values ($1, $2) on conflict do nothing', [row.year, row.age0To17]);
  for (const row of records.providers) await db.query('insert into providers (provider_id, name, provider_type) values ($1, $2, $3) on conflict do nothing', [row.providerId, row.name, row.providerType]);
  for (const row of records.children) {
    await db.query(
      `insert into children (child_id, forename, surname, date_of_birth, sex, ethnicity, disability, school_cluster, school)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row.childId, row.forename, row.surname, row.dateOfBirth, row.sex, row.ethnicity, row.disability, row.schoolCluster, row.school]);
  }
  for (const row of records.cases) {
    await db.query('insert into cases (case_id, child_id, team, worker_id, opened_date, closed_date) values ($1, $2, $3, $4, $5, $6)',
      [row.caseId, row.childId, row.team, row.workerId, row.openedDate, row.closedDate]);
  }
  await db.transaction(async (tx) => {
    // Placements are checked against their episodes at commit: both go in one transaction.
    for (const row of records.episodes) {
      await tx.query('insert into looked_after_episodes (episode_id, child_id, start_date, end_date, legal_reason, reason_ended) values ($1, $2, $3, $4, $5, $6)',
        [row.episodeId, row.childId, row.startDate, row.endDate, row.legalReason, row.reasonEnded]);
    }
    for (const row of records.placements) {
      await tx.query(
        `insert into placements (placement_id, episode_id, child_id, start_date, end_date, placement_type, provider_id, out_of_authority, weekly_cost)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [row.placementId, row.episodeId, row.childId, row.startDate, row.endDate, row.placementType, row.providerId, row.outOfAuthority, row.weeklyCost]);
    }
  });
  for (const row of records.registrations) {
    await db.query('insert into cp_registrations (registration_id, child_id, registered_date, deregistered_date, concerns, deregistration_reason) values ($1, $2, $3, $4, $5, $6)',
      [row.registrationId, row.childId, row.registeredDate, row.deregisteredDate, row.concerns, row.deregistrationReason]);
  }
  for (const row of records.planningMeetings) {
    await db.query('insert into cp_planning_meetings (meeting_id, child_id, meeting_date, kind, decision) values ($1, $2, $3, $4, $5)',
      [row.meetingId, row.childId, row.meetingDate, row.kind, row.decision]);
  }
  for (const row of records.reporterReferrals) {
    await db.query('insert into scra_referrals (scra_referral_id, child_id, referral_date, ground) values ($1, $2, $3, $4)', [row.scraReferralId, row.childId, row.referralDate, row.ground]);
  }
}

/** The population for 2022, and the providers of `world()`. */
export const aReturnsWorld = (db: Database): Promise<void> => writeReturnRecords(db, world());

/**
 * A child `childId` looked after from 1 January 2021 (episode `E-id`, placement `P-id`, case `K-id` with worker W1 in
 * team North), with every detail the rules ask for. `legalReason` and `placementType` make it wrong on purpose.
 */
export const aLookedAfterChild = (db: Database, childId: string, fields: { legalReason?: string; placementType?: string } = {}): Promise<void> =>
  writeReturnRecords(db, lookedAfter(childId, { episode: fields.legalReason ? { legalReason: fields.legalReason } : {}, placement: fields.placementType ? { placementType: fields.placementType } : {} }));

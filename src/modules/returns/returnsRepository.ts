/** @module SQL for the returns: every record a rule may read, named as the rules name them. */
import type { Queryable } from '../../db/database.js';
import type { ReturnRecords } from './records.js';

type Row<T extends keyof ReturnRecords> = ReturnRecords[T][number];

/**
 * Every record of the tables the returns are made from. The rules choose the year's records themselves (an
 * episode in the year needs the child's earlier episodes, a duplicate may be outside the year), and every table
 * is small enough for a council (a few thousand children) to read whole.
 * @example const records = await returnsRepository().records(tx)
 */
export function returnsRepository() {
  return {
    /** Read one query after another: `db` is one transaction's connection, a snapshot every rule sees. */
    async records(db: Queryable): Promise<ReturnRecords> {
      const children = await db.query<Row<'children'>>(
        `select child_id as "childId", forename, surname, date_of_birth as "dateOfBirth", sex, ethnicity, disability,
                school_cluster as "schoolCluster", school
           from children order by child_id`);
      const cases = await db.query<Row<'cases'>>(
        `select case_id as "caseId", child_id as "childId", team, worker_id as "workerId", opened_date as "openedDate", closed_date as "closedDate"
           from cases order by case_id`);
      const episodes = await db.query<Row<'episodes'>>(
        `select episode_id as "episodeId", child_id as "childId", start_date as "startDate", end_date as "endDate",
                legal_reason as "legalReason", reason_ended as "reasonEnded"
           from looked_after_episodes order by episode_id`);
      const placements = await db.query<Row<'placements'>>(
        `select placement_id as "placementId", episode_id as "episodeId", child_id as "childId", start_date as "startDate", end_date as "endDate",
                placement_type as "placementType", provider_id as "providerId", out_of_authority as "outOfAuthority", weekly_cost as "weeklyCost"
           from placements order by placement_id`);
      const providers = await db.query<Row<'providers'>>('select provider_id as "providerId", name, provider_type as "providerType" from providers order by provider_id');
      const registrations = await db.query<Row<'registrations'>>(
        `select registration_id as "registrationId", child_id as "childId", registered_date as "registeredDate",
                deregistered_date as "deregisteredDate", concerns, deregistration_reason as "deregistrationReason"
           from cp_registrations order by registration_id`);
      const planningMeetings = await db.query<Row<'planningMeetings'>>(
        'select meeting_id as "meetingId", child_id as "childId", meeting_date as "meetingDate", kind, decision from cp_planning_meetings order by meeting_id');
      const reporterReferrals = await db.query<Row<'reporterReferrals'>>(
        'select scra_referral_id as "scraReferralId", child_id as "childId", referral_date as "referralDate", ground from scra_referrals order by scra_referral_id');
      const population = await db.query<Row<'population'>>('select year, age_0_17 as "age0To17" from population order by year');
      return { children, cases, episodes, placements, providers, registrations, planningMeetings, reporterReferrals, population };
    },
  };
}

/** @module SQL for the returns: every record a rule may read, named as the rules name them. */
import type { Queryable } from '../../db/database.js';
import type { ReturnRecords } from './records.js';
import { sharedText, type SharedText, type TextField } from '../../platform/memory/sharedText.js';

type Row<T extends keyof ReturnRecords> = ReturnRecords[T][number];

/**
 * Rows read a query at a time (ADR 0067): a large authority's table in one result is a peak of memory it keeps, and
 * pages of 20,000 rows left the heap a third larger than pages of 5,000 once collected.
 */
const rowsAPage = 5_000;

/** How one table is read: its rows in pages of `pageSize`, each page's repeated values held once in `text` (ADR 0074). */
interface Reading<Row> {
  pageSize: number;
  text: SharedText;
  /** Fields whose values recur across rows or tables (a child's id, a team, a code): each held once. */
  shared: readonly TextField<Row>[];
}

/**
 * Every row of the table `from` as `columns` name them, read in pages of `pageSize` in order of
 * `key` (the table's unique id, text), each page after the last key read. Every page is read in the caller's
 * transaction, so in one snapshot.
 */
async function everyRow<Row extends object>(db: Queryable, reading: Reading<Row>, columns: string, from: string, key: { column: string; field: keyof Row & string }): Promise<Row[]> {
  const { pageSize, text, shared } = reading;
  const rows: Row[] = [];
  for (let after: string | null = null; ;) {
    const page: Row[] = await db.query<Row>(
      `select ${columns} from ${from} where ($1::text is null or ${key.column} > $1) order by ${key.column} limit ${pageSize}`, [after]);
    text.fields(page, shared);
    for (const row of page) rows.push(row);
    if (page.length < pageSize) return rows;
    after = String(page[page.length - 1]![key.field]);
  }
}

/**
 * Every record of the tables the returns are made from. The rules choose the year's records themselves (an
 * episode in the year needs the child's earlier episodes, a duplicate may be outside the year), so every record is
 * read, a page at a time (`pageSize` rows; tests give a small one). A value that recurs — a child's id in each of
 * their records, an episode's in its placements, a team, a code, a name — is held as one string for the whole read
 * (ADR 0074): a large authority's records take a third less memory.
 * @example const records = await returnsRepository().records(tx)
 */
export function returnsRepository({ pageSize = rowsAPage }: { pageSize?: number } = {}) {
  return {
    /** Read one query after another: `db` is one transaction's connection, a snapshot every rule sees. */
    async records(db: Queryable): Promise<ReturnRecords> {
      const text = sharedText();
      const reading = <Row extends object>(shared: readonly TextField<Row>[]): Reading<Row> => ({ pageSize, text, shared });
      const children = await everyRow<Row<'children'>>(db, reading(['childId', 'forename', 'surname', 'sex', 'ethnicity', 'disability', 'schoolCluster', 'school']),
        `child_id as "childId", forename, surname, date_of_birth as "dateOfBirth", sex, ethnicity, disability,
         school_cluster as "schoolCluster", school`, 'children', { column: 'child_id', field: 'childId' });
      const cases = await everyRow<Row<'cases'>>(db, reading(['childId', 'team', 'workerId']),
        'case_id as "caseId", child_id as "childId", team, worker_id as "workerId", opened_date as "openedDate", closed_date as "closedDate"',
        'cases', { column: 'case_id', field: 'caseId' });
      const episodes = await everyRow<Row<'episodes'>>(db, reading(['episodeId', 'childId', 'legalReason', 'reasonEnded']),
        `episode_id as "episodeId", child_id as "childId", start_date as "startDate", end_date as "endDate",
         legal_reason as "legalReason", reason_ended as "reasonEnded"`, 'looked_after_episodes', { column: 'episode_id', field: 'episodeId' });
      const placements = await everyRow<Row<'placements'>>(db, reading(['episodeId', 'childId', 'placementType', 'providerId']),
        `placement_id as "placementId", episode_id as "episodeId", child_id as "childId", start_date as "startDate", end_date as "endDate",
         placement_type as "placementType", provider_id as "providerId", out_of_authority as "outOfAuthority", weekly_cost as "weeklyCost"`,
        'placements', { column: 'placement_id', field: 'placementId' });
      const providers = await db.query<Row<'providers'>>('select provider_id as "providerId", name, provider_type as "providerType" from providers order by provider_id');
      const registrations = await everyRow<Row<'registrations'>>(db, reading(['childId', 'deregistrationReason']),
        `registration_id as "registrationId", child_id as "childId", registered_date as "registeredDate",
         deregistered_date as "deregisteredDate", concerns, deregistration_reason as "deregistrationReason"`,
        'cp_registrations', { column: 'registration_id', field: 'registrationId' });
      for (const { concerns } of registrations) concerns.forEach((concern, at) => (concerns[at] = text.share(concern)));
      const planningMeetings = await everyRow<Row<'planningMeetings'>>(db, reading(['childId', 'kind', 'decision']),
        'meeting_id as "meetingId", child_id as "childId", meeting_date as "meetingDate", kind, decision', 'cp_planning_meetings', { column: 'meeting_id', field: 'meetingId' });
      const reporterReferrals = await everyRow<Row<'reporterReferrals'>>(db, reading(['childId', 'ground']),
        'scra_referral_id as "scraReferralId", child_id as "childId", referral_date as "referralDate", ground', 'scra_referrals', { column: 'scra_referral_id', field: 'scraReferralId' });
      const population = await db.query<Row<'population'>>('select year, age_0_17 as "age0To17" from population order by year');
      return { children, cases, episodes, placements, providers, registrations, planningMeetings, reporterReferrals, population };
    },
  };
}

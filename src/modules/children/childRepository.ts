/** @module SQL for finding children and reading a child's summary, always within the reader's scope. */
import type { Queryable, SqlValue } from '../../db/database.js';
import type { ChildSearch, ChildSearchResult, ChildSummary, NewChild, RecordBornOn } from './child.js';
import type { ChildScope } from '../../platform/access/access.js';
import type { ChildDetailsChange } from './childDetails.js';
import type { NumberedIdStyle } from '../../platform/ids/recordIds.js';
import { closedTo } from './restrictionRepository.js';

/** A list of rows as JSON, `[]` when there are none. */
const listOf = (fields: string, from: string, order: string) => `coalesce((select json_agg(json_build_object(${fields}) order by ${order}) ${from}), '[]'::json)`;

const summaryQuery = `select json_build_object(
    'child', json_build_object('childId', c.child_id, 'familyId', c.family_id, 'forename', c.forename, 'surname', c.surname,
      'dateOfBirth', c.date_of_birth, 'sex', c.sex, 'ethnicity', c.ethnicity, 'disability', c.disability, 'school', c.school,
      'schoolCluster', c.school_cluster, 'locality', c.locality, 'version', c.version),
    'familyMembers', ${listOf(`'childId', f.child_id, 'forename', f.forename, 'surname', f.surname, 'dateOfBirth', f.date_of_birth`,
      'from children f where f.family_id = c.family_id and f.child_id <> c.child_id', 'f.date_of_birth')},
    'cases', ${listOf(`'caseId', k.case_id, 'team', k.team, 'workerId', k.worker_id, 'workerName', wn.name, 'openedDate', k.opened_date, 'closedDate', k.closed_date`,
      'from cases k left join worker_names wn on wn.worker_id = k.worker_id where k.child_id = c.child_id', 'k.opened_date desc')},
    'referrals', ${listOf(`'referralId', r.referral_id, 'receivedDate', r.received_date, 'source', r.source, 'reason', r.reason, 'pathway', r.pathway, 'closedDate', r.closed_date`,
      'from referrals r where r.child_id = c.child_id', 'r.received_date desc')},
    'episodes', ${listOf(`'episodeId', e.episode_id, 'startDate', e.start_date, 'endDate', e.end_date, 'legalReason', e.legal_reason, 'reasonEnded', e.reason_ended`,
      'from looked_after_episodes e where e.child_id = c.child_id', 'e.start_date desc')},
    'placements', ${listOf(`'placementId', p.placement_id, 'episodeId', p.episode_id, 'startDate', p.start_date, 'endDate', p.end_date, 'placementType', p.placement_type,
      'providerName', pr.name, 'outOfAuthority', p.out_of_authority, 'weeklyCost', p.weekly_cost`,
      'from placements p left join providers pr on pr.provider_id = p.provider_id where p.child_id = c.child_id', 'p.start_date desc')},
    'registrations', ${listOf(`'registrationId', g.registration_id, 'registeredDate', g.registered_date, 'deregisteredDate', g.deregistered_date, 'concerns', g.concerns,
      'deregistrationReason', g.deregistration_reason`, 'from cp_registrations g where g.child_id = c.child_id', 'g.registered_date desc')},
    'scraReferrals', ${listOf(`'scraReferralId', s.scra_referral_id, 'referralDate', s.referral_date, 'ground', s.ground`,
      'from scra_referrals s where s.child_id = c.child_id', 's.referral_date desc')},
    'steppedUpOn', (select max(ff.ended_date) from family_first_involvements ff where ff.child_id = c.child_id and ff.ending = 'step_up')
  ) as summary
  from children c`;

// A child is in scope when they have a case open today that the scope covers.
const inScope = `(
  $1::text = 'all'
  or exists (
    select 1 from cases sc
    where sc.child_id = c.child_id
      and (sc.closed_date is null or sc.closed_date > current_date)
      and (($1::text = 'team' and sc.team = $2) or ($1::text = 'caseload' and (sc.worker_id = $3 or sc.team = $2)))
  ))`;

function scopeParams(scope: ChildScope): SqlValue[] {
  switch (scope.kind) {
    case 'all':
      return ['all', null, null];
    case 'team':
      return ['team', scope.team, null];
    case 'caseload':
      return ['caseload', scope.team, scope.workerId];
    case 'none':
      return ['none', null, null];
  }
}

/** Escape LIKE wildcards in what a person typed. */
function likePrefix(word: string): string {
  return word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

export function childRepository() {
  return {
    /**
     * Children matching every word typed (each word a prefix of the forename or surname, or the exact id),
     * and the date of birth if given.
     */
    async search(db: Queryable, scope: ChildScope, search: ChildSearch): Promise<ChildSearchResult[]> {
      const words = (search.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 4);
      const params: SqlValue[] = [...scopeParams(scope), search.dateOfBirth ?? null, search.limit];
      const wordClauses = words.map((word) => {
        params.push(likePrefix(word), word);
        const like = `$${params.length - 1}`;
        const exact = `$${params.length}`;
        return `(lower(c.forename) like ${like} or lower(c.surname) like ${like} or c.child_id = ${exact})`;
      });
      const rows = await db.query<{
        child_id: string; forename: string | null; surname: string | null; date_of_birth: string; school_cluster: string | null; open_case_team: string | null;
      }>(
        `select c.child_id, c.forename, c.surname, c.date_of_birth, c.school_cluster,
           (select oc.team from cases oc where oc.child_id = c.child_id and (oc.closed_date is null or oc.closed_date > current_date)
            order by oc.opened_date desc limit 1) as open_case_team
         from children c
         where ${inScope}
           and ($4::date is null or c.date_of_birth = $4::date)
           ${wordClauses.map((clause) => `and ${clause}`).join('\n           ')}
         order by c.surname, c.forename, c.date_of_birth, c.child_id
         limit $5`,
        params,
      );
      return rows.map((r) => ({
        childId: r.child_id, forename: r.forename, surname: r.surname, dateOfBirth: r.date_of_birth, schoolCluster: r.school_cluster, openCaseTeam: r.open_case_team,
      }));
    },

    /** Which of these children exist and lie in the scope (one query for a whole list). */
    async inScopeAmong(db: Queryable, scope: ChildScope, childIds: readonly string[]): Promise<Set<string>> {
      if (childIds.length === 0) return new Set();
      const rows = await db.query<{ child_id: string }>(`select c.child_id from children c where c.child_id = any($4::text[]) and ${inScope}`, [...scopeParams(scope), [...new Set(childIds)]]);
      return new Set(rows.map((row) => row.child_id));
    },

    /**
     * How children's ids are written where they are numbered (`C012987`): the commonest prefix, its width and its
     * highest number. Taken under a transaction lock, so two people adding children at once get different ids.
     */
    async numberedIdStyle(db: Queryable): Promise<NumberedIdStyle | undefined> {
      await db.query(`select pg_advisory_xact_lock(hashtext('cairn:numbered child ids'))`);
      // Numbered is up to four letters, then 3 to 15 digits. One pattern a child, with no counted repeat and nothing
      // captured (ADR 0078): the letters are what is left with the digits trimmed off the end. At 150,000 children on
      // PGlite, 0.40 s a child added where three patterns with counts and captures took 0.52 s.
      const rows = await db.query<{ prefix: string; digits: number; highest: string }>(
        `select prefix, max(length(child_id) - length(prefix)) as digits, max(substr(child_id, length(prefix) + 1)::bigint) as highest
           from (select child_id, rtrim(child_id, '0123456789') as prefix from children where child_id ~ '^[A-Za-z]*[0-9]+$') numbered
          where length(prefix) <= 4 and length(child_id) - length(prefix) between 3 and 15
          group by 1 order by count(*) desc, 1 limit 1`,
      );
      const row = rows[0];
      return row && { prefix: row.prefix, digits: Number(row.digits), highest: Number(row.highest) };
    },

    /** Whether the child exists and whether they lie in the scope, in one look-up (a page needs both). */
    async presence(db: Queryable, scope: ChildScope, childId: string): Promise<{ exists: boolean; inScope: boolean }> {
      const rows = await db.query<{ in_scope: boolean }>(`select ${inScope} as in_scope from children c where c.child_id = $4`, [...scopeParams(scope), childId], { prepared: true });
      return { exists: rows.length > 0, inScope: rows[0]?.in_scope === true };
    },

    /** True when the child exists and lies in the scope. */
    async isInScope(db: Queryable, scope: ChildScope, childId: string): Promise<boolean> {
      const rows = await db.query(`select 1 from children c where c.child_id = $4 and ${inScope}`, [...scopeParams(scope), childId], { prepared: true });
      return rows.length > 0;
    },

    /** Other children with this name and date of birth (likely duplicates), ignoring case and spaces around. */
    async likelyDuplicates(db: Queryable, childId: string, forename: string, surname: string, dateOfBirth: string): Promise<string[]> {
      const rows = await db.query<{ child_id: string }>(
        `select child_id from children
          where child_id <> $1 and lower(trim(forename)) = lower(trim($2)) and lower(trim(surname)) = lower(trim($3)) and date_of_birth = $4::date
          order by child_id`,
        [childId, forename, surname, dateOfBirth],
      );
      return rows.map((row) => row.child_id);
    },

    /**
     * Every child but `exceptChildId` born on one of `datesOfBirth` (the near misses of a date of birth), and whether
     * this person may open each — in their scope and not restricted to others (restrictionRepository's rule) — in one
     * statement: the candidates the likely-duplicate rule (likelyDuplicates.ts) is applied to.
     */
    async bornOnAnyOf(db: Queryable, scope: ChildScope, userId: string, datesOfBirth: readonly string[], exceptChildId: string | null): Promise<RecordBornOn[]> {
      const rows = await db.query<{ child_id: string; forename: string | null; surname: string | null; date_of_birth: string; may_open: boolean }>(
        `select c.child_id, c.forename, c.surname, c.date_of_birth, (${inScope} and not ${closedTo('c.child_id', '$6')}) as may_open
           from children c
          where c.date_of_birth = any($4::date[]) and ($5::text is null or c.child_id <> $5)
          order by c.child_id`,
        [...scopeParams(scope), [...datesOfBirth], exceptChildId, userId],
        { prepared: true },
      );
      return rows.map((r) => ({ childId: r.child_id, forename: r.forename, surname: r.surname, dateOfBirth: r.date_of_birth, inScope: r.may_open }));
    },

    /** The family a child belongs to: `undefined` when there is no such child, `null` when they have none. */
    async familyIdOf(db: Queryable, childId: string): Promise<string | null | undefined> {
      const rows = await db.query<{ family_id: string | null }>('select family_id from children where child_id = $1', [childId]);
      return rows[0] ? rows[0].family_id : undefined;
    },

    /** Put a child who has no family into one (a brother or sister is being added to it). */
    async joinFamily(db: Queryable, childId: string, familyId: string): Promise<void> {
      await db.query('insert into families (family_id) values ($1) on conflict do nothing', [familyId]);
      await db.query('update children set family_id = $2, updated_at = now() where child_id = $1 and family_id is null', [childId, familyId]);
    },

    /** Record a child, and their family if it is new. */
    async add(db: Queryable, child: NewChild & { childId: string; familyId: string }): Promise<void> {
      await db.query('insert into families (family_id) values ($1) on conflict do nothing', [child.familyId]);
      await db.query(
        `insert into children (child_id, family_id, forename, surname, date_of_birth, sex, school, school_cluster, locality)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [child.childId, child.familyId, child.forename, child.surname, child.dateOfBirth, child.sex, child.school, child.schoolCluster, child.locality],
      );
    },

    /** Change the details if they are still at `version`; false when someone else changed them first. */
    async updateDetails(db: Queryable, childId: string, details: ChildDetailsChange, version: number): Promise<boolean> {
      const rows = await db.query<{ child_id: string }>(
        `update children set forename = $2, surname = $3, date_of_birth = $4, sex = $5, school = $6, school_cluster = $7, locality = $8,
           version = version + 1, updated_at = now()
          where child_id = $1 and version = $9 returning child_id`,
        [childId, details.forename, details.surname, details.dateOfBirth, details.sex, details.school, details.schoolCluster, details.locality, version],
      );
      return rows.length > 0;
    },

    async exists(db: Queryable, childId: string): Promise<boolean> {
      return (await db.query('select 1 from children where child_id = $1', [childId])).length > 0;
    },

    /**
     * The child's summary in one statement: the record and each section as a JSON list built by the database, so a
     * page costs one round trip and one pooled connection however many sections it shows (issue 15 item 4).
     */
    async summary(db: Queryable, childId: string): Promise<ChildSummary | undefined> {
      const rows = await db.query<{ summary: ChildSummary }>(`${summaryQuery} where c.child_id = $1`, [childId], { prepared: true });
      const summary = rows[0]?.summary;
      if (!summary) return undefined;
      for (const placement of summary.placements) placement.weeklyCost = placement.weeklyCost === null ? null : Number(placement.weeklyCost);
      return summary;
    },
  };
}
export type ChildRepository = ReturnType<typeof childRepository>;

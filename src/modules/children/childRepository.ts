/** @module SQL for finding children and reading a child's summary, always within the reader's scope. */
import type { Queryable, SqlValue } from '../../db/database.js';
import type { ChildDetails, ChildSearch, ChildSearchResult, ChildSummary, NewChild, RecordBornOn } from './child.js';
import type { ChildScope } from '../../platform/access/access.js';
import type { ChildDetailsChange } from './childDetails.js';
import type { NumberedIdStyle } from '../../platform/ids/recordIds.js';

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
      const rows = await db.query<{ prefix: string; digits: number; highest: string }>(
        `select substring(child_id from '^([A-Za-z]*)') as prefix, max(length(child_id) - length(substring(child_id from '^([A-Za-z]*)'))) as digits,
                max(substring(child_id from '([0-9]+)$')::bigint) as highest
           from children where child_id ~ '^[A-Za-z]{0,4}[0-9]{3,15}$'
          group by 1 order by count(*) desc, 1 limit 1`,
      );
      const row = rows[0];
      return row && { prefix: row.prefix, digits: Number(row.digits), highest: Number(row.highest) };
    },

    /** True when the child exists and lies in the scope. */
    async isInScope(db: Queryable, scope: ChildScope, childId: string): Promise<boolean> {
      const rows = await db.query(`select 1 from children c where c.child_id = $4 and ${inScope}`, [...scopeParams(scope), childId]);
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
     * each lies in the scope: the candidates the likely-duplicate rule (likelyDuplicates.ts) is applied to.
     */
    async bornOnAnyOf(db: Queryable, scope: ChildScope, datesOfBirth: readonly string[], exceptChildId: string | null): Promise<RecordBornOn[]> {
      const rows = await db.query<{ child_id: string; forename: string | null; surname: string | null; date_of_birth: string; in_scope: boolean }>(
        `select c.child_id, c.forename, c.surname, c.date_of_birth, ${inScope} as in_scope
           from children c
          where c.date_of_birth = any($4::date[]) and ($5::text is null or c.child_id <> $5)
          order by c.child_id`,
        [...scopeParams(scope), [...datesOfBirth], exceptChildId],
      );
      return rows.map((r) => ({ childId: r.child_id, forename: r.forename, surname: r.surname, dateOfBirth: r.date_of_birth, inScope: r.in_scope }));
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

    async summary(db: Queryable, childId: string): Promise<ChildSummary | undefined> {
      const childRows = await db.query<{
        child_id: string; family_id: string | null; forename: string | null; surname: string | null; date_of_birth: string; sex: string | null;
        ethnicity: string | null; disability: string | null; school: string | null; school_cluster: string | null; locality: string | null; version: number;
      }>('select * from children where child_id = $1', [childId]);
      const c = childRows[0];
      if (!c) return undefined;
      const child: ChildDetails = {
        childId: c.child_id, familyId: c.family_id, forename: c.forename, surname: c.surname, dateOfBirth: c.date_of_birth, sex: c.sex,
        ethnicity: c.ethnicity, disability: c.disability, school: c.school, schoolCluster: c.school_cluster, locality: c.locality, version: c.version,
      };
      const [family, cases, referrals, episodes, placements, registrations, scra, steppedUp] = await Promise.all([
        db.query<{ child_id: string; forename: string | null; surname: string | null; date_of_birth: string }>(
          `select child_id, forename, surname, date_of_birth from children
           where family_id = $1 and child_id <> $2 order by date_of_birth`, [c.family_id, childId]),
        db.query<{ case_id: string; team: string | null; worker_id: string | null; worker_name: string | null; opened_date: string; closed_date: string | null }>(
          `select k.case_id, k.team, k.worker_id, wn.name as worker_name, k.opened_date, k.closed_date
             from cases k left join worker_names wn on wn.worker_id = k.worker_id
            where k.child_id = $1 order by k.opened_date desc`, [childId]),
        db.query<{ referral_id: string; received_date: string; source: string | null; reason: string | null; pathway: string; closed_date: string | null }>(
          'select referral_id, received_date, source, reason, pathway, closed_date from referrals where child_id = $1 order by received_date desc', [childId]),
        db.query<{ episode_id: string; start_date: string; end_date: string | null; legal_reason: string; reason_ended: string | null }>(
          'select episode_id, start_date, end_date, legal_reason, reason_ended from looked_after_episodes where child_id = $1 order by start_date desc', [childId]),
        db.query<{ placement_id: string; episode_id: string; start_date: string; end_date: string | null; placement_type: string; provider_name: string | null; out_of_authority: boolean; weekly_cost: number | null }>(
          `select p.placement_id, p.episode_id, p.start_date, p.end_date, p.placement_type, pr.name as provider_name, p.out_of_authority, p.weekly_cost
           from placements p left join providers pr on pr.provider_id = p.provider_id
           where p.child_id = $1 order by p.start_date desc`, [childId]),
        db.query<{ registration_id: string; registered_date: string; deregistered_date: string | null; concerns: string[]; deregistration_reason: string | null }>(
          'select registration_id, registered_date, deregistered_date, concerns, deregistration_reason from cp_registrations where child_id = $1 order by registered_date desc', [childId]),
        db.query<{ scra_referral_id: string; referral_date: string; ground: string }>(
          'select scra_referral_id, referral_date, ground from scra_referrals where child_id = $1 order by referral_date desc', [childId]),
        db.query<{ ended_date: string }>(
          `select ended_date from family_first_involvements where child_id = $1 and ending = 'step_up' order by ended_date desc limit 1`, [childId]),
      ]);
      return {
        child,
        familyMembers: family.map((f) => ({ childId: f.child_id, forename: f.forename, surname: f.surname, dateOfBirth: f.date_of_birth })),
        cases: cases.map((k) => ({ caseId: k.case_id, team: k.team, workerId: k.worker_id, workerName: k.worker_name, openedDate: k.opened_date, closedDate: k.closed_date })),
        referrals: referrals.map((r) => ({ referralId: r.referral_id, receivedDate: r.received_date, source: r.source, reason: r.reason, pathway: r.pathway, closedDate: r.closed_date })),
        episodes: episodes.map((e) => ({ episodeId: e.episode_id, startDate: e.start_date, endDate: e.end_date, legalReason: e.legal_reason, reasonEnded: e.reason_ended })),
        placements: placements.map((p) => ({
          placementId: p.placement_id, episodeId: p.episode_id, startDate: p.start_date, endDate: p.end_date, placementType: p.placement_type,
          providerName: p.provider_name, outOfAuthority: p.out_of_authority, weeklyCost: p.weekly_cost,
        })),
        registrations: registrations.map((r) => ({
          registrationId: r.registration_id, registeredDate: r.registered_date, deregisteredDate: r.deregistered_date, concerns: r.concerns, deregistrationReason: r.deregistration_reason,
        })),
        scraReferrals: scra.map((s) => ({ scraReferralId: s.scra_referral_id, referralDate: s.referral_date, ground: s.ground })),
        steppedUpOn: steppedUp[0]?.ended_date ?? null,
      };
    },
  };
}
export type ChildRepository = ReturnType<typeof childRepository>;

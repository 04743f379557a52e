/** @module SQL for referrals recorded in Cairn: intake, screening, decision, allocation and case closure. */
import type { Queryable } from '../../db/database.js';
import type { ReferralDetails, ReferralRecord } from './referral.js';
import { type ClosureReason, type Pathway, type ReferralSource } from '../../platform/codes/referralCodes.js';

interface ReferralRow {
  referral_id: string; group_id: string; child_id: string; forename: string | null; surname: string | null; date_of_birth: string;
  received_date: string; source: ReferralSource; reason: string; school_cluster: string | null; team: string;
  screening_notes: string | null; screened_at: Date | null; pathway: Pathway | null; decision_reason: string | null;
  decided_date: string | null; case_id: string | null; worker_id: string | null; case_closed_date: string | null;
  version: number; withdrawn_at: Date | null; withdrawn_reason: string | null;
}

const selectReferral = `
  select i.referral_id, i.group_id, i.child_id, c.forename, c.surname, c.date_of_birth, i.received_date, i.source, i.reason,
         i.school_cluster, i.team, i.screening_notes, i.screened_at, i.pathway, i.decision_reason, i.decided_date, i.case_id,
         k.worker_id, k.closed_date as case_closed_date, i.version, i.withdrawn_at, i.withdrawn_reason
    from referral_intake i
    join children c on c.child_id = i.child_id
    left join cases k on k.case_id = i.case_id`;

function toReferral(row: ReferralRow): ReferralRecord {
  return {
    referralId: row.referral_id, groupId: row.group_id, childId: row.child_id,
    childName: [row.forename, row.surname].filter(Boolean).join(' ') || 'Name not recorded',
    dateOfBirth: row.date_of_birth, receivedDate: row.received_date, source: row.source, reason: row.reason,
    schoolCluster: row.school_cluster, team: row.team, screeningNotes: row.screening_notes,
    screenedAt: row.screened_at === null ? null : new Date(row.screened_at), pathway: row.pathway, decisionReason: row.decision_reason,
    decidedDate: row.decided_date, caseId: row.case_id, workerId: row.worker_id, caseClosedDate: row.case_closed_date,
    version: Number(row.version), withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at), withdrawnReason: row.withdrawn_reason,
  };
}

export interface CaseRecord {
  caseId: string;
  childId: string;
  team: string | null;
  workerId: string | null;
  openedDate: string;
  closedDate: string | null;
}

/** @example const referrals = referralRepository(); await referrals.tray(db, 'Family First') */
export function referralRepository() {
  return {
    /** Children already recorded with this name and date of birth (ignoring case and spaces around). */
    async likelyDuplicates(db: Queryable, forename: string, surname: string, dateOfBirth: string): Promise<string[]> {
      const rows = await db.query<{ child_id: string }>(
        `select child_id from children
          where lower(trim(forename)) = lower(trim($1)) and lower(trim(surname)) = lower(trim($2)) and date_of_birth = $3::date
          order by child_id`,
        [forename, surname, dateOfBirth],
      );
      return rows.map((row) => row.child_id);
    },

    async familyOf(db: Queryable, childId: string): Promise<{ exists: boolean; familyId: string | null }> {
      const rows = await db.query<{ family_id: string | null }>('select family_id from children where child_id = $1', [childId]);
      return rows[0] ? { exists: true, familyId: rows[0].family_id } : { exists: false, familyId: null };
    },

    async addFamily(db: Queryable, familyId: string): Promise<void> {
      await db.query('insert into families (family_id) values ($1) on conflict do nothing', [familyId]);
    },

    async setFamily(db: Queryable, childId: string, familyId: string): Promise<void> {
      await db.query('update children set family_id = $2, updated_at = now() where child_id = $1 and family_id is null', [childId, familyId]);
    },

    async addChild(db: Queryable, child: { childId: string; familyId: string; forename: string; surname: string; dateOfBirth: string; schoolCluster: string | null }): Promise<void> {
      await db.query(
        `insert into children (child_id, family_id, forename, surname, date_of_birth, school_cluster) values ($1, $2, $3, $4, $5, $6)`,
        [child.childId, child.familyId, child.forename, child.surname, child.dateOfBirth, child.schoolCluster],
      );
    },

    async addIntake(db: Queryable, intake: { referralId: string; groupId: string; childId: string; receivedDate: string; source: ReferralSource; reason: string; schoolCluster: string | null; team: string; recordedBy: string }): Promise<void> {
      await db.query(
        `insert into referral_intake (referral_id, group_id, child_id, received_date, source, reason, school_cluster, team, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [intake.referralId, intake.groupId, intake.childId, intake.receivedDate, intake.source, intake.reason, intake.schoolCluster, intake.team, intake.recordedBy],
      );
    },

    /** One referral; `lock` holds its row until the transaction ends, so two decisions cannot cross. */
    async find(db: Queryable, referralId: string, lock = false): Promise<ReferralRecord | undefined> {
      const rows = await db.query<ReferralRow>(`${selectReferral} where i.referral_id = $1${lock ? ' for update of i' : ''}`, [referralId]);
      return rows[0] ? toReferral(rows[0]) : undefined;
    },

    /** Referrals still needing the team's manager: undecided, or decided for a worker but not yet allocated. */
    async tray(db: Queryable, team: string | null): Promise<ReferralRecord[]> {
      const rows = await db.query<ReferralRow>(
        `${selectReferral}
          where ($1::text is null or i.team = $1) and i.withdrawn_at is null
            and (i.pathway is null or (i.pathway in ('family_first', 'social_work_assessment') and i.case_id is null))
          order by i.received_date, c.surname, c.forename, i.referral_id`,
        [team],
      );
      return rows.map(toReferral);
    },

    /** Other referrals recorded with this one (siblings). */
    async group(db: Queryable, groupId: string): Promise<ReferralRecord[]> {
      const rows = await db.query<ReferralRow>(`${selectReferral} where i.group_id = $1 order by c.date_of_birth, i.referral_id`, [groupId]);
      return rows.map(toReferral);
    },

    /** Save screening notes against the version the form showed; false when someone else changed the referral meanwhile. */
    async screen(db: Queryable, referralId: string, notes: string, userId: string, version: number): Promise<boolean> {
      const rows = await db.query(
        `update referral_intake set screening_notes = $2, screened_by = $3, screened_at = now(), version = version + 1
          where referral_id = $1 and version = $4 returning referral_id`,
        [referralId, notes, userId, version],
      );
      return rows.length === 1;
    },

    /** Change an undecided referral's details against the version the form showed; false when that version is gone. */
    async changeDetails(db: Queryable, referralId: string, details: ReferralDetails, version: number): Promise<boolean> {
      const rows = await db.query(
        `update referral_intake set source = $2, reason = $3, school_cluster = $4, team = $5, version = version + 1
          where referral_id = $1 and version = $6 and pathway is null and withdrawn_at is null returning referral_id`,
        [referralId, details.source, details.reason, details.schoolCluster, details.team, version],
      );
      return rows.length === 1;
    },

    /**
     * Correct a decision: the intake row and the extract's row both hold the corrected pathway, so every figure uses
     * it. A referral not yet allocated closes on its decision date when its pathway no longer leads to a worker.
     */
    async correctDecision(db: Queryable, referralId: string, corrected: { pathway: Pathway; reason: string; decidedDate: string; closes: boolean }, version: number): Promise<boolean> {
      const rows = await db.query(
        `update referral_intake set pathway = $2, decision_reason = $3, decided_date = $4, version = version + 1
          where referral_id = $1 and version = $5 and pathway is not null returning referral_id`,
        [referralId, corrected.pathway, corrected.reason, corrected.decidedDate, version],
      );
      if (rows.length !== 1) return false;
      await db.query(
        `update referrals r set pathway = i.pathway,
                closed_date = case when i.case_id is not null then r.closed_date when $2 then i.decided_date end
           from referral_intake i where i.referral_id = r.referral_id and r.referral_id = $1`,
        [referralId, corrected.closes],
      );
      return true;
    },

    /** Correct who an allocated referral's case is with. */
    async reassign(db: Queryable, referralId: string, caseId: string, workerId: string, version: number): Promise<boolean> {
      const rows = await db.query('update referral_intake set version = version + 1 where referral_id = $1 and version = $2 returning referral_id', [referralId, version]);
      if (rows.length !== 1) return false;
      await db.query('update cases set worker_id = $2 where case_id = $1', [caseId, workerId]);
      return true;
    },

    /** Withdraw a referral recorded in error: it leaves the tray, and its decided row leaves the extract's table. */
    async withdraw(db: Queryable, referralId: string, withdrawal: { reason: string; userId: string }, version: number): Promise<boolean> {
      const rows = await db.query(
        `update referral_intake set withdrawn_at = now(), withdrawn_by = $2, withdrawn_reason = $3, version = version + 1
          where referral_id = $1 and version = $4 and withdrawn_at is null and case_id is null returning referral_id`,
        [referralId, withdrawal.userId, withdrawal.reason, version],
      );
      if (rows.length !== 1) return false;
      await db.query('delete from referrals where referral_id = $1', [referralId]);
      return true;
    },

    /**
     * Record the decision on the intake row and write the referral to `referrals` (the extract's table, which the
     * indicators read). A referral that is not allocated closes on the day it is decided.
     */
    async decide(db: Queryable, referralId: string, decision: { pathway: Pathway; reason: string; decidedDate: string; userId: string; closes: boolean }): Promise<void> {
      await db.query(
        `update referral_intake set pathway = $2, decision_reason = $3, decided_date = $4, decided_by = $5, version = version + 1,
                screened_at = coalesce(screened_at, now()), screened_by = coalesce(screened_by, $5)
          where referral_id = $1 and pathway is null and withdrawn_at is null`,
        [referralId, decision.pathway, decision.reason, decision.decidedDate, decision.userId],
      );
      await db.query(
        `insert into referrals (referral_id, child_id, received_date, source, reason, school_cluster, pathway, closed_date)
         select referral_id, child_id, received_date, source, reason, school_cluster, pathway, case when $2 then decided_date end
           from referral_intake where referral_id = $1`,
        [referralId, decision.closes],
      );
    },

    /** People in a team who carry cases: they have a worker id and hold one of `caseloadRoles`. */
    async workersInTeam(db: Queryable, team: string, caseloadRoles: readonly string[]): Promise<{ workerId: string; displayName: string }[]> {
      const rows = await db.query<{ worker_id: string; display_name: string }>(
        `select worker_id, display_name from users
          where team = $1 and worker_id is not null and not disabled and role = any($2::text[])
          order by display_name`,
        [team, caseloadRoles],
      );
      return rows.map((row) => ({ workerId: row.worker_id, displayName: row.display_name }));
    },

    async openCase(db: Queryable, opened: { caseId: string; childId: string; team: string; workerId: string; openedDate: string }): Promise<void> {
      await db.query('insert into cases (case_id, child_id, team, worker_id, opened_date) values ($1, $2, $3, $4, $5)', [
        opened.caseId, opened.childId, opened.team, opened.workerId, opened.openedDate,
      ]);
    },

    async linkCase(db: Queryable, referralId: string, caseId: string): Promise<void> {
      await db.query('update referral_intake set case_id = $2, version = version + 1 where referral_id = $1 and case_id is null', [referralId, caseId]);
    },

    async findCase(db: Queryable, caseId: string, lock = false): Promise<CaseRecord | undefined> {
      const rows = await db.query<{ case_id: string; child_id: string; team: string | null; worker_id: string | null; opened_date: string; closed_date: string | null }>(
        `select case_id, child_id, team, worker_id, opened_date, closed_date from cases where case_id = $1${lock ? ' for update' : ''}`,
        [caseId],
      );
      const row = rows[0];
      return row && { caseId: row.case_id, childId: row.child_id, team: row.team, workerId: row.worker_id, openedDate: row.opened_date, closedDate: row.closed_date };
    },

    /** Close the case, say why, and close the referral that opened it and any Family First involvement on it. */
    async closeCase(db: Queryable, closure: { caseId: string; closedDate: string; reason: ClosureReason; notes: string | null; userId: string }): Promise<void> {
      await db.query('update cases set closed_date = $2 where case_id = $1 and closed_date is null', [closure.caseId, closure.closedDate]);
      await db.query('insert into case_closures (case_id, reason, notes, closed_by) values ($1, $2, $3, $4)', [
        closure.caseId, closure.reason, closure.notes, closure.userId,
      ]);
      await db.query(
        `update referrals set closed_date = $2
          where closed_date is null and referral_id in (select referral_id from referral_intake where case_id = $1)`,
        [closure.caseId, closure.closedDate],
      );
      await db.query(
        `update family_first_involvements set ended_date = greatest($2::date, started_date), ending = 'closed'
          where case_id = $1 and ended_date is null`,
        [closure.caseId, closure.closedDate],
      );
    },

    async closureOf(db: Queryable, caseId: string): Promise<{ reason: ClosureReason; notes: string | null } | undefined> {
      const rows = await db.query<{ reason: ClosureReason; notes: string | null }>('select reason, notes from case_closures where case_id = $1', [caseId]);
      return rows[0];
    },
  };
}
export type ReferralRepository = ReturnType<typeof referralRepository>;

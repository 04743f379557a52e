/** @module SQL for data quality: the runs' snapshots of counts, and the queries marked "checked, correct". */
import type { Queryable } from '../../../db/database.js';
import type { RuleKind } from '../rule.js';
import type { CheckedMark } from './issues.js';

/** What started a run of the rules. */
export const runTriggers = ['import', 'nightly', 'on_demand', 'page'] as const;
export type RunTrigger = (typeof runTriggers)[number];

/** One run's snapshot. */
export interface RunSnapshot {
  runId: number;
  ranAt: string;
  trigger: RunTrigger;
  year: string;
  pack: string;
  errors: number;
  queries: number;
  checkedCorrect: number;
  rulesFailed: number;
  rulesSkipped: number;
}

export interface RuleCount {
  runId: number;
  code: string;
  kind: RuleKind;
  issues: number;
}

/** A mark with its withdrawal, for the list of who marked what. */
export interface StoredMark extends CheckedMark {
  withdrawnByName: string | null;
  withdrawnAt: string | null;
}

const utc = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const markColumns = `mark_id as "markId", code, record_table as "table", record_id as "recordId", child_id as "childId", fingerprint, reason,
  marked_by_name as "markedByName", ${utc('marked_at')} as "markedAt", withdrawn_by_name as "withdrawnByName", ${utc('withdrawn_at')} as "withdrawnAt"`;

/** @example await dataQualityRepository().currentMarks(db) */
export function dataQualityRepository() {
  return {
    async saveRun(db: Queryable, run: Omit<RunSnapshot, 'runId' | 'ranAt'>, counts: readonly { code: string; kind: RuleKind; issues: number }[]): Promise<number> {
      const [row] = await db.query<{ runId: number }>(
        `insert into data_quality_runs (trigger, collection_year, rule_pack, errors, queries, checked_correct, rules_failed, rules_skipped)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning run_id as "runId"`,
        [run.trigger, run.year, run.pack, run.errors, run.queries, run.checkedCorrect, run.rulesFailed, run.rulesSkipped]);
      for (const count of counts) {
        await db.query('insert into data_quality_run_counts (run_id, code, kind, issues) values ($1, $2, $3, $4)', [row!.runId, count.code, count.kind, count.issues]);
      }
      return Number(row!.runId);
    },

    /** The year's latest runs, newest first. */
    async runs(db: Queryable, year: string, limit: number): Promise<RunSnapshot[]> {
      const rows = await db.query<RunSnapshot>(
        `select run_id as "runId", ${utc('ran_at')} as "ranAt", trigger, collection_year as year, rule_pack as pack, errors, queries,
                checked_correct as "checkedCorrect", rules_failed as "rulesFailed", rules_skipped as "rulesSkipped"
           from data_quality_runs where collection_year = $1 order by ran_at desc, run_id desc limit $2`, [year, limit]);
      return rows.map((row) => ({ ...row, runId: Number(row.runId) }));
    },

    async countsOf(db: Queryable, runIds: readonly number[]): Promise<RuleCount[]> {
      if (runIds.length === 0) return [];
      const rows = await db.query<RuleCount>('select run_id as "runId", code, kind, issues from data_quality_run_counts where run_id = any($1::bigint[]) order by code', [runIds.map(String)]);
      return rows.map((row) => ({ ...row, runId: Number(row.runId) }));
    },

    /** Marks not withdrawn. */
    async currentMarks(db: Queryable): Promise<StoredMark[]> {
      const rows = await db.query<StoredMark>(`select ${markColumns} from data_quality_checked where withdrawn_at is null order by marked_at desc, mark_id desc`);
      return rows.map((row) => ({ ...row, markId: Number(row.markId) }));
    },

    /** Every mark, withdrawn ones too, newest first. */
    async allMarks(db: Queryable, limit: number): Promise<StoredMark[]> {
      const rows = await db.query<StoredMark>(`select ${markColumns} from data_quality_checked order by marked_at desc, mark_id desc limit $1`, [limit]);
      return rows.map((row) => ({ ...row, markId: Number(row.markId) }));
    },

    async mark(db: Queryable, markId: number): Promise<StoredMark | undefined> {
      const [row] = await db.query<StoredMark>(`select ${markColumns} from data_quality_checked where mark_id = $1`, [markId]);
      return row && { ...row, markId: Number(row.markId) };
    },

    /** Add a mark, withdrawing any earlier one of the same query and record (one that lapsed when the record changed). */
    async addMark(db: Queryable, mark: Omit<CheckedMark, 'markId' | 'markedAt'> & { markedBy: string | null }): Promise<number> {
      await db.query(
        `update data_quality_checked set withdrawn_at = now(), withdrawn_by = $4, withdrawn_by_name = $5
          where code = $1 and record_table = $2 and record_id = $3 and withdrawn_at is null`,
        [mark.code, mark.table, mark.recordId, mark.markedBy, mark.markedByName]);
      const [row] = await db.query<{ markId: number }>(
        `insert into data_quality_checked (code, record_table, record_id, child_id, fingerprint, reason, marked_by, marked_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning mark_id as "markId"`,
        [mark.code, mark.table, mark.recordId, mark.childId, mark.fingerprint, mark.reason, mark.markedBy, mark.markedByName]);
      return Number(row!.markId);
    },

    /** Withdraw a mark; false when it was already withdrawn (or never was). */
    async withdrawMark(db: Queryable, markId: number, by: { userId: string | null; name: string }): Promise<boolean> {
      const rows = await db.query('update data_quality_checked set withdrawn_at = now(), withdrawn_by = $2, withdrawn_by_name = $3 where mark_id = $1 and withdrawn_at is null returning mark_id', [markId, by.userId, by.name]);
      return rows.length > 0;
    },

    /** Names of children and workers, for the page's rows. */
    async names(db: Queryable): Promise<{ workers: Map<string, string> }> {
      const workers = await db.query<{ workerId: string; name: string }>('select worker_id as "workerId", name from worker_names');
      return { workers: new Map(workers.map((worker) => [worker.workerId, worker.name])) };
    },
  };
}
export type DataQualityRepository = ReturnType<typeof dataQualityRepository>;

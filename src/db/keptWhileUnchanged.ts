/**
 * @module Results kept while the records under them are unchanged (ADR 0055): a figure worked out once is given again
 * until a transaction that wrote a watched table commits, on either engine and whichever process wrote it.
 *
 * Every write to a watched table notes its transaction id in `data_changes` (migration 0078), with the tables it wrote
 * (migration 0081, ADR 0076): a keep may watch only the tables its work reads. A result is kept with the
 * snapshot taken before it was worked out; it still holds while no noted transaction is visible now that was not
 * visible in that snapshot. No timer: a change committed a moment ago is seen by the next request.
 */
import type { Database, Queryable } from './database.js';

interface Kept<T> {
  snapshot: string;
  value: T;
  at: number;
}

/** One keep's answers, for a test or a benchmark to see that it worked. */
export interface KeepCounts {
  given: number;
  workedOut: number;
}

export interface KeptWhileUnchanged<T> {
  /**
   * The result kept under `key` if nothing it read has changed since, else `work()`'s, then kept. `q` is where the
   * snapshot is taken: the transaction `work` reads in, so the result and its snapshot agree; or the database, when
   * `work` reads in statements of its own (then every read comes after the snapshot, and a change between them only
   * means the result is worked out again once more than needed).
   * @example const figures = await keep.get(tx, JSON.stringify(options), () => computeOn(tx, options))
   */
  get(q: Queryable, key: string, work: () => Promise<T>): Promise<T>;
  counts(): KeepCounts;
}

/** A result older than this is worked out again anyway: well inside the two days notes are kept (`notesKeptFor`). */
const oldestKeptMs = 60 * 60 * 1000;

const now = `select pg_current_snapshot()::text as snapshot, pg_current_xact_id_if_assigned() is null as unwritten`;

/**
 * SQL that is true when a transaction noted in `data_changes` is visible now but was not visible in `snapshot` (SQL
 * for a `pg_snapshot`), and — given `watching`, SQL for a `text[]` of tables — wrote one of those tables (a note from
 * before notes named their tables stands for every table; ADR 0076).
 * @example changeNotedSince('$1::pg_snapshot', '$2::text[]')
 */
export function changeNotedSince(snapshot: string, watching?: string): string {
  return `exists (select 1 from data_changes d
                   where d.xid >= pg_snapshot_xmin(${snapshot}) and not pg_visible_in_snapshot(d.xid, ${snapshot})${
                     watching ? `\n                     and ${wroteOneOf('d', watching)}` : ''})`;
}

/** SQL true when the note `note` wrote one of the tables `watching` names (SQL for a `text[]`), or names none. */
const wroteOneOf = (note: string, watching: string) => `(${note}.tables is null or ${note}.tables && ${watching})`;

/**
 * Seconds since the last noted change to any of `tables` (a note naming no tables counts), or null when none is noted
 * (notes are kept for two days). Newest first by the index on `noted_at`, to the first note that counts.
 * @example await secondsSinceChangeTo(db, ['cases']) // 41.2
 */
export async function secondsSinceChangeTo(db: Queryable, tables: readonly string[]): Promise<number | null> {
  const rows = await db.query<{ seconds: number }>(
    `select extract(epoch from clock_timestamp() - d.noted_at)::float8 as seconds
       from data_changes d where ${wroteOneOf('d', '$1::text[]')}
      order by d.noted_at desc limit 1`,
    [tables],
  );
  return rows[0]?.seconds ?? null;
}

/** What a keep watches, and its clock (a test's). */
export interface KeepOptions {
  /**
   * The tables whose changes can make a result untrue: every table the work reads, no fewer (a test of the work should
   * prove it). Without it, a change to any watched table does.
   */
  watching?: readonly string[];
  clock?: () => number;
}

/**
 * A keep for one kind of result, holding the `size` most recently used keys (each an options' JSON, say).
 * @example const keep = keptWhileUnchanged<StatsResult>(16, { watching: tablesTheFiguresRead })
 */
export function keptWhileUnchanged<T>(size: number, options: KeepOptions = {}): KeptWhileUnchanged<T> {
  const { watching, clock = Date.now } = options;
  const changedSince = `select pg_current_snapshot()::text as snapshot, pg_current_xact_id_if_assigned() is null as unwritten,
    ${changeNotedSince('$1::pg_snapshot', watching ? '$2::text[]' : undefined)} as changed`;
  const sinceParams = (snapshot: string) => (watching ? [snapshot, watching] : [snapshot]);
  const kept = new Map<string, Kept<T>>();
  const counts: KeepCounts = { given: 0, workedOut: 0 };
  return {
    async get(q, key, work) {
      const found = kept.get(key);
      const fresh = found && clock() - found.at < oldestKeptMs ? found : undefined;
      const [state] = fresh
        ? await q.query<{ snapshot: string; unwritten: boolean; changed: boolean }>(changedSince, sinceParams(fresh.snapshot))
        : await q.query<{ snapshot: string; unwritten: boolean; changed?: boolean }>(now);
      if (!state) throw new Error('The database gave no snapshot');
      if (fresh && !state.changed) {
        kept.delete(key);
        kept.set(key, fresh);
        counts.given++;
        return fresh.value;
      }
      const at = clock();
      const value = await work();
      counts.workedOut++;
      // A transaction that has written may yet roll back: what it worked out is not kept.
      if (state.unwritten) {
        kept.delete(key);
        kept.set(key, { snapshot: state.snapshot, value: frozen(value), at });
        if (kept.size > size) kept.delete(kept.keys().next().value!);
      }
      return value;
    },
    counts: () => ({ ...counts }),
  };
}

/** Frozen to the leaves: every caller is given the same kept value, so none may change it for the others. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/**
 * How long notes of changes are kept: longer than any result is kept, in memory (an hour) or in the database (a day,
 * keptResults.ts), so a change that could make a kept result untrue is never forgotten while the result is given.
 */
const notesKeptFor = `interval '2 days'`;

/**
 * Forget notes of changes older than two days (the server does every six hours); answers how many went.
 * @example await forgetOldDataChanges(db) // 1204
 */
export async function forgetOldDataChanges(db: Database): Promise<number> {
  const rows = await db.query<{ xid: string }>(`delete from data_changes where noted_at < now() - ${notesKeptFor} returning xid`);
  return rows.length;
}

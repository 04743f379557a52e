/**
 * @module Results kept in the database while the records under them are unchanged (ADR 0061): the same rule as the
 * in-memory keep (keptWhileUnchanged.ts, ADR 0055), stored in `kept_results` so that another process — `cairn stats`
 * run again, the server after a restart — gives a result again instead of working it out. A stored result is given
 * back while no transaction noted in `data_changes` is visible now that was not visible in its snapshot, and for a
 * day at most (ADR 0071): figures an import kept at night are still given the next working day. Kept as JSON text:
 * given back exactly as it was kept.
 */
import type { Queryable } from './database.js';
import { changeNotedSince, type KeepOptions } from './keptWhileUnchanged.js';

/** A result worked out in a snapshot that may be stored: the transaction had written nothing. */
export interface ResultToStore<T> {
  snapshot: string;
  value: T;
}

/**
 * How long a stored result can be given: notes of changes are kept for two days (keptWhileUnchanged.ts), so every
 * change that could make a result untrue is still noted while the result is given — with a day to spare for a
 * transaction that noted its change long before it committed (a large import), whose note is older than its commit.
 */
const oldestStored = `interval '1 day'`;

/** The stored result of a kind and key if it still holds; `$3`, when the results watch some tables only, names them. */
const stillTrue = (watching: boolean) => `select k.value
  from kept_results k
 where k.kind = $1 and k.key = $2 and k.kept_at > clock_timestamp() - ${oldestStored}
   -- Transaction ids only move forward in one database: a result from before a restore into a new cluster is not given.
   and pg_snapshot_xmax(pg_current_snapshot()) >= pg_snapshot_xmax(k.snapshot::pg_snapshot)
   and not ${changeNotedSince('k.snapshot::pg_snapshot', watching ? '$3::text[]' : undefined)}`;

/**
 * Results of one kind, made untrue by a change to any of `watching` (every table the work reads; ADR 0076), or to any
 * watched table at all without it.
 * @example const stored = keptResults<StatsResult>('statistics', { watching: tablesTheFiguresRead })
 */
export function keptResults<T>(kind: string, options: Pick<KeepOptions, 'watching'> = {}) {
  const { watching } = options;
  const findSql = stillTrue(watching !== undefined);
  return {
    /**
     * The result stored under `key` if it still holds in the snapshot `q` reads in, else undefined.
     * @example const figures = await stored.find(tx, JSON.stringify(options))
     */
    async find(q: Queryable, key: string): Promise<T | undefined> {
      const [row] = await q.query<{ value: string }>(findSql, watching ? [kind, key, watching] : [kind, key]);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },

    /**
     * Work the result out in `q`'s snapshot and say what to store: nothing when the transaction has written (it may yet
     * roll back). Take it before `work` reads anything, in the transaction it reads in.
     * @example const { value, toStore } = await stored.workOut(tx, () => computeOn(tx, options))
     */
    async workOut(q: Queryable, work: () => Promise<T>): Promise<{ value: T; toStore?: ResultToStore<T> }> {
      const [state] = await q.query<{ snapshot: string; unwritten: boolean }>(
        'select pg_current_snapshot()::text as snapshot, pg_current_xact_id_if_assigned() is null as unwritten');
      const value = await work();
      return state?.unwritten ? { value, toStore: { snapshot: state.snapshot, value } } : { value };
    },

    /**
     * Store a result worked out by `workOut`, outside the transaction it was worked out in (that one may be read
     * only), replacing what was kept under the key; results of this kind older than a day go.
     * @example await stored.store(db, JSON.stringify(options), toStore)
     */
    async store(q: Queryable, key: string, result: ResultToStore<T>): Promise<void> {
      await q.query(
        `with forgotten as (delete from kept_results where kind = $1 and key <> $2 and kept_at < clock_timestamp() - ${oldestStored})
         insert into kept_results (kind, key, snapshot, value) values ($1, $2, $3, $4)
         on conflict (kind, key) do update set snapshot = excluded.snapshot, value = excluded.value, kept_at = excluded.kept_at`,
        [kind, key, result.snapshot, JSON.stringify(result.value)]);
    },
  };
}

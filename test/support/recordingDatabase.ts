/**
 * @module A database that notes the SQL of every statement run through it or its transactions, to learn what a piece of
 * work reads: the tables (and views) its SQL names, and any of Cairn's own functions (which could read tables unseen).
 * For proving a keep's `watching` list (ADR 0076).
 */
import type { Database, Queryable } from '../../src/db/database.js';

export interface RecordingDatabase {
  db: Database;
  /** Forget what was noted so far. */
  clear(): void;
  /** The relations of the schema the noted SQL names, sorted, but for the keeps' own (`data_changes`, `kept_results`). */
  relationsNamed(): Promise<string[]>;
  /** Cairn's own functions the noted SQL names. */
  functionsNamed(): Promise<string[]>;
}

/** @example const recording = recordingDatabase(database.db); await work(recording.db); await recording.relationsNamed() */
export function recordingDatabase(real: Database): RecordingDatabase {
  const sql: string[] = [];
  const recorded = (q: Queryable): Queryable => ({
    query: (text, params, options) => {
      sql.push(text);
      return q.query(text, params, options);
    },
    exec: (text) => {
      sql.push(text);
      return q.exec(text);
    },
    ...(q.copyIn ? { copyIn: q.copyIn.bind(q) } : {}),
  });
  const named = (names: string[]) => {
    const text = sql.join('\n');
    return names.filter((name) => new RegExp(`\\b${name}\\b`).test(text)).sort();
  };
  return {
    db: {
      ...recorded(real),
      engine: real.engine,
      transaction: (work) => real.transaction((tx) => work(recorded(tx))),
      close: () => real.close(),
    },
    clear: () => void sql.splice(0),
    async relationsNamed() {
      const relations = await real.query<{ name: string }>(`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm') and c.relname not in ('data_changes', 'kept_results')`);
      return named(relations.map((relation) => relation.name));
    },
    async functionsNamed() {
      const functions = await real.query<{ name: string }>(`
        select distinct p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = current_schema()`);
      return named(functions.map((fn) => fn.name));
    },
  };
}

/** @module The embedded engine: PGlite in a data folder (or in memory for tests), guarded by a lockfile. */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, Queryable, SqlValue } from './database.js';
import { typeOids } from './database.js';
import { acquireDataDirLock, type DataDirLock } from './dataDirLock.js';

const parsers = {
  [typeOids.int8]: (value: string) => Number(value),
  [typeOids.numeric]: (value: string) => Number(value),
  [typeOids.date]: (value: string) => value,
};

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * Open PGlite. With a `dataDir` the folder is locked against a second process; without one the
 * database lives in memory (tests).
 * @example const db = await openPglite({ dataDir: './data' })
 */
export async function openPglite(options: { dataDir?: string } = {}): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (options.dataDir) lock = acquireDataDirLock(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: options.dataDir ? `${options.dataDir}/pgdata` : undefined,
      extensions: { btree_gist },
      parsers,
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const self = wrap(pglite);
  return {
    engine: 'pglite',
    query: self.query,
    async transaction(work) {
      return pglite.transaction((tx) => work(wrap(tx)));
    },
    exec: self.exec,
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}

/** @module Opens the configured database, migrates it, and hands it (or every service built on it) to a command, closing it after. */
import { loadConfig, type Config } from '../platform/config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate } from '../db/migrate.js';
import type { Services } from '../composition.js';

/** How a command uses the database: `reads` for one that reads (noting at most that it did) and exits: a quicker PGlite start (ADR 0061). */
export interface CommandUse {
  reads?: boolean;
}

/**
 * Run `work` with the migrated database, closing it afterwards (releasing PGlite's lock).
 * @example await withDatabase(process.env, async (db) => statsService(db).compute({}), { reads: true })
 */
export async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (db: Database, config: Config) => Promise<T>, use: CommandUse = {}): Promise<T> {
  const config = loadConfig(env);
  const db = await openDatabase(config, { shortLived: use.reads === true });
  try {
    await migrate(db);
    return await work(db, config);
  } finally {
    await db.close();
  }
}

/**
 * Run `work` with every service built on the migrated database. The composition root (every module, the web app's
 * renderers among them) is loaded only here, so commands that need one service need not load it.
 * @example await withServices(process.env, async (services) => services.users.count())
 */
export async function withServices<T>(env: NodeJS.ProcessEnv, work: (services: Services, config: Config) => Promise<T>, use: CommandUse = {}): Promise<T> {
  return withDatabase(env, async (db, config) => {
    const { buildServices } = await import('../composition.js');
    return work(buildServices(config, db), config);
  }, use);
}

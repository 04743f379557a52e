/** @module Opens the configured database, migrates it and builds the services, for a command to use and close. */
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate } from '../db/migrate.js';
import { buildServices, type Services } from '../composition.js';

/**
 * Run `work` with migrated services, closing the database afterwards (releasing PGlite's lock).
 * @example await withServices(process.env, async (services) => services.users.count())
 */
export async function withServices<T>(env: NodeJS.ProcessEnv, work: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    return await work(buildServices(config, db), config);
  } finally {
    await db.close();
  }
}

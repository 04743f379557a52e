/** @module Chooses the engine from the settings: PostgreSQL when DATABASE_URL is set, else PGlite. */
import type { Database } from './database.js';
import { openPglite } from './pgliteDatabase.js';
import { openPostgres } from './postgresDatabase.js';

/** @example const db = await openDatabase({ databaseUrl: undefined, dataDir: './data' }) */
export async function openDatabase(settings: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  return openPglite({ dataDir: settings.dataDir });
}

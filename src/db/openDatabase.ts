/**
 * @module Chooses the engine from the settings: PostgreSQL when DATABASE_URL is set, else PGlite. Each engine's
 * driver is loaded only when chosen: a command such as `cairn stats` does not pay for loading the other one.
 */
import type { Database } from './database.js';
import { refuseIfHeld } from './dataDirLock.js';

/**
 * `shortLived`: a command that exits when done (PGlite then starts with smaller shared buffers, ADR 0061);
 * `quickStart`: one that reads and exits (PGlite's WebAssembly compiled by the baseline compiler alone, ADR 0068).
 * @example const db = await openDatabase({ databaseUrl: undefined, dataDir: './data' })
 */
export async function openDatabase(settings: { databaseUrl?: string; dataDir: string }, options: { shortLived?: boolean; quickStart?: boolean } = {}): Promise<Database> {
  if (settings.databaseUrl) return (await import('./postgresDatabase.js')).openPostgres(settings.databaseUrl);
  // A folder a running Cairn holds is refused before PGlite is loaded: the command then asks that server (ADR 0077).
  refuseIfHeld(settings.dataDir);
  return (await import('./pgliteDatabase.js')).openPglite({ dataDir: settings.dataDir, shortLived: options.shortLived, quickStart: options.quickStart });
}

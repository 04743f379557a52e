/** @module Opens the configured database, migrates it, and hands it (or every service built on it) to a command, closing it after. */
import { loadConfig, type Config } from '../platform/config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate } from '../db/migrate.js';
import type { Services } from '../composition.js';
import type { Importer } from '../importComposition.js';
import { collectGarbage } from '../platform/memory/collectGarbage.js';
import { holdHeapNearWhatIsHeld } from '../platform/memory/heapHeadroom.js';

/**
 * How a command uses the database. Every command that opens it here exits when done, so on PGlite each starts with
 * the smaller shared buffers (a quicker start and some 130 MB less memory, ADR 0061 and 0082; the pages it reads come
 * again from the operating system's file cache) and, unless it imports, with PGlite's WebAssembly compiled by V8's
 * baseline compiler alone (ADR 0068 and 0082: `cairn users list` 1.79 → 1.30 s, 390 → 211 MB).
 */
export interface CommandUse {
  /**
   * One that reads (noting at most that it did) and exits: on PGlite, whose database memory is this process's too,
   * its heap is held near what it holds (ADR 0074): the returns check over a large authority's records otherwise let
   * V8 grow it to twice that. `cairn import` runs its returns check and figures so, after its import.
   */
  reads?: boolean;
  /**
   * One that imports an extract and exits: minutes of the same functions run millions of times, faster with V8's
   * optimising compiler (ADR 0068); the smaller shared buffers keep its peak memory under 500 MB (no slower: the pages
   * written go to the operating system's cache either way; ADR 0065).
   */
  imports?: boolean;
}

/**
 * How a command opens PGlite (ADR 0082): short-lived always, as every command here exits; compiled quickly unless it
 * imports. The server never opens the database here.
 * @example commandOpening({ imports: true }) // { shortLived: true, quickStart: false }
 */
export function commandOpening(use: CommandUse): { shortLived: true; quickStart: boolean } {
  return { shortLived: true, quickStart: use.imports !== true };
}

/**
 * Run `work` with the migrated database, closing it afterwards (releasing PGlite's lock).
 * @example await withDatabase(process.env, async (db) => statsService(db).compute({}), { reads: true })
 */
export async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (db: Database, config: Config) => Promise<T>, use: CommandUse = {}): Promise<T> {
  const config = loadConfig(env);
  const db = await openDatabase(config, commandOpening(use));
  if (use.reads === true && db.engine === 'pglite') holdHeapNearWhatIsHeld();
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

/**
 * Run `work` with the importer alone (importComposition.ts): `cairn import` need not load every module, nor the
 * libraries of the web app's pages and documents, whose memory would count in the import's peak. On PGlite, whose
 * database lives in this process too, garbage is collected between the import's stages, so that the peak is what the
 * import holds rather than what it has let go (ADR 0073); on PostgreSQL the process peaks far below the target without.
 * @example await withImporter(process.env, (importer) => importer.extractImport.importFolder(actor, folder))
 */
export async function withImporter<T>(env: NodeJS.ProcessEnv, work: (importer: Importer, config: Config) => Promise<T>): Promise<T> {
  return withDatabase(env, async (db, config) => {
    const { buildImporter } = await import('../importComposition.js');
    return work(buildImporter(db, undefined, { afterEachStage: db.engine === 'pglite' ? collectGarbage : undefined }), config);
  }, { imports: true });
}

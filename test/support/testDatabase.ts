/**
 * @module A migrated, empty database for one test file: PGlite in memory, or — when DATABASE_URL is set —
 * a new database of its own on that PostgreSQL server, dropped afterwards. One suite, both engines. Each is a
 * copy of the run's template (databaseTemplate.ts, vitest's global setup), migrated once; without one (a
 * file run outside that setup) it migrates its own. A PGlite copy, once dropped, is wiped back to the template and
 * used again by the next file in the same worker (reusedPglite.ts, ADR 0058).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { openPostgres } from '../../src/db/postgresDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import { databaseUrl, serverQuery } from './postgresServer.js';
import { reusedPglite } from './reusedPglite.js';

export interface TestDatabase {
  db: Database;
  /** The connection string of this test's own database (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

export const engineUnderTest: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * `describe` for what the embedded engine alone does — its data folder, the folder's lock, a second process refused it
 * and asking the running server, how a command opens PGlite. Such tests make their own PGlite folder whatever the run's
 * engine (`DATABASE_URL: ''`), so the PostgreSQL run would repeat them without touching PostgreSQL: they run in the
 * PGlite run only. Everything that reads or writes records runs on both engines.
 * @example describeOnPglite('the PGlite data folder lock', () => { … })
 */
export const describeOnPglite = describe.runIf(engineUnderTest === 'pglite');

/**
 * A copy of the run's migrated template, or of another template the run made (`from`: the demo's, demoTemplate.ts).
 * @example const { db, drop } = await createTestDatabase(); afterAll(drop)
 */
export async function createTestDatabase(from?: { postgres: string } | { pglite: string }): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    if (from && 'pglite' in from) {
      // Not from the worker's shelf: a shelved database is wiped back to the migrated template, not to this one.
      const db = await openPglite({ image: new Blob([readFileSync(from.pglite)]) });
      return { db, drop: () => db.close() };
    }
    const template = inject('pgliteTemplate');
    if (template) return reusedPglite(() => new Blob([readFileSync(template)]));
    const db = await openPglite();
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const template = from && 'postgres' in from ? from.postgres : inject('postgresTemplate');
  const name = `cairn_test_${randomBytes(6).toString('hex')}`;
  await serverQuery(serverUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = databaseUrl(serverUrl, name);
  const db = openPostgres(url, { max: 5 });
  if (!template) await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.close();
      await serverQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

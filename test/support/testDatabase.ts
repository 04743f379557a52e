/**
 * @module A migrated, empty database for one test file: PGlite in memory, or — when DATABASE_URL is set —
 * a new database of its own on that PostgreSQL server, dropped afterwards. One suite, both engines. Each is a
 * copy of the run's template (databaseTemplate.ts, vitest's global setup), migrated once; without one (a
 * file run outside that setup) it migrates its own. A PGlite copy, once dropped, is wiped back to the template and
 * used again by the next file in the same worker (reusedPglite.ts, ADR 0058).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { openPostgres } from '../../src/db/postgresDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import { reusedPglite } from './reusedPglite.js';

export interface TestDatabase {
  db: Database;
  /** The connection string of this test's own database (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

export const engineUnderTest: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** @example const { db, drop } = await createTestDatabase(); afterAll(drop) */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = inject('pgliteTemplate');
    if (template) return reusedPglite(() => new Blob([readFileSync(template)]));
    const db = await openPglite();
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const template = inject('postgresTemplate');
  const name = `cairn_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 5 });
  if (!template) await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

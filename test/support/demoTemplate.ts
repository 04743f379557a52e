/**
 * @module The demo authority loaded once per run, for the test files that read the loaded demo (ADR 0063). Loading it
 * takes 8–10 s on a busy 2-core machine (the importer, then practice quality, Family First work and the Signs of
 * Safety maps recorded through the services one audited call at a time), and six files used to load it each. Now the
 * first of them to start takes the run's lock and loads it into a copy of the migrated template, then keeps it as a
 * template of its own (a PostgreSQL database, or a PGlite data folder's tarball); the others wait for its `ready` file
 * and copy it, like any test database.
 *
 * `loadDemoIfEmpty.test.ts` and `demoCommand.test.ts` still load the demo themselves: loading it is what they test.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { openPostgres } from '../../src/db/postgresDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../src/composition.js';
import { buildApp } from '../../src/app/app.js';
import { loadDemoIfEmpty } from '../../src/modules/demo/loadDemoIfEmpty.js';
import type { DemoTemplate } from './demoTemplateBuild.js';
import { databaseUrl, serverQuery } from './postgresServer.js';
import { migratedDataFolder } from './testDataFolder.js';
import { testConfig } from './testConfig.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

/** How long a file waits for another to make the template before saying so (a load takes 10–20 s on a busy machine). */
const patience = 240_000;

/** Load the demo into an empty database as every file reading it expects it: seed 2021, reference date 2022-10-31. */
async function loadDemo(db: Database): Promise<void> {
  const files = mkdtempSync(join(tmpdir(), 'cairn-demo-'));
  try {
    const loaded = await loadDemoIfEmpty(buildServices(testConfig({ dataDir: files, demoSeed: 2021 }), db));
    if (!loaded) throw new Error('the demo was not loaded: the database was not empty');
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
}

/** Make the template where the global setup said, from the run's migrated template. */
async function makeTemplate(template: DemoTemplate): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const migratedOnServer = inject('postgresTemplate');
  if (template.postgres && serverUrl && migratedOnServer) {
    await serverQuery(serverUrl, `create database ${template.postgres} template ${migratedOnServer}`);
    const db = openPostgres(databaseUrl(serverUrl, template.postgres), { max: 2 });
    try {
      await loadDemo(db);
    } finally {
      // No connection may stay open on a database that `create database … template` copies.
      await db.close();
    }
    return;
  }
  const migrated = inject('pgliteTemplate');
  if (!template.pglite || !migrated) throw new Error('the run gave no migrated template to load the demo into');
  const db = await openPglite({ image: new Blob([readFileSync(migrated)]) });
  try {
    await loadDemo(db);
    writeFileSync(`${template.pglite}.part`, await db.snapshot!());
    renameSync(`${template.pglite}.part`, template.pglite);
  } finally {
    await db.close();
  }
}

/** The run's demo template once it is complete (made by this file if it is the first), or undefined outside the run's setup. */
async function readyTemplate(): Promise<DemoTemplate | undefined> {
  const template = inject('demoTemplate');
  if (!template) return undefined;
  if (!existsSync(template.ready)) {
    let mine = false;
    try {
      closeSync(openSync(template.lock, 'wx'));
      mine = true;
    } catch {
      // Another file is making it.
    }
    if (mine) {
      const outcome = await makeTemplate(template).then(() => 'ok', (error: unknown) => `the run's demo template could not be made: ${String(error)}`);
      writeFileSync(`${template.ready}.part`, outcome);
      renameSync(`${template.ready}.part`, template.ready);
    }
  }
  const since = Date.now();
  while (!existsSync(template.ready)) {
    if (Date.now() - since > patience) throw new Error(`waited ${patience / 1000} s for another file to make the run's demo template`);
    await sleep(100);
  }
  const outcome = readFileSync(template.ready, 'utf8');
  if (outcome !== 'ok') throw new Error(outcome);
  return template;
}

/**
 * A test database of its own holding the demo authority as `loadDemoIfEmpty` leaves it (seed 2021, reference date
 * 2022-10-31): a copy of the run's demo template, in memory on PGlite.
 * @example const { db, drop } = await createDemoTestDatabase(); afterAll(drop)
 */
export async function createDemoTestDatabase(): Promise<TestDatabase> {
  const template = await readyTemplate();
  if (template) return createTestDatabase(template.postgres ? { postgres: template.postgres } : { pglite: template.pglite! });
  const database = await createTestDatabase();
  await loadDemo(database.db);
  return database;
}

/**
 * PGlite: fill `dataDir` with a data folder holding the demo, for tests of commands that open a folder of their own
 * (`CAIRN_DATA_DIR`); outside the run's setup it migrates one and loads the demo itself.
 * @example const dataDir = await demoDataFolder(join(folder, 'data'))
 */
export async function demoDataFolder(dataDir: string): Promise<string> {
  const template = await readyTemplate();
  if (template?.pglite) {
    await (await openPglite({ dataDir, image: new Blob([readFileSync(template.pglite)]) })).close();
    return dataDir;
  }
  const db = await openPglite({ dataDir: migratedDataFolder(dataDir) });
  try {
    await migrate(db);
    await loadDemo(db);
  } finally {
    await db.close();
  }
  return dataDir;
}

/** The loaded demo with its services and web app, for a test file that reads it; `close` ends all three. */
export interface DemoApp {
  database: TestDatabase;
  services: Services;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * A copy of the run's demo (`createDemoTestDatabase`), its services as the demo's seed configures them, with a data
 * folder of their own, and its web app (no request log).
 * @example let demo: DemoApp; beforeAll(async () => { demo = await openDemoApp(); }); afterAll(() => demo?.close())
 */
export async function openDemoApp(): Promise<DemoApp> {
  const database = await createDemoTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-demo-app-'));
  const services = buildServices(testConfig({ dataDir, demoSeed: 2021 }), database.db);
  const app = await buildApp(services, { logger: false });
  return {
    database,
    services,
    app,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

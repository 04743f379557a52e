/**
 * @module Vitest's global setup: migrate one template database per run, which every test file then copies
 * instead of migrating its own. On PostgreSQL a database named after the migrations' contents, copied with
 * `create database … template …`; on PGlite a gzipped tarball of a migrated in-memory database's data folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.js';
import { openPostgres } from '../../src/db/postgresDatabase.js';
import { openPglite, pgliteImage } from '../../src/db/pgliteDatabase.js';
import { sourcePath } from '../../src/platform/projectRoot.js';
import { demoTemplatePlace, removeDemoTemplate, type DemoTemplate } from './demoTemplateBuild.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PostgreSQL database test databases are created from. */
    postgresTemplate: string | undefined;
    /** The file holding a migrated PGlite data folder. */
    pgliteTemplate: string | undefined;
    /** A migrated PGlite data folder on disk, for commands run on a data folder of their own (testDataFolder.ts). */
    pgliteDataFolder: string | undefined;
    /** Where the run's demo template will be, once its `ready` file says so (demoTemplate.ts). */
    demoTemplate: DemoTemplate | undefined;
  }
}

/** A name that changes whenever a migration does, so a template is never older than the code. */
function templateName(): string {
  const folder = sourcePath('db', 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  return `cairn_template_${hash.digest('hex').slice(0, 16)}`;
}

/**
 * The template for these migrations on this server, made if it is not there yet. Made under another name and
 * renamed when complete (under an advisory lock, since other checkouts may share the server), so a run that
 * stops half way never leaves a half-migrated template behind.
 */
async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`select pg_advisory_lock(hashtext('cairn.test-template'))`);
    const [found] = (await admin.query('select 1 from pg_database where datname = $1', [name])).rows;
    if (!found) {
      const building = `cairn_building_${randomBytes(6).toString('hex')}`;
      await admin.query(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const db = openPostgres(url.toString(), { max: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
    }
    return name;
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest calls a root-level global setup for the root as well as for each project that extends it; only the
  // projects run files, so the root's call makes nothing (it used to migrate a second template every run).
  if (!project.name) return async () => undefined;
  const serverUrl = process.env.DATABASE_URL;
  const folder = mkdtempSync(join(tmpdir(), 'cairn-test-template-'));
  if (serverUrl) {
    const migrated = await postgresTemplate(serverUrl);
    // Made by the first file that reads the demo; the others wait for it (demoTemplate.ts, ADR 0063).
    const demo = demoTemplatePlace(folder, 'postgres');
    project.provide('postgresTemplate', migrated);
    project.provide('pgliteTemplate', undefined);
    project.provide('pgliteDataFolder', undefined);
    project.provide('demoTemplate', demo);
    return async () => {
      await removeDemoTemplate(demo, serverUrl);
      rmSync(folder, { recursive: true, force: true });
    };
  }
  const file = join(folder, 'pgdata.tar.gz');
  const image = await pgliteImage((db) => migrate(db));
  writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  // The same, unpacked into a data folder once: a command's test copies it instead of PGlite's initdb and every
  // migration in its first command (4–5 s each on a busy 2-core machine).
  const dataFolder = join(folder, 'data');
  await (await openPglite({ dataDir: dataFolder, image })).close();
  project.provide('postgresTemplate', undefined);
  project.provide('pgliteTemplate', file);
  project.provide('pgliteDataFolder', dataFolder);
  project.provide('demoTemplate', demoTemplatePlace(folder, 'pglite'));
  return async () => {
    rmSync(folder, { recursive: true, force: true });
  };
}

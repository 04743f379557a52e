/**
 * @module Where the run's demo template goes (ADR 0063), set out by vitest's global setup, which also removes it at
 * the end; the first test file that needs it makes it (demoTemplate.ts). Nothing here loads the demo: vitest's main
 * process serves every worker its modules, and loading the demo there (PGlite runs on the calling thread) held up
 * every file of the run until it was done.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export interface DemoTemplate {
  /** Written when the template is complete: `ok`, or why it could not be made. */
  ready: string;
  /** Taken (created exclusively) by the one file that makes the template. */
  lock: string;
  /** PostgreSQL: the database to hold the demo, and the migrated template it is copied from. */
  postgres?: { name: string; migrated: string };
  /** PGlite: the gzipped tarball of a data folder holding the demo. */
  pglite?: string;
}

/** One statement on the server's maintenance connection (create or drop a database). */
export async function serverQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Where this run's demo template will be: in `folder`, or (PostgreSQL) a database named for this run.
 * @example project.provide('demoTemplate', demoTemplatePlace(folder, { migrated: 'cairn_template_…' }))
 */
export function demoTemplatePlace(folder: string, postgres?: { migrated: string }): DemoTemplate {
  const place = { ready: join(folder, 'demo.ready'), lock: join(folder, 'demo.lock') };
  return postgres
    ? { ...place, postgres: { name: `cairn_demo_${randomBytes(6).toString('hex')}`, migrated: postgres.migrated } }
    : { ...place, pglite: join(folder, 'demo.tar.gz') };
}

/** At the end of the run: the PostgreSQL template dropped, if a file made it (the folder goes with the setup's). */
export async function removeDemoTemplate(template: DemoTemplate, serverUrl: string | undefined): Promise<void> {
  if (template.postgres && serverUrl) await serverQuery(serverUrl, `drop database if exists ${template.postgres.name} with (force)`);
}

/**
 * @module Where the run's demo template goes (ADR 0063), set out by vitest's global setup, which also removes it at
 * the end; the first test file that needs it makes it (demoTemplate.ts). Nothing here loads the demo: vitest's main
 * process serves every worker its modules, and loading the demo there (PGlite runs on the calling thread) held up
 * every file of the run until it was done.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { serverQuery } from './postgresServer.js';

export interface DemoTemplate {
  /** Written when the template is complete: `ok`, or why it could not be made. */
  ready: string;
  /** Taken (created exclusively) by the one file that makes the template. */
  lock: string;
  /** PostgreSQL: the database to hold the demo. */
  postgres?: string;
  /** PGlite: the gzipped tarball of a data folder holding the demo. */
  pglite?: string;
}

/**
 * Where this run's demo template will be: in `folder`, or (PostgreSQL) a database named for this run.
 * @example project.provide('demoTemplate', demoTemplatePlace(folder, 'postgres'))
 */
export function demoTemplatePlace(folder: string, engine: 'postgres' | 'pglite'): DemoTemplate {
  const place = { ready: join(folder, 'demo.ready'), lock: join(folder, 'demo.lock') };
  return engine === 'postgres'
    ? { ...place, postgres: `cairn_demo_${randomBytes(6).toString('hex')}` }
    : { ...place, pglite: join(folder, 'demo.tar.gz') };
}

/** At the end of the run: the PostgreSQL template dropped, if a file made it (the folder goes with the setup's). */
export async function removeDemoTemplate(template: DemoTemplate, serverUrl: string | undefined): Promise<void> {
  if (template.postgres && serverUrl) await serverQuery(serverUrl, `drop database if exists ${template.postgres} with (force)`);
}

/**
 * @module A PGlite data folder already migrated, for tests of commands that open a data folder of their own
 * (`CAIRN_DATA_DIR`): a copy of the folder the run's global setup unpacked from its template (databaseTemplate.ts),
 * so a test's first command starts PGlite instead of running initdb and every migration. Tests of a first start on an
 * empty folder (the demo's, `npm start`'s) make their own empty folder instead.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { inject } from 'vitest';

/**
 * Fill `dataDir` (made if missing) with a migrated data folder and return it; without the run's template (a file run
 * outside its global setup) it is left empty, and the first command migrates it.
 * @example const dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-users-')))
 */
export function migratedDataFolder(dataDir: string): string {
  const template = inject('pgliteDataFolder');
  mkdirSync(dataDir, { recursive: true });
  // Never a lock: the template's was released when the global setup closed it, but a copy must not carry one.
  if (template) cpSync(template, dataDir, { recursive: true, filter: (source) => basename(source) !== 'cairn.lock' });
  return dataDir;
}

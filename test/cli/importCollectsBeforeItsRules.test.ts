/**
 * `cairn import` run as an analyst runs it, a process of its own on either engine: once the import has committed, what
 * it let go is collected before the returns' rules read every record (ADR 0079). V8 sets when its next full collection
 * starts as it ends one; without this one, on PostgreSQL the last had ended early in the import and the rules ran the
 * whole command past 500 MB one run in two on the large extract. V8's own trace (`--trace-gc`, on the same standard
 * output as the command's lines) names a collection asked for by the program as "testing".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/platform/projectRoot.js';
import { migratedDataFolder } from '../support/testDataFolder.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';

const tiny = new URL('../../../shared/spec/examples/tiny', import.meta.url).pathname;
let database: TestDatabase | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  if (engineUnderTest === 'postgres') database = await createTestDatabase();
  else dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-import-gc-')));
});
afterAll(async () => {
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`cairn import, in a process of its own (${engineUnderTest})`, { timeout: 120_000 }, () => {
  it('collects what the import let go after it commits and before the returns check', () => {
    const run = spawnSync(process.execPath, ['--trace-gc', join(projectRoot, 'bin', 'cairn.js'), 'import', tiny], {
      env: { ...process.env, DATABASE_URL: database?.url ?? '', CAIRN_DATA_DIR: dataDir ?? '', CAIRN_DEMO: 'false', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const imported = lines.findIndex((line) => line.startsWith('Imported '));
    const checked = lines.findIndex((line) => line.startsWith('Returns check for '));
    expect(imported).toBeGreaterThanOrEqual(0);
    expect(checked).toBeGreaterThan(imported);
    const askedFor = lines.slice(imported, checked).filter((line) => /Mark-Compact.*\btesting\b/.test(line));
    expect(askedFor).toHaveLength(1);
  });
});

/**
 * A command that reads and exits, run as an analyst runs it: its own process on a PGlite data folder. Such a command
 * has PGlite's WebAssembly compiled by V8's baseline compiler alone (ADR 0068), a flag set in the running process
 * before PGlite first compiles; these commands must still give the records' figures and findings, and exit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { projectRoot } from '../../src/platform/projectRoot.js';
import { migratedDataFolder } from '../support/testDataFolder.js';
import { describeOnPglite } from '../support/testDatabase.js';
import { lookedAfter, world } from '../support/returnRecords.js';
import { writeReturnRecords } from '../support/returnsRecordsInDatabase.js';
import type { StatsResult } from '../../src/modules/reporting/statsTypes.js';

let dataDir: string;
const cairn = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'bin', 'cairn.js'), ...args], {
  env: { ...process.env, CAIRN_DATA_DIR: dataDir, DATABASE_URL: '', CAIRN_DEMO: 'false', LOG_LEVEL: 'silent' },
  encoding: 'utf8',
});

describeOnPglite('a command that reads, in a process of its own on PGlite', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-reads-')));
    const db = await openPglite({ dataDir });
    try {
      // Two children looked after on the 2022 census date (31 July); one of them born in the future (error E301).
      await writeReturnRecords(db, world(), lookedAfter('A'), lookedAfter('B', { child: { dateOfBirth: '2099-01-01' } }));
    } finally {
      await db.close();
    }
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gives the figures (cairn stats --json) and exits', () => {
    const run = cairn('stats', '--json', '--years', '2022-2022');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as StatsResult;
    expect(result.rows.find((row) => row.indicator === 'lac.count')?.value).toBe(2);
  });

  it('gives the findings (cairn returns check) and exits 1 while an error remains', () => {
    const run = cairn('returns', 'check', '--year', '2021-22');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/child B/);
    expect(run.stdout).toMatch(/2021-22 checked with the 2021-22 pack: [1-9]\d* errors/);
  });
});

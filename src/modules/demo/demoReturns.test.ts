/**
 * @module The demo passes the statutory returns' rules: no error in any collection year it covers, and both returns
 * build on it through the command line, their totals agreeing with the demo's own figures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../../../test/support/testDatabase.js';
import { createDemoTestDatabase, demoDataFolder } from '../../../test/support/demoTemplate.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { main } from '../../cli/main.js';
import type { CommandIo } from '../../cli/command.js';
import type { Database } from '../../db/database.js';
import { openPglite } from '../../db/pgliteDatabase.js';
import { migrate } from '../../db/migrate.js';
import { buildServices } from '../../composition.js';
import type { ReturnManifest } from '../returns/buildReturn.js';
import type { RuleRun } from '../returns/runRules.js';
import { lookedAfterOn, openOn } from './demoFigures.js';
import { generateDemoStory } from './demoStory.js';
import type { DemoExtract } from './extract.js';

/** The collection years the demo covers: from the first census with a population (2016) to the year of its today. */
const coveredYears = ['2015-16', '2016-17', '2017-18', '2018-19', '2019-20', '2020-21', '2021-22', '2022-23'];
/** The latest year complete on the demo's today (2022-10-31). */
const latestComplete = '2021-22';

async function cairn(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (chunk: Buffer, _encoding, done) => (into.push(String(chunk)), done()) });
  const io: CommandIo = { stdout: sink(out), stderr: sink(err), env };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe(`the demo and the statutory returns (${engineUnderTest})`, () => {
  const config = testConfig({ demoSeed: 2021 });
  const extract: DemoExtract = generateDemoStory({ seed: 2021, today: config.demoToday! });
  let env: NodeJS.ProcessEnv;
  let folder: string;
  let cleanUp: () => Promise<void>;
  /** Opens the demo's database (PGlite: only while no command has it open). */
  let withDb: <T>(work: (db: Database) => Promise<T>) => Promise<T>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cairn-demo-returns-'));
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' } as NodeJS.ProcessEnv;
    // The demo as loadDemoIfEmpty leaves it, loaded once per run (ADR 0063).
    if (engineUnderTest === 'postgres') {
      const database = await createDemoTestDatabase();
      env = { ...base, DATABASE_URL: database.url };
      withDb = (work) => work(database.db);
      cleanUp = () => database.drop();
    } else {
      const dataDir = await demoDataFolder(join(folder, 'data'));
      env = { ...base, CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' };
      withDb = async (work) => {
        const db = await openPglite({ dataDir });
        try {
          await migrate(db);
          return await work(db);
        } finally {
          await db.close();
        }
      };
      cleanUp = async () => undefined;
    }
  }, 600_000);

  afterAll(async () => {
    await cleanUp?.();
    rmSync(folder, { recursive: true, force: true });
  });

  it('raises no error in any collection year it covers, and only the queries its README lists', async () => {
    const runs = await withDb(async (db) => {
      const returns = buildServices(config, db).returns;
      const done: RuleRun[] = [];
      for (const year of coveredYears) done.push(await returns.check({ year, today: extract.today }));
      return done;
    });
    for (const run of runs) {
      expect(run.failed, run.year).toEqual([]);
      expect(run.findings.filter((finding) => finding.kind === 'error').map((finding) => `${finding.code} ${finding.table} ${finding.recordId}`), run.year).toEqual([]);
      const queries = new Set(run.findings.map((finding) => finding.code));
      expect([...queries].filter((code) => !['C102', 'C105', 'C106', 'C110', 'E109', 'E110', 'P104', 'R110'].includes(code)), run.year).toEqual([]);
    }
  }, 120_000);

  it(`builds the ${latestComplete} looked after return, its children on 31 July agreeing with lac.count and the demo's own count`, async () => {
    const built = await cairn(['returns', 'build', '--return', 'clas', '--year', latestComplete, '--out', join(folder, 'clas')], env);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(folder, 'clas', 'manifest.json'), 'utf8')) as ReturnManifest;
    const lookedAfter = lookedAfterOn(extract, '2022-07-31').size;
    expect(lookedAfter).toBeGreaterThan(200);
    expect(manifest.reconciliation).toEqual({ indicator: 'lac.count', census: '2022-07-31', fromIndicator: lookedAfter, fromReturn: lookedAfter, agrees: true });
    expect(built.stdout).toContain(`lac.count on 2022-07-31: ${lookedAfter}; the return: ${lookedAfter}.`);
  }, 120_000);

  it(`builds the ${latestComplete} child protection return, its register on 31 July agreeing with cp.registered and the demo's own count`, async () => {
    const built = await cairn(['returns', 'build', '--return', 'cp', '--year', latestComplete, '--out', join(folder, 'cp')], env);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(folder, 'cp', 'manifest.json'), 'utf8')) as ReturnManifest;
    const registered = new Set(extract.cpRegistrations.filter((r) => openOn(r.registered_date, r.deregistered_date, '2022-07-31')).map((r) => r.child_id)).size;
    expect(registered).toBeGreaterThan(0);
    expect(manifest.reconciliation).toEqual({ indicator: 'cp.registered', census: '2022-07-31', fromIndicator: registered, fromReturn: registered, agrees: true });
  }, 120_000);
});

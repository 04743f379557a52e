import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import type { StatsResult } from '../../src/modules/reporting/statsTypes.js';
import { insertExtract, readExtractFolder } from './support/extractLoader.js';
import { rowSet } from './support/rowSets.js';
import { migratedDataFolder } from '../support/testDataFolder.js';

const tinyFolder = new URL('../../../shared/spec/examples/tiny', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('../../../shared/spec/examples/tiny.expected.json', import.meta.url), 'utf8')) as StatsResult;

function capture(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const io: CommandIo = { stdout: sink(out), stderr: sink(err), env };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe(`cairn stats on the command line (${engineUnderTest})`, () => {
  let env: NodeJS.ProcessEnv;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' } as NodeJS.ProcessEnv;
    if (engineUnderTest === 'postgres') {
      const database: TestDatabase = await createTestDatabase();
      await insertExtract(database.db, readExtractFolder(tinyFolder));
      env = { ...base, DATABASE_URL: database.url };
      cleanUp = () => database.drop();
    } else {
      // The command opens its own PGlite data folder, so the extract is loaded into one first.
      const dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-stats-')));
      const db = await openPglite({ dataDir });
      await migrate(db);
      await insertExtract(db, readExtractFolder(tinyFolder));
      await db.close();
      env = { ...base, CAIRN_DATA_DIR: dataDir };
      cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanUp());

  it('prints one JSON object equal to the worked example', async () => {
    const run = capture(env);
    const status = await main(['stats', '--json', '--years', '2020-2021', '--from', '2021-04-01', '--to', '2021-07-31'], run.io);
    expect(run.stderr()).toBe('');
    expect(status).toBe(0);
    const printed = JSON.parse(run.stdout()) as StatsResult;
    expect(Object.keys(printed)).toEqual(['authority', 'baseline', 'rows']);
    expect(printed.authority).toBe('Tinyshire');
    expect(printed.baseline).toBe(2020);
    expect(rowSet(printed.rows)).toEqual(rowSet(expected.rows));
  });

  it('takes --option=value, a single year and a baseline', async () => {
    const run = capture(env);
    expect(await main(['stats', '--json', '--years=2021', '--baseline=2020'], run.io)).toBe(0);
    const printed = JSON.parse(run.stdout()) as StatsResult;
    expect(printed.baseline).toBe(2020);
    expect(new Set(printed.rows.map((row) => row.period))).toEqual(new Set(['2021-07-31', '2020-21']));
    expect(printed.rows.find((row) => row.indicator === 'lac.change_from_baseline_pct')?.value).toBe(100);
  });

  it('prints a table without --json', async () => {
    const run = capture(env);
    expect(await main(['stats', '--years', '2021'], run.io)).toBe(0);
    const lines = run.stdout().split('\n');
    expect(lines[0]).toContain('Tinyshire');
    expect(lines.some((line) => /^lac\.by_placement_type\s+2021-07-31\s+placement_type=not_recorded\s+1$/.test(line))).toBe(true);
  });

  it.each([
    [['--from', '2021-08-01', '--to', '2021-07-31'], /--from 2021-08-01 is after --to 2021-07-31/],
    [['--from', '2021-04-01'], /both --from and --to/],
    [['--from', '2021-02-30', '--to', '2021-07-31'], /--from 2021-02-30 is not a date/],
    [['--years', '2021-2016'], /--years 2021-2016 is not/],
    [['--years', '21'], /--years 21 is not/],
    [['--years'], /--years needs a value/],
    [['--baseline', 'first'], /--baseline first is not a year/],
    [['--yaers', '2021'], /unknown option --yaers/],
    [['--years', '2020', '--years', '2021'], /--years is given twice/],
  ])('refuses %j with exit status 2 and the usage', async (args, message) => {
    const run = capture(env);
    expect(await main(['stats', '--json', ...args], run.io)).toBe(2);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).toContain('Usage: cairn stats');
  });
});

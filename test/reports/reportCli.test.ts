/** @module `cairn report board` on the command line: options, the cover sheet from a JSON file, and a report equal to `cairn stats`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import { parseReportArguments } from '../../src/cli/commands/report.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { loadWeeGlen, weeGlenCover } from './boardFixture.js';
import { migratedDataFolder } from '../support/testDataFolder.js';

function capture(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write(chunk, _encoding, done) { into.push(String(chunk)); done(); } });
  const io: CommandIo = { stdout: sink(out), stderr: sink(err), env };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe(`cairn report board (${engineUnderTest})`, () => {
  let env: NodeJS.ProcessEnv;
  let folder: string;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cairn-report-cli-'));
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' } as NodeJS.ProcessEnv;
    if (engineUnderTest === 'postgres') {
      const database: TestDatabase = await createTestDatabase();
      await loadWeeGlen(database.db);
      env = { ...base, DATABASE_URL: database.url };
      cleanUp = () => database.drop();
    } else {
      const dataDir = migratedDataFolder(join(folder, 'data'));
      const db = await openPglite({ dataDir });
      await migrate(db);
      await loadWeeGlen(db);
      await db.close();
      env = { ...base, CAIRN_DATA_DIR: dataDir };
      cleanUp = async () => undefined;
    }
  });
  afterAll(async () => {
    await cleanUp?.();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a PDF whose figures are those `cairn stats --json` prints, with the cover sheet from a file', async () => {
    const coverFile = join(folder, 'cover.json');
    writeFileSync(coverFile, JSON.stringify(weeGlenCover));
    const out = join(folder, 'board.pdf');
    const run = capture(env);
    const status = await main(['report', 'board', '--format', 'pdf', '--out', out, '--years', '2020-2021', '--cover', coverFile, '--agenda-item', '9'], run.io);
    expect(run.stderr()).toBe('');
    expect(status).toBe(0);
    expect(run.stdout()).toContain(`Wrote the board report to ${out}`);

    const statsRun = capture(env);
    expect(await main(['stats', '--json', '--years', '2020-2021'], statsRun.io)).toBe(0);
    const stats = JSON.parse(statsRun.stdout()) as { rows: { indicator: string; period: string; value: number }[] };
    const value = (indicator: string, period: string) => stats.rows.find((row) => row.indicator === indicator && row.period === period)!.value;

    const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const year of [2020, 2021]) {
      const date = `${year}-07-31`;
      const change = value('lac.change_from_baseline_pct', date);
      const row = `${year} ${value('lac.count', date)} ${value('lac.rate_per_1000', date).toFixed(1)} ${change > 0 ? '+' : ''}${change}%`;
      expect(text).toContain(row);
    }
    expect(text).toContain(`£${value('placements.cost_avoidance_gbp', '2021-07-31').toLocaleString('en-GB')}`);
    expect(text).toMatch(/Agenda item 9/);
    expect(text).toContain('Wee Glen Health and Social Care Partnership Integration Joint Board');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses unknown formats, missing --out and a bad cover sheet with plain messages', async () => {
    expect(() => parseReportArguments(['board', '--format', 'odt', '--out', 'x'], '2022-10-12')).toThrow('--format must be one of docx, pdf, html');
    expect(() => parseReportArguments(['board', '--format', 'pdf'], '2022-10-12')).toThrow('give --out FILE');
    expect(() => parseReportArguments(['summary'], '2022-10-12')).toThrow('the only report is `board`');
    expect(() => parseReportArguments(['board', '--format', 'pdf', '--out', 'x', '--held-on', '2022-02-30'], '2022-10-12')).toThrow(/heldOn: Enter the date of the meeting as a real date/);
    expect(() => parseReportArguments(['board', '--format', 'pdf', '--out', 'x', '--directions', 'some'], '2022-10-12')).toThrow(/directions: Choose directions from the list/);
    expect(parseReportArguments(['board', '--format=docx', '--out', 'b.docx', '--years', '2016-2021', '--baseline', '2016', '--from', '2021-07-01', '--to', '2022-04-30'], '2022-10-12').options).toEqual({
      years: { first: 2016, last: 2021 },
      baseline: 2016,
      from: '2021-07-01',
      to: '2022-04-30',
    });
    const run = capture(env);
    expect(await main(['report', 'board', '--format', 'pdf', '--out', join(folder, 'x.pdf'), '--years', '2021-2020'], run.io)).not.toBe(0);
    expect(run.stderr()).toMatch(/years/);
  });
});

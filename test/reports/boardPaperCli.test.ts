/** @module `cairn report board --edition N|draft`: automation gets exactly the bytes the board got, or the latest draft printed now. */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import { buildServices } from '../../src/composition.js';
import { parseEditionArguments } from '../../src/cli/commands/report.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { loadWeeGlen, weeGlenCover } from './boardFixture.js';
import { migratedDataFolder } from '../support/testDataFolder.js';

function capture(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write(chunk, _encoding, done) { into.push(String(chunk)); done(); } });
  const io: CommandIo = { stdout: sink(out), stderr: sink(err), env };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const options = { years: { first: 2020, last: 2021 }, baseline: 2020 };

describe(`cairn report board --edition (${engineUnderTest})`, () => {
  let env: NodeJS.ProcessEnv;
  let folder: string;
  let cleanUp: () => Promise<void>;
  const published: Record<string, string> = {};

  /** Edition 1 published, edition 2 a draft started from it with a new title. */
  async function twoEditions(db: Database) {
    await loadWeeGlen(db);
    const services = buildServices(testConfig(), db);
    const author = { kind: 'system', name: 'test' } as const;
    await services.boardPapers.start(author, { from: null, options });
    await services.boardPapers.saveCover(author, 1, weeGlenCover, options);
    await services.boardPapers.publish(author, 1);
    const edition = (await services.boardPapers.edition(1))!;
    for (const format of ['pdf', 'docx'] as const) published[format] = (await services.boardPapers.file(edition, format)).sha256;
    await services.boardPapers.start(author, { from: 1, options });
    await services.boardPapers.saveCover(author, 2, { ...weeGlenCover, title: 'The draft that follows' }, options);
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cairn-edition-cli-'));
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' } as NodeJS.ProcessEnv;
    if (engineUnderTest === 'postgres') {
      const database: TestDatabase = await createTestDatabase();
      await twoEditions(database.db);
      env = { ...base, DATABASE_URL: database.url };
      cleanUp = () => database.drop();
    } else {
      const dataDir = migratedDataFolder(join(folder, 'data'));
      const db = await openPglite({ dataDir });
      await migrate(db);
      await twoEditions(db);
      await db.close();
      env = { ...base, CAIRN_DATA_DIR: dataDir };
      cleanUp = async () => undefined;
    }
  }, 240_000);
  afterAll(async () => {
    await cleanUp?.();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a published edition byte for byte as the board got it', async () => {
    for (const format of ['pdf', 'docx'] as const) {
      const out = join(folder, `edition-1.${format}`);
      const run = capture(env);
      expect(await main(['report', 'board', '--edition', '1', '--format', format, '--out', out], run.io)).toBe(0);
      expect(run.stdout()).toContain(`Wrote board paper edition 1 to ${out}`);
      expect(sha256(readFileSync(out))).toBe(published[format]);
    }
  });

  it('writes the latest draft with figures equal to `cairn stats` for its period', async () => {
    const out = join(folder, 'draft.pdf');
    const run = capture(env);
    expect(await main(['report', 'board', '--edition', 'draft', '--format', 'pdf', '--out', out], run.io)).toBe(0);
    const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('The draft that follows');
    const statsRun = capture(env);
    expect(await main(['stats', '--json', '--years', '2020-2021', '--baseline', '2020'], statsRun.io)).toBe(0);
    const stats = JSON.parse(statsRun.stdout()) as { rows: { indicator: string; period: string; value: number }[] };
    const value = (indicator: string, period: string) => stats.rows.find((row) => row.indicator === indicator && row.period === period)!.value;
    for (const year of [2020, 2021]) {
      const date = `${year}-07-31`;
      const change = value('lac.change_from_baseline_pct', date);
      expect(text).toContain(`${year} ${value('lac.count', date)} ${value('lac.rate_per_1000', date).toFixed(1)} ${change > 0 ? '+' : ''}${change}%`);
    }
  });

  it('refuses an edition that does not exist, and options an edition already has, in plain words', async () => {
    const run = capture(env);
    expect(await main(['report', 'board', '--edition', '9', '--format', 'pdf', '--out', join(folder, 'x.pdf')], run.io)).not.toBe(0);
    expect(run.stderr()).toContain('There is no edition 9 of the board paper');
    expect(() => parseEditionArguments(['board', '--edition', '1', '--format', 'pdf', '--out', 'x', '--years', '2020-2021'])).toThrow('--years cannot be used with --edition');
    expect(() => parseEditionArguments(['board', '--edition', 'latest', '--format', 'pdf', '--out', 'x'])).toThrow('--edition takes an edition number (1, 2, …) or draft');
    expect(() => parseEditionArguments(['board', '--edition', '1', '--format', 'html', '--out', 'x'])).toThrow('with --edition, --format must be one of pdf, docx');
    expect(parseEditionArguments(['board', '--format', 'pdf', '--out', 'x'])).toBeUndefined();
  });
});

/** @module `cairn import <folder>` end to end: exit statuses, the summary, problems on stderr, the progress bar on a terminal. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { withDatabase } from '../../src/cli/openServices.js';
import type { CommandIo } from '../../src/cli/command.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { removeExtractFolders, validExtract, writeExtractFolder } from './support/extractFolder.js';
import { migratedDataFolder } from '../support/testDataFolder.js';

const tiny = '/work/shared/spec/examples/tiny';
let env: NodeJS.ProcessEnv;
let testDatabase: TestDatabase | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    testDatabase = await createTestDatabase();
    env = { DATABASE_URL: testDatabase.url };
  } else {
    dataDir = migratedDataFolder(await mkdtemp(join(tmpdir(), 'cairn-import-cli-')));
    env = { CAIRN_DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await testDatabase?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await removeExtractFolders();
});

function capture(isTTY = false): { stream: CommandIo['stderr']; text(): string } {
  const chunks: string[] = [];
  const stream: CommandIo['stderr'] = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  stream.isTTY = isTTY;
  return { stream, text: () => chunks.join('') };
}

async function cairn(args: string[], options: { tty?: boolean } = {}) {
  const stdout = capture();
  const stderr = capture(options.tty);
  const status = await main(args, { stdout: stdout.stream, stderr: stderr.stream, env });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

// Each command starts PGlite in its own right (a copy of a migrated data folder): seconds on a busy 2-core machine.
describe('cairn import', { timeout: 240_000 }, () => {
  it('exits 2 with the usage when the folder is missing, doubled, an option, a file or not there', async () => {
    for (const args of [['import'], ['import', tiny, tiny], ['import', '--force'], ['import', join(tiny, 'children.csv')], ['import', '/no/such/extract']]) {
      const run = await cairn(args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr).toContain('Usage: cairn import <folder>');
      expect(run.stdout).toBe('');
    }
  });

  it('imports the tiny example (exit 0) and prints what it added per file; a second time, all unchanged', async () => {
    const first = await cairn(['import', tiny]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Imported .*tiny: 26 rows in \d+\.\d s/);
    expect(first.stdout).toMatch(/^ {2}file +added +updated +unchanged$/m);
    expect(first.stdout).toMatch(/^ {2}children\.csv +4 +0 +0$/m);
    expect(first.stdout).toMatch(/^ {2}placements\.csv +3 +0 +0$/m);
    // Teams and worker IDs the lists did not have yet are added and listed with their rows (ADR 0029).
    expect(first.stdout).toMatch(/^New values added to reference lists \(\d+\):$/m);
    expect(first.stdout).toMatch(/^ {2}team “Family First”: cases\.csv lines 2, 3$/m);
    expect(first.stdout).toMatch(/^Returns check for \d{4}-\d{2}: \d+ errors, \d+ queries, 0 rules failed \(cairn returns check lists them\)$/m);

    const second = await cairn(['import', tiny]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^ {2}children\.csv +0 +0 +4$/m);
    expect(second.stdout).toMatch(/^ {2}scra_referrals\.csv +0 +0 +3$/m);
    expect(second.stdout).not.toContain('New values added to reference lists');
  });

  it('works out every census year\'s figures after importing and keeps them: the next cairn stats gives them as kept (ADR 0062)', async () => {
    expect((await cairn(['import', tiny])).status).toBe(0);
    // Altered where it is kept: `cairn stats` prints the altered name only if it gave the kept figures.
    const altered = await withDatabase(env, (db) => db.query(
      `update kept_results set value = replace(value, '"Tinyshire"', '"Tinyshire (kept)"') where kind = 'statistics' and key = '{}' returning key`));
    expect(altered).toHaveLength(1);
    const stats = await cairn(['stats', '--json']);
    expect(stats.status).toBe(0);
    expect((JSON.parse(stats.stdout) as { authority: string }).authority).toBe('Tinyshire (kept)');
    // Asked for another period, it works the figures out.
    const oneYear = await cairn(['stats', '--json', '--years', '2021']);
    expect((JSON.parse(oneYear.stdout) as { authority: string }).authority).toBe('Tinyshire');
  });

  it('refuses a broken extract (exit 1), listing every problem on stderr and nothing on stdout', async () => {
    const folder = await writeExtractFolder({
      ...validExtract(),
      'children.csv': 'child_id,date_of_birth\nA,2012-02-30\nB,2014-05-06\nC,2009-07-08\n',
      'cases.csv': 'case_id,child_id,opened_date\nK1,Z,2021-01-01\n',
    });
    const run = await cairn(['import', folder]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'children.csv:2: date_of_birth: "2012-02-30" is not a real date',
      'cases.csv:2: child_id: there is no child Z in children.csv or in the database',
      `cairn import: refused ${folder}: 2 problems, nothing was imported`,
      '',
    ]);
  });

  it('draws a progress bar on stderr only when stderr is a terminal', async () => {
    const folder = await writeExtractFolder(validExtract());
    const run = await cairn(['import', folder], { tty: true });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Writing');
    expect(run.stdout).toMatch(/^ {2}children\.csv +\d+ +\d+ +\d+$/m);
  });
});

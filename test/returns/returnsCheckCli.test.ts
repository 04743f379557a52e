/** `cairn returns check` on both engines: every issue with its code, kind, child and record, and exit 1 on an error. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest } from '../support/testDatabase.js';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import type { RuleRun } from '../../src/modules/returns/runRules.js';
import { aLookedAfterChild, aReturnsWorld } from '../support/returnsRecordsInDatabase.js';
import { migratedDataFolder } from '../support/testDataFolder.js';

async function cairn(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (chunk: Buffer, _encoding, done) => (into.push(String(chunk)), done()) });
  const io: CommandIo = { stdout: sink(out), stderr: sink(err), env };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe(`cairn returns check (${engineUnderTest})`, () => {
  let env: NodeJS.ProcessEnv;
  let cleanUp: () => Promise<void>;
  /** Opens the command's database to change records between runs (PGlite: only while the command is not running). */
  let withDb: (work: (db: Database) => Promise<void>) => Promise<void>;

  beforeAll(async () => {
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' } as NodeJS.ProcessEnv;
    if (engineUnderTest === 'postgres') {
      const database = await createTestDatabase();
      env = { ...base, DATABASE_URL: database.url };
      withDb = (work) => work(database.db);
      cleanUp = () => database.drop();
    } else {
      const dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-returns-')));
      env = { ...base, CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' };
      withDb = async (work) => {
        const db = await openPglite({ dataDir });
        try {
          await migrate(db);
          await work(db);
        } finally {
          await db.close();
        }
      };
      cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    await withDb(async (db) => {
      await aReturnsWorld(db);
      await aLookedAfterChild(db, 'A');
    });
  });
  afterAll(() => cleanUp());

  it('finds no error in clean records and exits 0', async () => {
    const run = await cairn(['returns', 'check', '--year', '2021-22'], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^2021-22 checked with the 2021-22 pack: 0 errors, 0 queries; \d+ rules ran, \d+ skipped, 0 failed\.$/m);
    expect(run.stdout).toMatch(/^R101 skipped: no records in registrations, planningMeetings$/m);
  });

  it('lists an error with its code, kind, child and records, and exits 1 until it is corrected', async () => {
    await withDb((db) => aLookedAfterChild(db, 'B', { legalReason: 'cso_home' }));
    const run = await cairn(['returns', 'check', '--year', '2021-22'], env);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('E102  error  child B  episodes E-B  The legal reason is a supervision order at home, but the child is placed away from home');
    expect(run.stdout).toContain('E102  error  child B  placements P-B  ');
    expect(run.stdout).toMatch(/: 2 errors, 0 queries;/);

    const json = await cairn(['returns', 'check', '--year=2021-22', '--json'], env);
    expect(json.status).toBe(1);
    const result = JSON.parse(json.stdout) as RuleRun;
    expect(result.pack).toBe('2021-22');
    expect(result.findings.map((finding) => [finding.code, finding.kind, finding.childId, finding.table, finding.recordId, finding.issueId])).toEqual([
      ['E102', 'error', 'B', 'episodes', 'E-B', 'E102:P-B'],
      ['E102', 'error', 'B', 'placements', 'P-B', 'E102:P-B'],
    ]);

    await withDb(async (db) => {
      await db.query("update placements set placement_type = 'at_home' where placement_id = 'P-B'");
    });
    const corrected = await cairn(['returns', 'check', '--year', '2021-22'], env);
    expect(corrected.status).toBe(0);
    expect(corrected.stdout).not.toContain('E102');
  });

  it('checks a year with the pack for that year, and refuses a year it cannot read as a usage error', async () => {
    const earlier = await cairn(['returns', 'check', '--year', '2020-21', '--json'], env);
    expect((JSON.parse(earlier.stdout) as RuleRun).pack).toBe('2020-21');
    const wrong = await cairn(['returns', 'check', '--year', '2021-23'], env);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('2021-23 is not a collection year such as 2021-22');
    const unknown = await cairn(['returns', 'tidy'], env);
    expect(unknown.status).toBe(2);
  });

  it('builds a return into a folder with its manifest, and refuses (exit 1, listing the errors) while an error rule fails', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cairn-return-'));
    try {
      const built = await cairn(['returns', 'build', '--return', 'clas', '--year', '2021-22', '--out', out], env);
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['children.csv', 'episodes.csv', 'legal_reasons.csv', 'manifest.json', 'placements.csv']);
      expect(built.stdout).toContain('lac.count on 2022-07-31: 2; the return: 2.');
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { rulePack: string; files: { name: string; rows: number }[] };
      expect(manifest.rulePack).toBe('2021-22');
      expect(manifest.files.find((file) => file.name === 'children.csv')?.rows).toBe(2);

      await withDb(async (db) => {
        await db.query("update placements set placement_type = 'foster_la' where placement_id = 'P-B'");
      });
      const refused = await cairn(['returns', 'build', '--return', 'cp', '--year', '2021-22', '--out', join(out, 'cp')], env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('refused: 2 errors (E102)');
      expect(refused.stderr).toContain('E102  error  child B  episodes E-B');
      expect(readdirSync(out)).not.toContain('cp');
      const usage = await cairn(['returns', 'build', '--return', 'sen', '--year', '2021-22', '--out', out], env);
      expect(usage.status).toBe(2);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

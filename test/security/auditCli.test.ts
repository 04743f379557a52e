/**
 * @module `cairn audit verify` and `cairn audit export` on both engines: verify says the chain is intact (exit 0) until
 * someone with the owner's rights changes an event in SQL, then names that event (exit 1); export writes the days'
 * events as JSON lines whose hashes a SIEM can recompute and chain without Cairn.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { auditRepository } from '../../src/modules/audit/auditRepository.js';
import { auditService } from '../../src/modules/audit/auditService.js';
import { eventHash, genesisHash, jsonbText } from '../../src/modules/audit/auditChain.js';
import type { ExportedEvent } from '../../src/modules/audit/auditChainService.js';
import { migratedDataFolder } from '../support/testDataFolder.js';

async function cairn(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (chunk: Buffer, _encoding, done) => (into.push(String(chunk)), done()) });
  const io: CommandIo = { stdout: sink(out), stderr: sink(err), env };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

const today = new Date().toISOString().slice(0, 10);
const cli = { kind: 'system', name: 'cli' } as const;

describe(`cairn audit (${engineUnderTest})`, () => {
  let env: NodeJS.ProcessEnv;
  let cleanUp: () => Promise<void>;
  let withDb: (work: (db: Database) => Promise<void>) => Promise<void>;
  const folder = mkdtempSync(join(tmpdir(), 'cairn-audit-'));

  beforeAll(async () => {
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false', TZ: 'UTC' } as NodeJS.ProcessEnv;
    if (engineUnderTest === 'postgres') {
      const database = await createTestDatabase();
      env = { ...base, DATABASE_URL: database.url };
      withDb = (work) => work(database.db);
      cleanUp = () => database.drop();
    } else {
      const dataDir = migratedDataFolder(join(folder, 'data'));
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
      cleanUp = async () => undefined;
    }
    await withDb(async (db) => {
      const audit = auditService(db, auditRepository());
      await audit.record(cli, { action: 'child.searched', details: { text: 'Lennie', found: 2, where: { cluster: 'Belmont', teams: ['A', 'Bb'] } } });
      await audit.record(cli, { action: 'child.viewed', childId: 'C000101', subject: '“quoted”' });
      await audit.record(cli, { action: 'import.completed', details: { rows: 12 } });
    });
  }, 120_000);
  afterAll(async () => {
    await cleanUp?.();
    rmSync(folder, { recursive: true, force: true });
  });

  it('exports the days asked for as JSON lines whose hashes recompute and chain', async () => {
    const file = join(folder, 'trail.jsonl');
    const run = await cairn(['audit', 'export', '--from', today, '--to', today, '--out', file], env);
    expect(run).toMatchObject({ status: 0, stderr: `Wrote 3 events to ${file}\n` });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as ExportedEvent);
    expect(lines.map((line) => [line.action, line.chainPosition])).toEqual([['child.searched', 1], ['child.viewed', 2], ['import.completed', 3]]);
    expect(lines[0]!.details).toEqual({ text: 'Lennie', found: 2, where: { cluster: 'Belmont', teams: ['A', 'Bb'] } });
    let previous = genesisHash;
    for (const { details, ...line } of lines) {
      expect(line.previousHash).toBe(previous);
      expect(eventHash(line, jsonbText(details))).toBe(line.hash);
      previous = line.hash;
    }
  });

  it('exports to standard output, nothing outside the days, and audits each export', async () => {
    const run = await cairn(['audit', 'export', '--from=2001-01-01', '--to=2001-12-31'], env);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    const now = await cairn(['audit', 'export', '--from', today, '--to', today], env);
    expect(now.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as ExportedEvent).action).slice(-2)).toEqual(['audit.exported', 'audit.exported']);
  });

  it('refuses dates that are not real days, in plain words', async () => {
    expect(await cairn(['audit', 'export', '--from', '2026-02-30', '--to', today], env)).toMatchObject({ status: 2, stderr: expect.stringContaining('--from 2026-02-30 is not a date written YYYY-MM-DD') });
    expect(await cairn(['audit', 'export', '--from', today], env)).toMatchObject({ status: 2, stderr: expect.stringContaining('--to is needed') });
    expect(await cairn(['audit', 'export', '--from', '2026-02-02', '--to', '2026-02-01'], env)).toMatchObject({ status: 2 });
  });

  it('says the chain is intact, then names the first event changed behind its back (exit 1)', async () => {
    expect(await cairn(['audit', 'verify'], env)).toEqual({ status: 0, stdout: 'chain intact: 6 events\n', stderr: '' });
    let changed = 0;
    await withDb(async (db) => {
      await db.exec('alter table audit_events disable trigger user');
      const [row] = await db.query<{ event_id: number }>(`update audit_events set details = '{"rows": 1}' where action = 'import.completed' returning event_id`);
      changed = Number(row!.event_id);
      await db.exec('alter table audit_events enable trigger user');
    });
    const run = await cairn(['audit', 'verify'], env);
    expect(run).toEqual({
      status: 1, stdout: '',
      stderr: `the chain is broken at event ${changed}: its content does not match its hash (changed after it was written) (2 events before it are intact)\n`,
    });
  });
});

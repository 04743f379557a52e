/**
 * @module `cairn backup` and `cairn restore` on the engine under test (ADR 0046): the demo authority backed up,
 * restored into an empty database elsewhere, and every table — the audit trail among them — compared row count
 * and checksum; a database in use and a file that is not a backup are refused in words.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { openPostgres } from '../../src/db/postgresDatabase.js';
import { createDemoTestDatabase, demoDataFolder } from '../support/demoTemplate.js';
import { engineUnderTest, type TestDatabase } from '../support/testDatabase.js';

/** Every table's row count and a checksum of all its rows, and every sequence's position. */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const sequences = await db.query<{ name: string }>(`select sequence_name as name from information_schema.sequences where sequence_schema = 'public' order by sequence_name`);
  const print: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: number; checksum: string | null }>(
      `select count(*)::int as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as checksum from "${name}" t`);
    print[name] = `${row!.rows} rows, ${row!.checksum ?? 'empty'}`;
  }
  for (const { name } of sequences) {
    const [row] = await db.query<{ last_value: number; is_called: boolean }>(`select last_value, is_called from "${name}"`);
    print[`sequence ${name}`] = `${row!.last_value} ${row!.is_called}`;
  }
  return print;
}

async function cairn(args: string[], env: NodeJS.ProcessEnv) {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const stream = (into: string[]): CommandIo['stdout'] => new Writable({ write: (chunk: Buffer, _encoding, done) => (into.push(chunk.toString()), done()) });
  const status = await main(args, { stdout: stream(chunks.stdout), stderr: stream(chunks.stderr), env });
  return { status, stdout: chunks.stdout.join(''), stderr: chunks.stderr.join('') };
}

/** Where the backup is restored: an empty data folder, or a new empty database on the same server. */
interface Elsewhere {
  env: NodeJS.ProcessEnv;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function elsewhere(): Promise<Elsewhere> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cairn-restored-'));
    return { env: { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openPglite({ dataDir }), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `cairn_restored_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, open: async () => openPostgres(url.toString(), { max: 2 }), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

describe(`cairn backup and cairn restore (${engineUnderTest})`, () => {
  const folder = mkdtempSync(join(tmpdir(), 'cairn-backup-'));
  const backup = join(folder, 'glenmuir.backup');
  let source: { db: Database; env: NodeJS.ProcessEnv; drop(): Promise<void> };
  let before: Record<string, string>;
  let restored: Elsewhere;

  beforeAll(async () => {
    if (engineUnderTest === 'postgres') {
      const database: TestDatabase = await createDemoTestDatabase();
      source = { db: database.db, env: { DATABASE_URL: database.url }, drop: () => database.drop() };
    } else {
      // On PGlite the command opens a data folder: the run's demo template unpacked into one.
      const dataDir = await demoDataFolder(join(folder, 'data'));
      source = { db: await openPglite({ dataDir }), env: { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => undefined };
    }
    before = await fingerprint(source.db);
    // PGlite admits one process: the command opens the folder itself (through the server is tested with the server).
    if (engineUnderTest === 'pglite') await source.db.close();
    restored = await elsewhere();
  }, 600_000);

  afterAll(async () => {
    if (engineUnderTest === 'postgres') await source?.drop();
    await restored?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('backs up the demo and restores it into an empty database with every table and the audit trail identical', async () => {
    expect(Object.keys(before).length).toBeGreaterThan(60);
    expect(before.children).not.toMatch(/^0 rows/);
    expect(before.audit_events).not.toMatch(/^0 rows/);

    const saved = await cairn(['backup', '--out', backup], source.env);
    expect(saved.stderr).toBe('');
    expect(saved.status).toBe(0);
    expect(saved.stdout).toContain(`to ${backup}`);
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    const put = await cairn(['restore', backup], restored.env);
    expect(put.stderr).toBe('');
    expect(put.status).toBe(0);
    const db = await restored.open();
    try {
      expect(await fingerprint(db)).toEqual(before);
    } finally {
      await db.close();
    }
    // The restored audit trail is the original's chain, link for link (ADR 0041).
    const verified = await cairn(['audit', 'verify'], restored.env);
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(/chain intact: \d+ events/);
    expect(verified.status).toBe(0);
  }, 300_000);

  it('records the backup in the source’s audit trail as an export by the command line', async () => {
    const db = engineUnderTest === 'postgres' ? source.db : await openPglite({ dataDir: source.env.CAIRN_DATA_DIR });
    try {
      const events = await db.query<{ actor: string; subject: string; details: Record<string, unknown> }>(
        `select actor, subject, details from audit_events where action = 'export.completed' and subject = $1`, [backup]);
      expect(events).toEqual([expect.objectContaining({ actor: 'system:cli', details: expect.objectContaining({ backup: true, engine: engineUnderTest }) })]);
    } finally {
      if (engineUnderTest === 'pglite') await db.close();
    }
  }, 60_000);

  it('refuses to restore into a database that is in use, to overwrite a backup, or to restore a file that is not a backup', async () => {
    const intoUsed = await cairn(['restore', backup], source.env);
    expect(intoUsed.status).toBe(1);
    expect(intoUsed.stderr).toMatch(engineUnderTest === 'postgres' ? /The database is not empty \(\d+ tables/ : /already holds a Cairn database\. Restore only into an empty data folder/);

    const again = await cairn(['backup', '--out', backup], source.env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists. Choose a new file name');

    const notes = join(folder, 'notes.backup');
    writeFileSync(notes, 'not a backup at all');
    const other = await elsewhere();
    try {
      const wrong = await cairn(['restore', notes], other.env);
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('is not a Cairn backup');
    } finally {
      await other.drop();
    }
    expect((await cairn(['backup'], source.env)).status).toBe(2);
  }, 120_000);
});

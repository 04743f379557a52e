/**
 * @module The running server keeps the figures fresh (ADR 0076), as started by `src/main.ts` and on either engine:
 * with nothing kept and no counted change for `CAIRN_FIGURES_QUIET_SECONDS`, it works the default figures out on its
 * own and stores them, so the next `cairn stats` — through it or after it stops — is given them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { projectRoot } from '../../src/platform/projectRoot.js';
import { migratedDataFolder } from '../support/testDataFolder.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';

const tiny = new URL('../../../shared/spec/examples/tiny', import.meta.url).pathname;

async function cairn(args: string[], env: NodeJS.ProcessEnv) {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const stream = (into: string[]): CommandIo['stdout'] => new Writable({ write: (chunk: Buffer, _encoding, done) => (into.push(chunk.toString()), done()) });
  const status = await main(args, { stdout: stream(chunks.stdout), stderr: stream(chunks.stderr), env });
  return { status, stdout: chunks.stdout.join(''), stderr: chunks.stderr.join('') };
}

describe(`the server keeps the figures fresh (${engineUnderTest})`, () => {
  let database: TestDatabase | undefined;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: ChildProcess | undefined;
  /** The database itself: on PGlite only while no server holds the folder. */
  const withDatabase = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    if (database) return work(database.db);
    const db = await openPglite({ dataDir });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };
  const storedFigures = () => withDatabase((db) => db.query<{ value: string }>(`select value from kept_results where kind = 'statistics' and key = '{}'`));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cairn-fresh-figures-'));
    if (engineUnderTest === 'postgres') {
      database = await createTestDatabase();
      env = { CAIRN_DATA_DIR: dataDir, DATABASE_URL: database.url };
    } else {
      migratedDataFolder(dataDir);
      env = { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' };
    }
    const imported = await cairn(['import', tiny], env);
    expect(imported.status).toBe(0);
    // The import kept the figures; forget them, as a change to a counted record would make them untrue.
    await withDatabase((db) => db.query('delete from kept_results'));
  }, 120_000);
  afterAll(async () => {
    await stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function stop() {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  }

  /** Start Cairn as `npm start` does, waiting `quietSeconds` for quiet; answers what it has printed so far. */
  async function start(quietSeconds: string): Promise<() => string> {
    const running = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'main.js')], {
      env: { ...process.env, ...env, CAIRN_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', CAIRN_FIGURES_QUIET_SECONDS: quietSeconds },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = running;
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    running.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitFor(() => {
      if (running.exitCode !== null) throw new Error(`Cairn stopped:\n${output}`);
      expect(output).toContain('Cairn is running at');
    }, { timeout: 110_000, interval: 100 });
    return () => output;
  }

  it('works the default figures out once counted records have been quiet, and stores them for the next process', async () => {
    expect(await storedFigures()).toEqual([]);
    const printed = await start('1');
    if (database) {
      // PostgreSQL: read beside the server until the figures are there.
      await vi.waitFor(async () => expect(await storedFigures()).toHaveLength(1), { timeout: 30_000, interval: 200 });
    } else {
      // PGlite: the server holds the folder. It looks every second; give it several, then stop it (a look under way ends first).
      await new Promise((resolve) => setTimeout(resolve, 6_000));
    }
    const stoppingAt = Date.now();
    await stop();
    if (!database) {
      // Stored by a look while it ran, not by the last look as it stopped (which then found them kept and stored
      // nothing). On PostgreSQL they were read while it ran.
      const [keptAt] = await withDatabase((db) => db.query<{ ms: number }>(`select extract(epoch from kept_at)::float8 * 1000 as ms from kept_results where kind = 'statistics' and key = '{}'`));
      expect(keptAt!.ms).toBeLessThan(stoppingAt - 2_000);
    }
    expect(printed()).not.toContain('Could not work the figures out again');
    const [stored] = await storedFigures();
    expect(stored).toBeDefined();
    const asked = await cairn(['stats', '--json'], env);
    expect(asked.status).toBe(0);
    expect(JSON.parse(asked.stdout)).toEqual(JSON.parse(stored!.value));
    expect(JSON.parse(asked.stdout).authority).toBe('Tinyshire');
  }, 180_000);

  it('stores the figures as it stops, whatever the quiet: the next process is given them', async () => {
    await withDatabase((db) => db.query('delete from kept_results'));
    const printed = await start('86400');
    await stop();
    expect(printed()).not.toContain('Could not work the figures out again');
    const [stored] = await storedFigures();
    expect(stored).toBeDefined();
    expect(JSON.parse(stored!.value).authority).toBe('Tinyshire');
  }, 180_000);
});

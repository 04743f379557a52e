/** @module `cairn demo`, run through the real command line: files only, then imported into a real database with its accounts. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { withServices } from '../../cli/openServices.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';
import { demoPassword } from './demoUsers.js';

let database: TestDatabase | undefined;
let folder: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cairn-demo-command-'));
  // PostgreSQL when the suite runs against it (a database of this file's own), else PGlite in the temporary folder.
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' };
  } else {
    env = { CAIRN_DATA_DIR: join(folder, 'data'), LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' };
  }
});

afterAll(async () => {
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[], environment: NodeJS.ProcessEnv = env): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) => new Writable({ write(chunk, _encoding, done) { write(String(chunk)); done(); } });
  const status = await main(['demo', ...args], { stdout: sink((t) => { stdout += t; }), stderr: sink((t) => { stderr += t; }), env: environment });
  return { status, stdout, stderr };
}

describe('cairn demo', () => {
  it('writes the extract without importing it with --no-import, and the same seed writes the same files', async () => {
    const first = await run(['--seed', '11', '--out', join(folder, 'a'), '--no-import']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Glenmuir (S12000990) demo, seed 11');
    expect(first.stdout).toMatch(/Looked after on 31 July: +2016 \d+, 2017 \d+/);
    expect(first.stdout).toContain(`cairn import ${join(folder, 'a')}`);
    expect(readdirSync(join(folder, 'a'))).toHaveLength(11);
    await run(['--seed', '11', '--out', join(folder, 'b'), '--no-import']);
    for (const file of readdirSync(join(folder, 'a'))) {
      expect(readFileSync(join(folder, 'b', file)).equals(readFileSync(join(folder, 'a', file))), file).toBe(true);
    }
  });

  it('refuses a seed that is not a whole number, and options it does not know', async () => {
    expect((await run(['--seed', 'twelve', '--no-import'])).status).toBe(2);
    const unknown = await run(['--sed', '12']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Usage: cairn demo [--seed N] [--today YYYY-MM-DD] [--out DIR] [--no-import]');
  });

  it('will not put the demo accounts into a production database', async () => {
    const production = { ...env, NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-that-is-long-enough-0123', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const result = await run(['--out', join(folder, 'c')], production);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('production');
    expect(readdirSync(folder)).not.toContain('c');
  });

  it('imports the extract through the importer and creates the demo accounts, using the configured seed', async () => {
    const result = await run(['--out', join(folder, 'seeded')], { ...env, CAIRN_DEMO_SEED: '2021' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('seed 2021');
    expect(result.stdout).toMatch(/Imported .*seeded: \d+ rows/);
    expect(result.stdout).toContain(`password: ${demoPassword}`);
    expect(result.stdout).toMatch(/practitioner +practitioner +Family First worker \(W0\d\d\)/);
    await withServices(env, async (services) => {
      expect((await services.authority.current())?.name).toBe('Glenmuir');
      expect((await services.users.signIn('manager', demoPassword)).outcome).toBe('signed_in');
      const manager = (await services.users.list()).find((u) => u.username === 'manager')!;
      expect(await services.referrals.tray(manager)).toHaveLength(7);
    });
  }, 300_000);
});

/** @module `cairn users add` and `cairn users list`, run through the real command line against a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { main } from '../../cli/main.js';
import { withServices } from '../../cli/openServices.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';

let database: TestDatabase | undefined;
let dataDir: string | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  // PostgreSQL when the suite runs against it (a database of this file's own), else PGlite in a temporary folder.
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'cairn-users-'));
    env = { CAIRN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' };
  }
});

afterAll(async () => {
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function run(args: string[], stdin?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) => new Writable({ write(chunk, _encoding, done) { write(String(chunk)); done(); } });
  const status = await main(['users', ...args], {
    stdout: sink((text) => { stdout += text; }),
    stderr: sink((text) => { stderr += text; }),
    env,
    stdin: stdin === undefined ? new PassThrough() : Readable.from([stdin]),
  });
  return { status, stdout, stderr };
}

async function passwordWorks(username: string, password: string): Promise<boolean> {
  return withServices(env, async (services) => (await services.users.signIn(username, password)).outcome === 'signed_in');
}

// Each command opens PGlite from an empty folder (initdb and every migration): minutes on a busy 2-core machine.
describe('cairn users', { timeout: 240_000 }, () => {
  it('adds an account with a generated password, shown once, that signs in', async () => {
    const result = await run(['add', '--username', 'Morgan.Hale', '--name', 'Morgan Hale', '--role', 'team_manager', '--team', 'North Hub', '--worker-id', 'W-3003']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const password = /Password \(shown only this once; give it to Morgan Hale securely\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toHaveLength(24);
    expect(await passwordWorks('morgan.hale', password!)).toBe(true);
  });

  it('takes the password from standard input without printing it', async () => {
    const result = await run(['add', '--username', 'lee.park', '--name', 'Lee Park', '--role', 'admin', '--oidc-subject', 'council|lee', '--password-stdin'], 'a password from a pipe\n');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('a password from a pipe');
    expect(result.stdout).not.toContain('Password');
    expect(await passwordWorks('lee.park', 'a password from a pipe')).toBe(true);
  });

  it('refuses a password from standard input that is too short', async () => {
    const result = await run(['add', '--username', 'short.pw', '--name', 'Short Pw', '--role', 'analyst', '--password-stdin'], 'short\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Password must be at least 12 characters');
  });

  it('lists the accounts', async () => {
    const result = await run(['list']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^USERNAME\s+NAME\s+ROLE\s+TEAM\s+WORKER ID\s+SIGNS IN WITH\s+STATUS$/);
    expect(lines.find((line) => line.startsWith('morgan.hale'))).toMatch(/Morgan Hale\s+Team manager\s+North Hub\s+W-3003\s+Password\s+active/);
    expect(lines.find((line) => line.startsWith('lee.park'))).toMatch(/Password and Council account/);
    expect(lines.some((line) => line.startsWith('short.pw'))).toBe(false);
  });

  it('explains bad arguments with the usage', async () => {
    const cases: [string[], RegExp][] = [
      [['add', '--username', 'x1', '--name', 'X', '--role', 'boss'], /--role must be one of practitioner, team_manager, service_manager, analyst, admin/],
      [['add', '--name', 'X', '--role', 'admin'], /--username is required/],
      [['add', '--username', 'no spaces allowed', '--name', 'X', '--role', 'admin'], /--username must be/],
      [['add', '--username', 'x1', '--role', 'admin'], /--name is required/],
      [['add', '--username', 'x1', '--name', 'X', '--role', 'admin', '--colour', 'blue'], /Unknown option '--colour'/],
      [['remove'], /there is no "users remove"/],
      [[], /say "add", "list", "disable", "enable", "role" or "approve"/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).toContain('Usage: cairn users');
    }
  });
});

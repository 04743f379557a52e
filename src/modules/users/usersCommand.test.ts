/** @module `cairn users add` and `cairn users list`, run through the real command line against a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { main } from '../../cli/main.js';
import { withServices } from '../../cli/openServices.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';
import { migratedDataFolder } from '../../../test/support/testDataFolder.js';

let database: TestDatabase | undefined;
let dataDir: string | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  // PostgreSQL when the suite runs against it (a database of this file's own), else PGlite in a temporary folder.
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' };
  } else {
    dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-users-')));
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

  it('refuses to overwrite an account without --update, and with it keeps the password unless a new one is given', async () => {
    const refused = await run(['add', '--username', 'morgan.hale', '--name', 'Someone Else', '--role', 'analyst']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('there is already an account called morgan.hale; add --update to change it');
    expect(refused.stdout).toBe('');
    const updated = await run(['add', '--username', 'morgan.hale', '--name', 'Morgan Hale', '--role', 'team_manager', '--team', 'East Hub', '--worker-id', 'W-3003', '--update']);
    expect(updated.status).toBe(0);
    expect(updated.stdout).not.toContain('Password');
    const account = await withServices(env, async (services) => services.users.findAccountByUsername('morgan.hale'));
    expect(account).toMatchObject({ displayName: 'Morgan Hale', team: 'East Hub' });
  });

  it('refuses a common password from standard input', async () => {
    const result = await run(['add', '--username', 'common.pw', '--name', 'Common Pw', '--role', 'analyst', '--password-stdin'], 'qwerty123456\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Password is too common');
  });

  it('disables and enables an account, ending its sessions, and approves a role waiting for a second administrator', async () => {
    const disabled = await run(['disable', '--username', 'lee.park']);
    expect(disabled.status).toBe(0);
    expect(disabled.stdout).toContain('Disabled lee.park');
    expect(await passwordWorks('lee.park', 'a password from a pipe')).toBe(false);
    expect((await run(['enable', '--username', 'lee.park'])).status).toBe(0);
    expect(await passwordWorks('lee.park', 'a password from a pipe')).toBe(true);
    expect((await run(['disable', '--username', 'nobody.here'])).stderr).toContain('there is no account called nobody.here');

    // lee.park (an administrator) asks for morgan.hale to be a service manager: it waits for the operator.
    await withServices(env, async (services) => {
      const lee = (await services.users.findAccountByUsername('lee.park'))!;
      const morgan = (await services.users.findAccountByUsername('morgan.hale'))!;
      const result = await services.accounts.changeRole({ kind: 'user', user: lee }, morgan.userId, 'service_manager');
      expect(result.outcome).toBe('waiting_for_approval');
    });
    const approved = await run(['approve', '--username', 'morgan.hale']);
    expect(approved.stderr).toBe('');
    expect(approved.stdout).toContain('Approved: morgan.hale is now Service manager');
    expect((await run(['approve', '--username', 'morgan.hale'])).stderr).toContain('no role is waiting for approval for morgan.hale');
    const audit = await withServices(env, async (services) => services.db.query<{ action: string; actor: string }>(
      `select action, actor from audit_events where action in ('user.disabled', 'user.enabled', 'user.role_grant_approved') order by event_id`));
    expect(audit).toEqual([
      { action: 'user.disabled', actor: 'system:cli' },
      { action: 'user.enabled', actor: 'system:cli' },
      { action: 'user.role_grant_approved', actor: 'system:cli' },
    ]);
  });

  it('lists the accounts', async () => {
    const result = await run(['list']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^USERNAME\s+NAME\s+ROLE\s+TEAM\s+WORKER ID\s+SIGNS IN WITH\s+STATUS$/);
    expect(lines.find((line) => line.startsWith('morgan.hale'))).toMatch(/Morgan Hale\s+Service manager\s+East Hub\s+W-3003\s+Password\s+active/);
    expect(lines.find((line) => line.startsWith('lee.park'))).toMatch(/Password and Council account/);
    expect(lines.some((line) => line.startsWith('short.pw') || line.startsWith('common.pw'))).toBe(false);
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

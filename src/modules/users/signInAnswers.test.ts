/**
 * @module Issue 16 items 11 and 5: a sign-in gives one answer whether the account is unknown, locked, disabled or the
 * password wrong; failures reset after a sign-in and decay after the lockout window; attempts on a locked account are
 * audited; common passwords are refused wherever a password is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { addUser, openForm, sessionCookie } from '../../../test/support/signIn.js';
import { passwordProblem } from './passwords.js';
import { isCommonPassword } from './commonPasswords.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
const maxFailures = 3;
let address = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig({ signInMaxFailures: maxFailures, signInLockoutMinutes: 15 }), database.db);
  app = await buildApp(services);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** Post the sign-in form from a fresh page (and a fresh address, away from the per-address limit). */
async function attempt(username: string, password: string): Promise<LightMyRequestResponse> {
  address += 1;
  const remoteAddress = `10.9.${address >> 8}.${address & 255}`;
  const { token, cookie } = await openForm(app, '/sign-in');
  return app.inject({
    method: 'POST', url: '/sign-in', remoteAddress,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username, password, _csrf: token }).toString(),
  });
}

/** The page as anyone would compare it: the CSRF token and script nonce (random per page) and the username typed set aside. */
const answer = (response: LightMyRequestResponse, username: string) => ({
  status: response.statusCode,
  body: response.body.replace(/name="(_csrf|_submission)" value="[^"]+"/g, 'name="$1" value=""').replace(/<meta name="csrf-token" content="[^"]+">/g, '').replace(/nonce="[^"]+"/g, 'nonce=""').replaceAll(`value="${username}"`, 'value="USERNAME"'),
});

const failures = async (username: string) =>
  (await database.db.query<{ failed_sign_ins: number; locked: boolean }>(`select failed_sign_ins, coalesce(locked_until > now(), false) as locked from users where username = $1`, [username]))[0]!;

async function lock(username: string): Promise<void> {
  for (let tries = 0; tries < maxFailures; tries += 1) await attempt(username, `not it ${tries} at all`);
  expect((await failures(username)).locked).toBe(true);
}

describe('one answer for every failed sign-in', () => {
  it('answers an unknown, a locked and a disabled account exactly as a wrong password', async () => {
    const wrong = await addUser(services, 'practitioner');
    const locked = await addUser(services, 'practitioner');
    const disabled = await addUser(services, 'practitioner');
    await lock(locked.username);
    await services.accounts.disable({ kind: 'system', name: 'test' }, disabled.userId);

    const expected = answer(await attempt(wrong.username, 'a wrong password here'), wrong.username);
    expect(expected.status).toBe(200);
    expect(expected.body).toContain('The username or password is not right');
    expect(answer(await attempt('no.such.person', 'a wrong password here'), 'no.such.person')).toEqual(expected);
    // The right password on a locked or disabled account changes nothing in the answer.
    expect(answer(await attempt(locked.username, locked.password), locked.username)).toEqual(expected);
    expect(answer(await attempt(disabled.username, disabled.password), disabled.username)).toEqual(expected);
  });

  it('audits an attempt on a locked account, saying why it failed', async () => {
    const user = await addUser(services, 'team_manager');
    await lock(user.username);
    await attempt(user.username, user.password);
    const rows = await database.db.query<{ details: { because: string } }>(
      `select details from audit_events where action = 'user.sign_in_failed' and subject = $1 order by event_id`, [user.username]);
    expect(rows.map((row) => row.details.because)).toEqual([...Array(maxFailures).fill('wrong_password'), 'locked']);
  });
});

describe('failed sign-ins', () => {
  it('are forgotten after a successful sign-in', async () => {
    const user = await addUser(services, 'analyst');
    for (let tries = 0; tries < maxFailures - 1; tries += 1) await attempt(user.username, `not it ${tries} at all`);
    expect((await failures(user.username)).failed_sign_ins).toBe(maxFailures - 1);
    expect((await attempt(user.username, user.password)).statusCode).toBe(303);
    expect(await failures(user.username)).toEqual({ failed_sign_ins: 0, locked: false });
    // So the next wrong password is the first again, and does not lock the account.
    await attempt(user.username, 'one more wrong one');
    expect(await failures(user.username)).toEqual({ failed_sign_ins: 1, locked: false });
  });

  it('decay: a failure older than the lockout window no longer counts', async () => {
    const user = await addUser(services, 'analyst');
    for (let tries = 0; tries < maxFailures - 1; tries += 1) await attempt(user.username, `not it ${tries} at all`);
    await database.db.query(`update users set last_failed_sign_in_at = now() - interval '16 minutes' where username = $1`, [user.username]);
    await attempt(user.username, 'wrong after a quiet spell');
    expect(await failures(user.username)).toEqual({ failed_sign_ins: 1, locked: false });
  });

  it('start again after a lockout ends, so one more mistake does not lock the account again', async () => {
    const user = await addUser(services, 'analyst');
    await lock(user.username);
    await database.db.query(`update users set locked_until = now() - interval '1 second' where username = $1`, [user.username]);
    await attempt(user.username, 'wrong after the lockout');
    expect(await failures(user.username)).toEqual({ failed_sign_ins: 1, locked: false });
    expect((await attempt(user.username, user.password)).statusCode).toBe(303);
  });

  it('keep the time of the last sign-in', async () => {
    const user = await addUser(services, 'analyst');
    const before = (await services.users.list()).find((account) => account.username === user.username)!;
    expect(before.lastSignedInAt).toBeNull();
    const response = await attempt(user.username, user.password);
    expect(sessionCookie(response)).not.toBe('');
    const after = (await services.users.list()).find((account) => account.username === user.username)!;
    expect(after.lastSignedInAt).toBeInstanceOf(Date);
    expect(Math.abs(after.lastSignedInAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe('common passwords', () => {
  it('are on the bundled list of 100,000, ignoring case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('QWERTY123456')).toBe(true);
    expect(isCommonPassword('cairn-demo-2021')).toBe(false);
  });

  it('are refused as passwords, however long', () => {
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/^Password is too common/);
    expect(passwordProblem('qwertyqwerty')).toMatch(/^Password is too common/);
    expect(passwordProblem('short')).toBe('Password must be at least 12 characters');
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
  });

  it('are refused by the user service, so no account is saved with one', async () => {
    await expect(services.users.add({ kind: 'system', name: 'test' }, { username: 'common.pw', displayName: 'Common Pw', role: 'analyst', password: 'qwerty123456' })).rejects.toThrow(/too common/);
    expect((await services.users.list()).some((account) => account.username === 'common.pw')).toBe(false);
  });
});

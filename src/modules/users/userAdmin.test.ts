/** @module Administrators' users pages: the list, and adding an account with GOV.UK errors that keep what was typed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { addUser, openForm, sessionCookie, signIn, signInAs } from '../../../test/support/signIn.js';
import { passwordErrors } from './userAdminRoutes.js';
import { accountRows, formValues } from './userPresenter.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  const signedIn = await signInAs(app, services, 'admin', { username: 'alex.admin', displayName: 'Alex Admin' });
  cookie = signedIn.cookie;
  // An account's team is chosen from the teams list (ADR 0029).
  for (const name of ['East Hub', 'North Hub']) await services.references.add(signedIn.user, 'team', { name, code: null });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function postNewUser(fields: Record<string, string>) {
  const page = await openForm(app, '/admin/users/new', cookie);
  cookie = page.cookie;
  const response = await app.inject({
    method: 'POST',
    url: '/admin/users/new',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: page.token }).toString(),
  });
  cookie = sessionCookie(response, cookie);
  return response;
}

const password = 'correct horse battery staple';

describe('the list of accounts', () => {
  it('shows each account with its role, team, worker ID and whether it is locked', async () => {
    await addUser(services, 'practitioner', { username: 'pat.locked', displayName: 'Pat Locked', team: 'South Hub', workerId: 'W-1001' });
    await database.db.query(`update users set locked_until = now() + interval '10 minutes' where username = 'pat.locked'`);
    const response = await app.inject({ method: 'GET', url: '/admin/users', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const row = /<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/admin\/users\/[0-9a-f-]{36}">pat.locked<\/a><\/th>[\s\S]*?<\/tr>/.exec(response.body)?.[0];
    expect(row).toBeDefined();
    expect(row).toContain('Pat Locked');
    expect(row).toContain('Practitioner');
    expect(row).toContain('South Hub');
    expect(row).toContain('W-1001');
    expect(row).toContain('Locked');
    expect(row).toMatch(/Locked[\s\S]*?<td class="govuk-table__cell">Never<\/td>/);
    expect(response.body).toMatch(/alex.admin<\/a><\/th>[\s\S]*?Administrator[\s\S]*?Active/);
  });

  it('presents sign-in methods and lock state from the account record', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    const base = { userId: 'u', username: 'a', displayName: 'A', role: 'analyst' as const, team: null, workerId: null, failedSignIns: 0, disabled: false, lastSignedInAt: null };
    const [sso, expired] = accountRows([
      { ...base, passwordHash: null, oidcSubject: 'sub', lockedUntil: null },
      { ...base, passwordHash: 'h', oidcSubject: null, lockedUntil: new Date('2025-01-01T11:59:00Z') },
    ], now);
    expect(sso).toMatchObject({ signsInWith: 'Council account', locked: false, roleName: 'Analyst' });
    expect(expired).toMatchObject({ signsInWith: 'Password', locked: false });
  });
});

describe('adding an account', () => {
  it('shows the form with every field and the five roles', async () => {
    const response = await app.inject({ method: 'GET', url: '/admin/users/new', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    for (const id of ['username', 'displayName', 'workerId', 'password', 'confirmPassword', 'oidcSubject']) {
      expect(response.body, id).toMatch(new RegExp(`<input[^>]+id="${id}"`));
    }
    expect(response.body).toMatch(/<select[^>]+id="team"/);
    expect(response.body).toContain('<option value="North Hub">North Hub</option>');
    for (const role of ['practitioner', 'team_manager', 'service_manager', 'analyst', 'admin']) {
      expect(response.body, role).toMatch(new RegExp(`type="radio" value="${role}"`));
    }
  });

  it('lists every problem, inline and in the summary, keeping what was typed except the passwords', async () => {
    const response = await postNewUser({ username: 'Bad Name!', displayName: '', team: 'East Hub', password: 'short', confirmPassword: 'short' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Error: Add a user – Cairn</title>');
    const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(response.body)?.[0] ?? '';
    const links = [...summary.matchAll(/<a href="#(\w+)">/g)].map((match) => match[1]);
    expect(links).toEqual(['username', 'displayName', 'role', 'password']);
    expect(response.body).toContain('Username must be 2 to 64 characters');
    expect(response.body).toContain('Enter the person’s full name');
    expect(response.body).toContain('Select a role');
    expect(response.body).toContain('Password must be at least 12 characters');
    expect(response.body).toMatch(/id="role-error"/);
    expect(response.body).toMatch(/id="username"[^>]+value="Bad Name!"/);
    expect(response.body).toContain('<option value="East Hub" selected>East Hub</option>');
    expect(response.body).not.toMatch(/id="password"[^>]+value=/);
  });

  it('refuses a team that is not on the teams list, keeping what was sent', async () => {
    const response = await postNewUser({ username: 'kim.lee', displayName: 'Kim Lee', role: 'analyst', team: 'Noth Hub', password, confirmPassword: password });
    expect(response.body).toMatch(/<a href="#team">Select a team from the list<\/a>/);
    expect(response.body).toContain('<option value="Noth Hub" selected>Noth Hub (not on the list)</option>');
    expect((await services.users.list()).some((user) => user.username === 'kim.lee')).toBe(false);
  });

  it('says when the passwords do not match', async () => {
    const response = await postNewUser({ username: 'sam.reid', displayName: 'Sam Reid', role: 'analyst', password, confirmPassword: `${password}!` });
    expect(response.body).toMatch(/<a href="#confirmPassword">The passwords do not match<\/a>/);
    expect(response.body).toMatch(/value="analyst" checked/);
    expect(response.body).not.toContain(password);
  });

  it('creates the account, records it, and the new person can sign in', async () => {
    const response = await postNewUser({ username: 'Sam.Reid', displayName: 'Sam Reid', role: 'practitioner', team: 'North Hub', workerId: 'W-2002', password, confirmPassword: password, oidcSubject: '' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/users');
    const list = await app.inject({ method: 'GET', url: '/admin/users', headers: { cookie } });
    expect(list.body).toContain('Account added for sam.reid');
    const account = (await services.users.list()).find((user) => user.username === 'sam.reid');
    expect(account).toMatchObject({ displayName: 'Sam Reid', role: 'practitioner', team: 'North Hub', workerId: 'W-2002', oidcSubject: null });
    const audit = await database.db.query<{ actor: string; subject: string }>(`select actor, subject from audit_events where action = 'user.created' and subject = 'sam.reid'`);
    expect(audit).toEqual([{ actor: 'alex.admin', subject: 'sam.reid' }]);
    const samCookie = await signIn(app, 'sam.reid', password);
    const home = await app.inject({ method: 'GET', url: '/', headers: { cookie: samCookie } });
    expect(home.body).toContain('Welcome, Sam Reid');
  });

  it('refuses a username or worker ID another account has, without changing that account', async () => {
    const response = await postNewUser({ username: 'sam.reid', displayName: 'Someone Else', role: 'analyst', workerId: 'W-2002', password, confirmPassword: password });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('An account with this username already exists');
    expect(response.body).toContain('Another account already has this worker ID');
    const account = (await services.users.list()).find((user) => user.username === 'sam.reid');
    expect(account).toMatchObject({ displayName: 'Sam Reid', role: 'practitioner' });
  });

  it('allows an account that signs in only with the council account', async () => {
    const response = await postNewUser({ username: 'kim.sso', displayName: 'Kim Sso', role: 'analyst', oidcSubject: 'council|kim' });
    expect(response.statusCode).toBe(303);
    const account = (await services.users.list()).find((user) => user.username === 'kim.sso');
    expect(account).toMatchObject({ oidcSubject: 'council|kim', passwordHash: null });
  });

  it('checks the password fields together', () => {
    expect(passwordErrors('', '', false).password).toMatch(/^Enter a password/);
    expect(passwordErrors('', '', true)).toEqual({});
    expect(passwordErrors('', password, true)).toEqual({ password: 'Enter the password in both boxes' });
    expect(passwordErrors(password, '', false)).toEqual({ confirmPassword: 'Confirm the password' });
    expect(passwordErrors(password, password, false)).toEqual({});
  });

  it('never puts a password back into the form', () => {
    expect(formValues({ username: ['a', 'b'], password: 'x', confirmPassword: 'y', role: 'admin' })).toEqual({ username: 'a', role: 'admin' });
  });
});

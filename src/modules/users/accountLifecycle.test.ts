/**
 * @module Issue 16 item 4, through the real pages with real signed-in sessions: disabling ends an account's sessions
 * at once; a role or team change applies on the account's next request; a role that reaches every child or manages
 * accounts waits for a second administrator; every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signIn, signInAs } from '../../../test/support/signIn.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let first: { cookie: string; userId: string };
let second: { cookie: string; userId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  const a = await signInAs(app, services, 'admin', { username: 'first.admin', displayName: 'First Admin' });
  const b = await signInAs(app, services, 'admin', { username: 'second.admin', displayName: 'Second Admin' });
  first = { cookie: a.cookie, userId: a.user.userId };
  second = { cookie: b.cookie, userId: b.user.userId };
  for (const name of ['East Hub', 'North Hub']) await services.references.add(a.user, 'team', { name, code: null });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Admin = { cookie: string };

/** Post a form from `page` as an administrator, keeping their cookie. */
async function post(admin: Admin, page: string, url: string, fields: Record<string, string> = {}) {
  const opened = await openForm(app, page, admin.cookie);
  const response = await app.inject({
    method: 'POST', url,
    headers: { cookie: opened.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: opened.token }).toString(),
  });
  admin.cookie = sessionCookie(response, opened.cookie);
  return response;
}

const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const accountPage = (userId: string) => `/admin/users/${userId}`;

async function audited(action: string, username: string) {
  return database.db.query<{ actor: string; details: Record<string, unknown> }>(
    'select actor, details from audit_events where action = $1 and subject = $2 order by event_id', [action, username]);
}

describe('the account page', () => {
  it('shows role, team, status and last sign-in, linked from the list', async () => {
    const { user } = await signInAs(app, services, 'practitioner', { username: 'pat.page', displayName: 'Pat Page', team: 'East Hub' });
    const list = await get(first.cookie, '/admin/users');
    expect(list.body).toContain(`<a class="govuk-link" href="/admin/users/${user.userId}">pat.page</a>`);
    expect(list.body).toMatch(/pat.page<\/a><\/th>[\s\S]*?Active[\s\S]*?<td class="govuk-table__cell">\d+ [A-Z][a-z]{2} \d{4}, \d\d:\d\d<\/td>/);
    const page = await get(first.cookie, accountPage(user.userId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Pat Page');
    // The page's title names the person as its heading does, with the username they sign in with.
    expect(page.body).toMatch(/<title>Pat Page \(pat\.page\) – Cairn<\/title>/);
    expect(page.body).toMatch(/Role\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Practitioner/);
    expect(page.body).toMatch(/Team\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*East Hub/);
    expect(page.body).toMatch(/Last signed in\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*\d+ [A-Z][a-z]{2} \d{4}/);
    expect(page.body).toContain('Disable account');
    expect((await get(first.cookie, '/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('disabling and enabling an account', () => {
  it('asks first, then ends every session of the account at once; enabling lets it sign in again', async () => {
    const target = await signInAs(app, services, 'practitioner', { username: 'dee.disabled' });
    const otherSession = await signIn(app, target.user.username, target.user.password);
    expect((await get(target.cookie, '/')).statusCode).toBe(200);

    const asked = await post(first, accountPage(target.user.userId), `/admin/users/${target.user.userId}/disable`);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Disable dee.disabled?');
    expect((await get(target.cookie, '/')).statusCode).toBe(200); // nothing happened yet

    const done = await post(first, accountPage(target.user.userId), `/admin/users/${target.user.userId}/disable`, { confirmed: 'yes' });
    expect(done.statusCode).toBe(303);
    expect(await services.sessions.openCount(target.user.userId)).toBe(0);
    for (const cookie of [target.cookie, otherSession]) {
      const next = await get(cookie, '/');
      expect(next.statusCode).toBe(303);
      expect(next.headers.location).toBe('/sign-in');
    }
    await expect(signIn(app, target.user.username, target.user.password)).rejects.toThrow(/failed: 200/);
    expect((await get(first.cookie, accountPage(target.user.userId))).body).toContain('Disabled');

    await post(first, accountPage(target.user.userId), `/admin/users/${target.user.userId}/enable`, { confirmed: 'yes' });
    expect((await get(await signIn(app, target.user.username, target.user.password), '/')).statusCode).toBe(200);

    expect((await audited('user.disabled', 'dee.disabled')).map((row) => row.actor)).toEqual(['first.admin']);
    expect((await audited('user.enabled', 'dee.disabled')).map((row) => row.actor)).toEqual(['first.admin']);
    const ended = await database.db.query<{ details: { ended: number; reason: string } }>(`select details from audit_events where action = 'user.sessions_ended' and subject = $1`, [target.user.userId]);
    expect(ended.map((row) => row.details)).toEqual([expect.objectContaining({ reason: 'account_disabled', ended: 2 })]);
  });

  it('refuses to disable your own account', async () => {
    const response = await post(first, accountPage(first.userId), `/admin/users/${first.userId}/disable`, { confirmed: 'yes' });
    expect(response.statusCode).toBe(303);
    const page = await get(first.cookie, accountPage(first.userId));
    expect(page.body).toContain('You cannot disable your own account');
    expect((await get(first.cookie, '/admin/users')).statusCode).toBe(200);
  });
});

describe('changing role and team', () => {
  it('applies a role change to a signed-in session on its next request', async () => {
    const target = await signInAs(app, services, 'admin', { username: 'ro.demoted' });
    expect((await get(target.cookie, '/admin/users')).statusCode).toBe(200);
    const response = await post(first, `/admin/users/${target.user.userId}/role`, `/admin/users/${target.user.userId}/role`, { role: 'analyst' });
    expect(response.statusCode).toBe(303);
    expect((await get(target.cookie, '/admin/users')).statusCode).toBe(403);
    expect((await audited('user.role_changed', 'ro.demoted')).map((row) => row.details)).toEqual([expect.objectContaining({ from: 'admin', to: 'analyst' })]);
  });

  it('shows the role form again with the problem when no role is chosen', async () => {
    const { user } = await signInAs(app, services, 'analyst', { username: 'no.role.given' });
    const response = await post(first, `/admin/users/${user.userId}/role`, `/admin/users/${user.userId}/role`, { role: 'boss' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Error: Change no.role.given’s role – Cairn</title>');
    expect(response.body).toMatch(/<a href="#role">Select a role<\/a>/);
    expect(response.body).toMatch(/id="role-error"/);
  });

  it('changes the team from the teams list, refusing one not on it, and applies it on the next request', async () => {
    const target = await signInAs(app, services, 'team_manager', { username: 'tam.team', team: 'East Hub' });
    const refused = await post(first, `/admin/users/${target.user.userId}/team`, `/admin/users/${target.user.userId}/team`, { team: 'Noth Hub' });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toMatch(/<a href="#team">Select a team from the list<\/a>/);
    expect(refused.body).toContain('<option value="Noth Hub" selected>Noth Hub (not on the list)</option>');
    expect((await services.users.findById(target.user.userId))!.team).toBe('East Hub');

    const changed = await post(first, `/admin/users/${target.user.userId}/team`, `/admin/users/${target.user.userId}/team`, { team: 'North Hub' });
    expect(changed.statusCode).toBe(303);
    expect((await services.users.findById(target.user.userId))!.team).toBe('North Hub');
    expect((await audited('user.team_changed', 'tam.team')).map((row) => row.details)).toEqual([expect.objectContaining({ from: 'East Hub', to: 'North Hub' })]);
  });
});

describe('a role that needs a second administrator', () => {
  it('waits until another administrator approves it; the one who asked cannot', async () => {
    const target = await signInAs(app, services, 'practitioner', { username: 'gus.granted' });
    expect((await get(target.cookie, '/admin/users')).statusCode).toBe(403);

    await post(first, `/admin/users/${target.user.userId}/role`, `/admin/users/${target.user.userId}/role`, { role: 'admin' });
    expect((await services.users.findById(target.user.userId))!.role).toBe('practitioner');
    expect((await get(target.cookie, '/admin/users')).statusCode).toBe(403);
    const [grant] = await services.accounts.pendingGrants();
    expect(grant).toMatchObject({ username: 'gus.granted', role: 'admin', requestedBy: first.userId });

    // The one who asked sees no approve button, and a forced approval is refused.
    const ownList = await get(first.cookie, '/admin/users');
    expect(ownList.body).toContain('Waiting for another administrator');
    expect(ownList.body).not.toContain(`/admin/role-grants/${grant!.grantId}/approve`);
    const refused = await post(first, '/admin/users', `/admin/role-grants/${grant!.grantId}/approve`);
    expect(refused.statusCode).toBe(303);
    expect((await get(first.cookie, '/admin/users')).body).toContain('You asked for this role, so another administrator must approve it');
    expect((await services.users.findById(target.user.userId))!.role).toBe('practitioner');

    const secondList = await get(second.cookie, '/admin/users');
    expect(secondList.body).toContain(`/admin/role-grants/${grant!.grantId}/approve`);
    const approved = await post(second, '/admin/users', `/admin/role-grants/${grant!.grantId}/approve`);
    expect(approved.statusCode).toBe(303);
    expect((await services.users.findById(target.user.userId))!.role).toBe('admin');
    // The signed-in session has the new role on its next request.
    expect((await get(target.cookie, '/admin/users')).statusCode).toBe(200);
    expect(await services.accounts.pendingGrants()).toEqual([]);

    expect((await audited('user.role_grant_requested', 'gus.granted')).map((row) => row.actor)).toEqual(['first.admin']);
    expect((await audited('user.role_grant_approved', 'gus.granted')).map((row) => row.actor)).toEqual(['second.admin']);
    expect((await audited('user.role_changed', 'gus.granted')).map((row) => [row.actor, row.details.to])).toEqual([['second.admin', 'admin']]);
  });

  it('can be cancelled, leaving the role as it was', async () => {
    const { user } = await signInAs(app, services, 'team_manager', { username: 'cy.cancelled' });
    await post(first, `/admin/users/${user.userId}/role`, `/admin/users/${user.userId}/role`, { role: 'service_manager' });
    const page = await get(first.cookie, accountPage(user.userId));
    expect(page.body).toContain('Role waiting for approval');
    const [grant] = await services.accounts.pendingGrants();
    await post(first, accountPage(user.userId), `/admin/role-grants/${grant!.grantId}/cancel`);
    expect((await services.users.findById(user.userId))!.role).toBe('team_manager');
    expect(await services.accounts.pendingGrants()).toEqual([]);
    expect((await audited('user.role_grant_cancelled', 'cy.cancelled')).map((row) => row.actor)).toEqual(['first.admin']);
  });

  it('is never granted by the add-a-user form', async () => {
    const response = await post(first, '/admin/users/new', '/admin/users/new', { username: 'new.admin', displayName: 'New Admin', role: 'admin', password: 'a long enough password', confirmPassword: 'a long enough password' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<a href="#role">A new account cannot start as Administrator/);
    expect((await services.users.list()).some((account) => account.username === 'new.admin')).toBe(false);
  });

  it('is refused to anyone without user:manage', async () => {
    const { cookie } = await signInAs(app, services, 'service_manager');
    for (const url of ['/admin/users/00000000-0000-4000-8000-000000000000', `/admin/users/${first.userId}/role`]) {
      expect((await get(cookie, url)).statusCode, url).toBe(403);
    }
  });
});

import { createHash } from 'node:crypto';
/** @module Sign-in, sign-out, lockout, rate limit, CSRF, deny by default, and the idle timeout that loses nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { safeReturnPath } from '../../platform/http/returnPaths.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { aged as agedSession } from '../../../test/support/idleSession.js';
import { addUser, csrfToken, openForm, sessionCookie, signIn, signInAs } from '../../../test/support/signIn.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;

const maxFailures = 3;

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig({ signInMaxFailures: maxFailures }), database.db);
  app = await buildApp(services);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

const aged = (cookie: string, ageMs: number) => agedSession(database.db, app, cookie, ageMs);

function sessionData(cookie: string): Record<string, unknown> {
  const session = app.decodeSecureSession(decodeURIComponent(cookie.split('=')[1]!));
  return (session?.data() ?? {}) as Record<string, unknown>;
}

async function auditActions(username: string): Promise<string[]> {
  const rows = await database.db.query<{ action: string }>(
    `select a.action from audit_events a join users u on u.user_id = a.user_id where u.username = $1 order by a.event_id`,
    [username],
  );
  return rows.map((row) => row.action);
}

async function postSignIn(cookie: string, token: string, username: string, password: string, remoteAddress: string) {
  return app.inject({ method: 'POST', url: '/sign-in', remoteAddress, headers: formHeaders(cookie), payload: form({ username, password, _csrf: token }) });
}

describe('the sign-in page', () => {
  it('asks for a username and password, and offers no single sign-on when none is configured', async () => {
    const response = await app.inject({ method: 'GET', url: '/sign-in' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1 class="govuk-heading-l">Sign in to Cairn</h1>');
    expect(response.body).toMatch(/<input[^>]+id="username"[^>]+autocomplete="username"/);
    expect(response.body).toMatch(/<input[^>]+id="password"[^>]+type="password"/);
    expect(response.body).not.toContain('Sign in with your council account');
    // Signed out: no session timer on the page.
    expect(response.body).not.toContain('data-idle-timeout-seconds');
  });

  it('signs in with the right password, regenerating the session, and goes to the start page', async () => {
    const user = await addUser(services, 'practitioner', { displayName: 'Rowan Ashby' });
    const { token, cookie: before } = await openForm(app, '/sign-in');
    const response = await postSignIn(before, token, user.username.toUpperCase(), user.password, '10.1.0.1');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const cookie = sessionCookie(response);
    const session = sessionData(cookie);
    // The cookie holds a random session id, not who is signed in (issue 16).
    expect(session.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.userId).toBeUndefined();
    // The CSRF secret from before sign-in does not carry over.
    expect(session._csrf).toBeUndefined();
    const home = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Welcome, Rowan Ashby');
    expect(home.body).toMatch(/<body[^>]+data-idle-timeout-seconds="1800" data-idle-warning-seconds="300"/);
    expect(home.body).toMatch(/<meta name="csrf-token" content="[^"]+">/);
    expect(await auditActions(user.username)).toContain('user.signed_in');
  });

  it('keeps the username and shows the error inline and in the summary when the password is wrong', async () => {
    const user = await addUser(services, 'practitioner');
    const { token, cookie } = await openForm(app, '/sign-in');
    const response = await postSignIn(cookie, token, user.username, 'not the password at all', '10.1.0.2');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Error: Sign in – Cairn</title>');
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toMatch(/<a href="#password">The username or password is not right<\/a>/);
    expect(response.body).toMatch(/id="password-error"[\s\S]*The username or password is not right/);
    expect(response.body).toMatch(new RegExp(`id="username"[^>]+value="${user.username}"`));
    expect(response.body).not.toContain('not the password at all');
    expect(sessionData(sessionCookie(response, cookie)).sessionId).toBeUndefined();
  });

  it('asks for each missing field', async () => {
    const { token, cookie } = await openForm(app, '/sign-in');
    const response = await postSignIn(cookie, token, '  ', '', '10.1.0.3');
    expect(response.body).toMatch(/<a href="#username">Enter your username<\/a>/);
    expect(response.body).toMatch(/<a href="#password">Enter your password<\/a>/);
  });

  it(`locks the account after ${maxFailures} failures, refusing even the right password until the lockout ends`, async () => {
    const user = await addUser(services, 'team_manager');
    const { token, cookie } = await openForm(app, '/sign-in');
    for (let attempt = 1; attempt <= maxFailures; attempt += 1) {
      const wrong = await postSignIn(cookie, token, user.username, `wrong password ${attempt}`, '10.1.0.4');
      expect(wrong.body).toContain('The username or password is not right');
    }
    // Locked: the right password gets the same answer as a wrong one (issue 16 item 11).
    const right = await postSignIn(cookie, token, user.username, user.password, '10.1.0.4');
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('The username or password is not right');
    expect(right.body).not.toContain('Your account is locked');
    expect(right.body).toMatch(new RegExp(`id="username"[^>]+value="${user.username}"`));
    expect(sessionData(sessionCookie(right, cookie)).sessionId).toBeUndefined();

    // When the lockout has passed, the right password works again.
    await database.db.query(`update users set locked_until = now() - interval '1 second' where username = $1`, [user.username]);
    const later = await postSignIn(cookie, token, user.username, user.password, '10.1.0.4');
    expect(later.statusCode).toBe(303);
  });

  it('limits sign-in attempts from one address to 10 a minute', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await app.inject({ method: 'POST', url: '/sign-in', remoteAddress: '192.0.2.10', headers: formHeaders(''), payload: form({ username: 'nobody', password: 'x' }) });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another address is unaffected.
    const other = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress: '192.0.2.11' });
    expect(other.statusCode).toBe(200);
  });

  it('refuses a sign-in without the CSRF token', async () => {
    const user = await addUser(services, 'practitioner');
    const { cookie } = await openForm(app, '/sign-in');
    const response = await app.inject({ method: 'POST', url: '/sign-in', remoteAddress: '10.1.0.5', headers: formHeaders(cookie), payload: form({ username: user.username, password: user.password }) });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(sessionData(sessionCookie(response, cookie)).sessionId).toBeUndefined();
  });

  it('goes back to the page that asked for sign-in, but never off the site', async () => {
    const admin = await addUser(services, 'admin');
    const asked = await app.inject({ method: 'GET', url: '/admin/users?sort=role' });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/sign-in');
    const cookie = await signIn(app, admin.username, admin.password, { cookie: sessionCookie(asked) });
    const page = await app.inject({ method: 'GET', url: '/sign-in', headers: { cookie } });
    expect(page.statusCode).toBe(303); // already signed in
    expect(safeReturnPath('//evil.example/')).toBeUndefined();
    expect(safeReturnPath('/\\evil.example/')).toBeUndefined();
    expect(safeReturnPath('https://evil.example/')).toBeUndefined();
    const { token, cookie: again } = await openForm(app, '/sign-in', sessionCookie(asked));
    const response = await postSignIn(again, token, admin.username, admin.password, '10.1.0.6');
    expect(response.headers.location).toBe('/admin/users?sort=role');
  });
});

describe('signing out', () => {
  it('ends the session, records it and says so', async () => {
    const signedIn = await signInAs(app, services, 'practitioner');
    const { user } = signedIn;
    const { token, cookie } = await openForm(app, '/', signedIn.cookie);
    const response = await app.inject({ method: 'POST', url: '/sign-out', headers: formHeaders(cookie), payload: form({ _csrf: token }) });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
    const after = sessionCookie(response, cookie);
    expect(sessionData(after).sessionId).toBeUndefined();
    const page = await app.inject({ method: 'GET', url: '/sign-in', headers: { cookie: after } });
    expect(page.body).toContain('You have signed out');
    const home = await app.inject({ method: 'GET', url: '/', headers: { cookie: after } });
    expect(home.statusCode).toBe(303);
    expect(await auditActions(user.username)).toEqual(['user.signed_in', 'user.signed_out']);
  });

  it('needs the CSRF token', async () => {
    const { cookie } = await signInAs(app, services, 'practitioner');
    const response = await app.inject({ method: 'POST', url: '/sign-out', headers: formHeaders(cookie), payload: '' });
    expect(response.statusCode).toBe(403);
    const home = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(home.statusCode).toBe(200);
  });
});

describe('deny by default', () => {
  it('sends a signed-out request to sign in', async () => {
    for (const url of ['/', '/admin/users', '/admin/users/new', '/session/status']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe('/sign-in');
    }
  });

  it('refuses the users pages to anyone but an administrator', async () => {
    for (const role of ['practitioner', 'team_manager', 'service_manager', 'analyst'] as const) {
      const signedIn = await signInAs(app, services, role);
      const list = await app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: signedIn.cookie } });
      expect(list.statusCode, role).toBe(403);
      const { token, cookie } = await openForm(app, '/', signedIn.cookie);
      const add = await app.inject({ method: 'POST', url: '/admin/users/new', headers: formHeaders(cookie), payload: form({ _csrf: token, username: `made-by-${role}`, displayName: 'X', role: 'admin', password: 'a long enough password', confirmPassword: 'a long enough password' }) });
      expect(add.statusCode, role).toBe(403);
    }
    expect((await services.users.list()).some((user) => user.username.startsWith('made-by-'))).toBe(false);
  });
});

describe('the idle timeout', () => {
  const thirtyOneMinutes = 31 * 60_000;
  const newUserFields = { username: 'casey.morgan', displayName: 'Casey Morgan', role: 'team_manager', team: 'North Hub', workerId: 'W-7781', password: 'a secret long password', confirmPassword: 'a secret long password' };

  it('keeps a form sent after the timeout as a draft, and gives it back (without the password) after signing in again', async () => {
    const admin = await addUser(services, 'admin');
    const { token, cookie } = await openForm(app, '/admin/users/new', await signIn(app, admin.username, admin.password));
    const late = await app.inject({
      method: 'POST',
      url: '/admin/users/new',
      headers: { ...formHeaders(await aged(cookie, thirtyOneMinutes)), referer: 'http://localhost:80/admin/users/new' },
      payload: form({ ...newUserFields, _csrf: token }),
    });
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe('/sign-in');
    expect((await services.users.list()).some((user) => user.username === 'casey.morgan')).toBe(false);
    const ended = sessionCookie(late);
    expect(sessionData(ended)).toMatchObject({ signInReason: 'idle', returnTo: '/admin/users/new' });
    expect(sessionData(ended).sessionId).toBeUndefined();

    const signInPage = await app.inject({ method: 'GET', url: '/sign-in', headers: { cookie: ended } });
    expect(signInPage.body).toContain('You were signed out after 30 minutes without activity. What you were typing has been kept.');
    const { token: signInToken, cookie: signInCookie } = { token: csrfToken(signInPage.body), cookie: sessionCookie(signInPage, ended) };
    const back = await postSignIn(signInCookie, signInToken, admin.username, admin.password, '10.2.0.1');
    expect(back.headers.location).toBe('/admin/users/new');
    const restored = await app.inject({ method: 'GET', url: '/admin/users/new', headers: { cookie: sessionCookie(back) } });
    expect(restored.body).toContain('What you were typing has been kept');
    expect(restored.body).toContain('Enter the password again: a password is never kept.');
    expect(restored.body).toMatch(/id="username"[^>]+value="casey.morgan"/);
    expect(restored.body).toMatch(/id="displayName"[^>]+value="Casey Morgan"/);
    expect(restored.body).toMatch(/<option value="North Hub" selected/);
    expect(restored.body).toMatch(/id="workerId"[^>]+value="W-7781"/);
    expect(restored.body).toMatch(/value="team_manager"[^>]*checked/);
    expect(restored.body).not.toContain('a secret long password');
    // Kept, and given back again, until the form is saved or what was kept is discarded.
    const again = await app.inject({ method: 'GET', url: '/admin/users/new', headers: { cookie: sessionCookie(back) } });
    expect(again.body).toMatch(/id="username"[^>]+value="casey.morgan"/);
    const discard = await app.inject({ method: 'POST', url: '/session/draft/discard', headers: formHeaders(sessionCookie(again, sessionCookie(back))), payload: form({ _csrf: csrfToken(again.body), path: '/admin/users/new' }) });
    expect(discard.statusCode).toBe(303);
    expect(discard.headers.location).toBe('/admin/users/new');
    const discarded = await app.inject({ method: 'GET', url: '/admin/users/new', headers: { cookie: sessionCookie(discard, sessionCookie(back)) } });
    expect(discarded.body).not.toContain('casey.morgan');
    expect(discarded.body).toContain('What was kept has been discarded');
  });

  it('keeps what the page script sends when its timer runs out, ending the session', async () => {
    const signedIn = await signInAs(app, services, 'admin');
    const { user } = signedIn;
    const { html, cookie } = await openForm(app, '/admin/users/new', signedIn.cookie);
    const metaToken = /<meta name="csrf-token" content="([^"]+)">/.exec(html)![1]!;
    const response = await app.inject({
      method: 'POST',
      url: '/session/draft',
      headers: { cookie, 'csrf-token': metaToken, accept: 'application/json' },
      payload: { path: '/admin/users/new', fields: { username: 'jo.banks', displayName: 'Jo Banks', password: 'never kept at all' } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedIn: false, signIn: '/sign-in' });
    const ended = sessionCookie(response, cookie);
    expect(sessionData(ended)).toMatchObject({ signInReason: 'idle', returnTo: '/admin/users/new' });
    const back = await signIn(app, user.username, user.password, { cookie: ended });
    const restored = await app.inject({ method: 'GET', url: '/admin/users/new', headers: { cookie: back } });
    expect(restored.body).toMatch(/id="username"[^>]+value="jo.banks"/);
    expect(restored.body).not.toContain('never kept at all');
  });

  it('keeps the page script’s draft even when it arrives after the server’s timeout', async () => {
    const signedIn = await signInAs(app, services, 'admin');
    const { user } = signedIn;
    const { html, cookie } = await openForm(app, '/admin/users/new', signedIn.cookie);
    const metaToken = /<meta name="csrf-token" content="([^"]+)">/.exec(html)![1]!;
    const old = await aged(cookie, thirtyOneMinutes);
    // The page's status check after the timeout says "signed out" but leaves the session for the draft.
    const status = await app.inject({ method: 'GET', url: '/session/status', headers: { cookie: old, accept: 'application/json' } });
    expect(status.statusCode).toBe(401);
    const response = await app.inject({
      method: 'POST',
      url: '/session/draft',
      headers: { cookie: sessionCookie(status, old), 'csrf-token': metaToken, accept: 'application/json' },
      payload: { path: '/admin/users/new', fields: { displayName: 'Late Draft' } },
    });
    expect(response.statusCode).toBe(401);
    const back = await signIn(app, user.username, user.password, { cookie: sessionCookie(response, old) });
    const restored = await app.inject({ method: 'GET', url: '/admin/users/new', headers: { cookie: back } });
    expect(restored.body).toMatch(/id="displayName"[^>]+value="Late Draft"/);
  });

  it('refuses a draft for a path off the site', async () => {
    const { html, cookie } = await openForm(app, '/', (await signInAs(app, services, 'admin')).cookie);
    const metaToken = /<meta name="csrf-token" content="([^"]+)">/.exec(html)![1]!;
    const response = await app.inject({ method: 'POST', url: '/session/draft', headers: { cookie, 'csrf-token': metaToken, accept: 'application/json' }, payload: { path: '//evil.example/', fields: { a: 'b' } } });
    expect(response.statusCode).toBe(400);
    const withoutToken = await app.inject({ method: 'POST', url: '/session/draft', headers: { cookie, accept: 'application/json' }, payload: { path: '/', fields: { a: 'b' } } });
    expect(withoutToken.statusCode).toBe(403);
  });

  it('is extended by keep-alive, and not by a status check', async () => {
    const { html, cookie } = await openForm(app, '/', (await signInAs(app, services, 'practitioner')).cookie);
    const metaToken = /<meta name="csrf-token" content="([^"]+)">/.exec(html)![1]!;
    const nearlyOver = await aged(cookie, 29 * 60_000 + 30_000);
    const status = await app.inject({ method: 'GET', url: '/session/status', headers: { cookie: nearlyOver, accept: 'application/json' } });
    expect(status.statusCode).toBe(200);
    expect(status.json().secondsLeft).toBeLessThanOrEqual(30);
    expect(sessionCookie(status, nearlyOver)).toBe(nearlyOver); // not renewed

    const keepAlive = await app.inject({ method: 'POST', url: '/session/keep-alive', headers: { cookie: nearlyOver, 'csrf-token': metaToken, accept: 'application/json' } });
    expect(keepAlive.statusCode).toBe(200);
    expect(keepAlive.json().secondsLeft).toBeGreaterThanOrEqual(1799);
    const renewed = sessionCookie(keepAlive, nearlyOver);
    const after = await app.inject({ method: 'GET', url: '/session/status', headers: { cookie: renewed, accept: 'application/json' } });
    expect(after.json().secondsLeft).toBeGreaterThanOrEqual(1799);

    const tooLate = await app.inject({ method: 'POST', url: '/session/keep-alive', headers: { cookie: await aged(cookie, thirtyOneMinutes), 'csrf-token': metaToken, accept: 'application/json' } });
    expect(tooLate.statusCode).toBe(401);
  });

  it('ends the session on the server with a tiny timeout, sending the next page to sign in', async () => {
    const quick = buildServices(testConfig({ idleTimeoutMinutes: 0.001, idleWarningMinutes: 0.0005 }), database.db);
    const quickApp = await buildApp(quick);
    try {
      const user = await addUser(quick, 'practitioner');
      const cookie = await signIn(quickApp, user.username, user.password);
      await new Promise((resolve) => setTimeout(resolve, 120));
      const response = await quickApp.inject({ method: 'GET', url: '/', headers: { cookie } });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/sign-in');
      const page = await quickApp.inject({ method: 'GET', url: '/sign-in', headers: { cookie: sessionCookie(response, cookie) } });
      expect(page.body).toContain('without activity. What you were typing has been kept.');
    } finally {
      await quickApp.close();
    }
  });
});

/**
 * @module Signing in for tests, through the real sign-in page with `app.inject`: read the form's CSRF token
 * and the session cookie, post the username and password, and keep the cookie for later requests.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Services } from '../../src/composition.js';
import type { SignedInUser } from '../../src/platform/access/user.js';
import type { Role } from '../../src/platform/access/roles.js';

/**
 * The session cookie (`name=value`) a response set, or `previous` when it set none.
 * @example cookie = sessionCookie(response, cookie)
 */
export function sessionCookie(response: LightMyRequestResponse, previous = ''): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  const session = cookies.find((cookie) => cookie.startsWith('cairn_session='));
  return session ? session.split(';')[0]! : previous;
}

/**
 * The CSRF token in a page's first form (or its csrf-token meta tag).
 * @example const token = csrfToken(response.body)
 */
export function csrfToken(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('The page has no CSRF token');
  return token;
}

/**
 * GET a page with a form; return its CSRF token and the cookie to post it with.
 * @example const { token, cookie } = await openForm(app, '/admin/users/new', adminCookie)
 */
export async function openForm(app: FastifyInstance, url: string, cookie = ''): Promise<{ token: string; cookie: string; html: string }> {
  const response = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}, not 200`);
  return { token: csrfToken(response.body), cookie: sessionCookie(response, cookie), html: response.body };
}

let addresses = 0;
/**
 * A different client address for each sign-in, so a test file that signs in many times stays under the
 * sign-in route's per-address rate limit (which has its own test).
 */
function nextAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

/**
 * Sign in through the sign-in page and return the session cookie header to reuse. Throws if sign-in fails.
 * @example const cookie = await signIn(app, 'sam', 'a long enough password'); await app.inject({ url: '/', headers: { cookie } })
 */
export async function signIn(app: FastifyInstance, username: string, password: string, options: { cookie?: string; remoteAddress?: string } = {}): Promise<string> {
  const remoteAddress = options.remoteAddress ?? nextAddress();
  const page = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress, headers: options.cookie ? { cookie: options.cookie } : {} });
  const cookie = sessionCookie(page, options.cookie);
  const response = await app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username, password, _csrf: csrfToken(page.body) }).toString(),
  });
  if (response.statusCode !== 303) throw new Error(`Signing in as ${username} failed: ${response.statusCode}`);
  return sessionCookie(response, cookie);
}

let made = 0;
/**
 * Add an account with a known password for a test, and return it with its password.
 * @example const admin = await addUser(services, 'admin'); const cookie = await signIn(app, admin.username, admin.password)
 */
export async function addUser(services: Services, role: Role, details: { username?: string; displayName?: string; team?: string; workerId?: string } = {}): Promise<SignedInUser & { password: string }> {
  made += 1;
  const password = `test password ${made} for ${role}`;
  const user = await services.users.add(
    { kind: 'system', name: 'test' },
    { username: details.username ?? `${role.replace('_', '-')}-${made}`, displayName: details.displayName ?? `Test ${role} ${made}`, role, team: details.team ?? null, workerId: details.workerId ?? null, password },
  );
  return { ...user, password };
}

/**
 * Add an account and sign it in; return the cookie and the account.
 * @example const { cookie } = await signInAs(app, services, 'practitioner')
 */
export async function signInAs(app: FastifyInstance, services: Services, role: Role, details: Parameters<typeof addUser>[2] = {}): Promise<{ cookie: string; user: SignedInUser & { password: string } }> {
  const user = await addUser(services, role, details);
  return { cookie: await signIn(app, user.username, user.password), user };
}

/**
 * @module Issue 16, must-fix 7, 8 and 12: no signed-in answer is cached, a Permissions-Policy on every answer, HSTS
 * only with a secure cookie; X-Forwarded-For believed only from CAIRN_TRUSTED_PROXIES; writes need a write permission;
 * a NUL byte or any other malformed parameter on any route is a 400 (or a refusal), never a 500; a 500's log line
 * holds neither the error's message nor the request's parameters.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { fillRoute, inside, openProbe, type Person, type Probe } from './support.js';
import { buildApp } from '../../src/app/app.js';
import { buildServices } from '../../src/composition.js';
import { testConfig } from '../support/testConfig.js';
import { addRole, removeRole, type Role } from '../../src/platform/access/roles.js';
import { paths } from '../../src/platform/http/paths.js';

// A role that may read children's records, resources and commissioning but not change them.
addRole('case_reader', {
  name: 'Case reader', hint: 'Reads every child’s record; changes nothing',
  permissions: ['child:search', 'child:view', 'resources:view', 'commissioning:view'], children: 'all', teams: 'all',
});

let probe: Probe;
let serviceManager: Person;
let admin: Person;

beforeAll(async () => {
  // The walks send thousands of requests from one address: the global rate limit must not answer them instead.
  probe = await openProbe({ rateLimitPerMinute: 1_000_000 });
  serviceManager = await probe.as('service_manager');
  admin = await probe.as('admin');
});
afterAll(async () => {
  removeRole('case_reader');
  await probe?.close();
});

describe(`headers (${engineUnderTest})`, () => {
  it('sends no-store on every signed-in page that does not choose a private cache itself, and a Permissions-Policy everywhere', async () => {
    const pages = probe.app.routeTable.filter((route) => route.method === 'GET' && !route.url.includes(':') && !route.url.startsWith('/assets/'));
    const cached: string[] = [];
    for (const route of pages) {
      const page = await serviceManager.send('GET', route.url);
      const cacheControl = String(page.headers['cache-control'] ?? '');
      if (page.statusCode < 300 && !/no-store|private/.test(cacheControl)) cached.push(`${route.url}: "${cacheControl}"`);
      if (!String(page.headers['permissions-policy'] ?? '').includes('camera=()')) cached.push(`${route.url}: no Permissions-Policy`);
    }
    expect(pages.length).toBeGreaterThan(20);
    expect(cached).toEqual([]);
    expect((await serviceManager.send('GET', paths.children.show({ childId: inside.childId }))).headers['cache-control']).toBe('no-store');
    expect((await probe.app.inject({ url: paths.signIn.show() })).headers['permissions-policy']).toContain('geolocation=()');
  });

  it('sends HSTS only when the cookie is secure', async () => {
    expect((await probe.app.inject({ url: paths.health() })).headers['strict-transport-security']).toBeUndefined();
    const secure = await buildApp(buildServices(testConfig({ cookieSecure: true }), probe.database.db), { logger: false });
    expect((await secure.inject({ url: paths.health() })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await secure.close();
  });
});

describe(`the client's address (${engineUnderTest})`, () => {
  const tryFiveTimes = async (trustedProxies: string[]) => {
    const app = await buildApp(buildServices(testConfig({ rateLimitPerMinute: 3, trustedProxies }), probe.database.db), { logger: false });
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i += 1) {
      statuses.push((await app.inject({ url: paths.health(), remoteAddress: '10.9.9.9', headers: { 'x-forwarded-for': `203.0.113.${i}` } })).statusCode);
    }
    await app.close();
    return statuses;
  };

  it('ignores X-Forwarded-For from an address not in CAIRN_TRUSTED_PROXIES, so it cannot lift the rate limit', async () => {
    expect(await tryFiveTimes([])).toEqual([200, 200, 200, 429, 429]);
  });

  it('believes X-Forwarded-For from a trusted proxy', async () => {
    expect(await tryFiveTimes(['10.9.9.0/24'])).toEqual([200, 200, 200, 200, 200]);
  });
});

describe(`write routes need write permissions (${engineUnderTest})`, () => {
  it('refuses every change to someone who may only read, and still lets them read', async () => {
    const reader = await probe.as('case_reader' as Role);
    const writes = [
      ['POST', paths.children.edit({ childId: inside.childId })],
      ['GET', paths.children.edit({ childId: inside.childId })],
      ['POST', paths.children.keyPeople({ childId: inside.childId })],
      ['POST', paths.children.chronology({ childId: inside.childId })],
      ['GET', paths.care.newResource()], ['POST', paths.care.newResource()],
      ['GET', paths.care.newProvider()], ['POST', paths.care.newProvider()],
      ['GET', paths.care.newHome()], ['POST', paths.care.newHome()],
    ] as const;
    const answered = await Promise.all(writes.map(async ([method, url]) => `${method} ${url} ${(await reader.send(method, url, { forename: 'Changed' })).statusCode}`));
    expect(answered).toEqual(writes.map(([method, url]) => `${method} ${url} 403`));
    expect((await reader.send('GET', paths.children.show({ childId: inside.childId }))).statusCode).toBe(200);
    expect((await reader.send('GET', paths.children.keyPeople({ childId: inside.childId }))).statusCode).toBe(200);
    expect((await serviceManager.send('GET', paths.care.newProvider())).statusCode).toBe(200);
  });
});

describe(`malformed parameters on every route (${engineUnderTest})`, () => {
  const malformed = ['%00', 'a%00b', '%C0%AE', 'x'.repeat(2000), "'%3B--", '..%2F..'];

  it('answers each with 400 or a refusal, never a 500', async () => {
    const failures: string[] = [];
    // Signing out would end the walkers' own sessions; those routes take no parameters anyway.
    const routes = probe.app.routeTable.filter((route) => !route.url.startsWith('/assets/') && !route.url.startsWith('/sign-out'));
    for (const person of [serviceManager, admin]) {
      for (const route of routes) {
        for (const bad of malformed) {
          const url = route.url.includes(':') ? route.url.replace(/:[A-Za-z]+/g, bad) : `${route.url}?q=${bad}&childId=${bad}`;
          const answer = await person.send(route.method, url, { name: bad, reason: bad, title: bad });
          // Sign-in has its own low per-address limit (tested with sign-in); nothing else may be rate-limited here.
          if (answer.statusCode >= 500 || (answer.statusCode === 429 && route.url !== '/sign-in')) failures.push(`${route.method} ${url.slice(0, 80)}: ${answer.statusCode}`);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('answers a NUL byte in a path, a query or a form with 400', async () => {
    expect((await serviceManager.send('GET', `/children/${inside.childId}%00`)).statusCode).toBe(400);
    expect((await serviceManager.send('GET', `${paths.children.search()}?text=Lennie%00`)).statusCode).toBe(400);
    expect((await serviceManager.send('POST', paths.children.edit({ childId: inside.childId }), { forename: 'Mo\u0000rag' })).statusCode).toBe(400);
    expect((await serviceManager.send('GET', fillRoute('/children/:childId/care', inside.childId))).statusCode).toBe(200);
  });
});

describe('error logs', () => {
  /** Cairn over the probe's database, its log lines kept to be read. */
  async function appWithItsLog() {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done(); } });
    const app = await buildApp(buildServices(testConfig({ logLevel: 'info' }), probe.database.db), { logger: { level: 'info', stream } });
    return { app, lines };
  }

  it('log a failed request by route and error kind, never its message or parameters', async () => {
    const { app, lines } = await appWithItsLog();
    app.get('/children/:childId/explode', { config: { access: { public: true } } }, async (request) => {
      throw new Error(`could not read ${String((request.params as { childId: string }).childId)} for ${String((request.query as { name?: string }).name)}`);
    });
    const answer = await app.inject({ url: '/children/C000777/explode?name=Zebedee' });
    await app.close();
    expect(answer.statusCode).toBe(500);
    const log = lines.join('');
    expect(log).toContain('request failed');
    expect(log).toContain('GET /children/:childId/explode');
    expect(log).not.toMatch(/C000777|Zebedee/);
  });

  it('log a request the database could not take a value of (answered 400) by route and code, never the value', async () => {
    const { app, lines } = await appWithItsLog();
    app.get('/children/:childId/out-of-range', { config: { access: { public: true } } }, async () => {
      await probe.database.db.query(`select $1::date`, ['0000-09-10']);
    });
    const answer = await app.inject({ url: '/children/C000777/out-of-range' });
    await app.close();
    expect(answer.statusCode).toBe(400);
    const log = lines.join('');
    expect(log).toContain('request could not be read');
    expect(log).toContain('GET /children/:childId/out-of-range');
    expect(log).toContain('22008');
    expect(log).not.toMatch(/C000777|0000-09-10/);
  });
});

/**
 * @module Single sign-on against a real OpenID Connect provider (oidc-provider), with Cairn listening on a
 * real port: the whole authorization code flow, redirects followed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Provider } from 'oidc-provider';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let providerServer: Server;
let appBase: string;
let issuer: string;
/** Who the provider says is signing in, for the next interaction. */
let subjectAtProvider = 'council|ada.okafor';

const clientId = 'cairn-test';
const clientSecret = 'a-client-secret-for-the-test-provider';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const appPort = await freePort();
  appBase = `http://127.0.0.1:${appPort}`;

  // The provider's server first, so its issuer URL (with its port) is known before the provider is made.
  let provider: Provider | undefined;
  providerServer = createServer((req, res) => {
    if (!provider) return res.end();
    if (req.url?.startsWith('/interaction/')) {
      // A minimal interaction: the person at the provider is `subjectAtProvider`, and consents.
      void (async () => {
        const details = await provider!.interactionDetails(req, res);
        let result: Record<string, unknown>;
        if (details.prompt.name === 'login') {
          result = { login: { accountId: subjectAtProvider } };
        } else {
          const grant = new provider!.Grant({ accountId: details.session!.accountId!, clientId: details.params.client_id });
          grant.addOIDCScope('openid');
          result = { consent: { grantId: await grant.save() } };
        }
        await provider!.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appBase}/sign-in/sso/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    features: { devInteractions: { enabled: false } },
    // Cairn must send PKCE, so the provider insists on it.
    pkce: { required: () => true },
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });

  database = await createTestDatabase();
  services = buildServices(
    testConfig({ oidc: { issuer, clientId, clientSecret, redirectUri: `${appBase}/sign-in/sso/callback` } }),
    database.db,
  );
  app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: appPort });
  await services.users.add({ kind: 'system', name: 'test' }, { username: 'ada.okafor', displayName: 'Ada Okafor', role: 'team_manager', oidcSubject: 'council|ada.okafor' });
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => providerServer?.close(resolve));
  await database?.drop();
});

/** Cookies per origin, enough for one browser's trip between Cairn and the provider. */
class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();
  header(url: URL): string {
    return [...(this.cookies.get(url.origin) ?? new Map<string, string>()).entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  store(url: URL, response: Response): void {
    const jar = this.cookies.get(url.origin) ?? new Map<string, string>();
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')).trim(), pair!.slice(pair!.indexOf('=') + 1).trim()];
      const expired = attributes.some((attribute) => /^\s*expires=thu, 01 jan 1970/i.test(attribute) || /^\s*max-age=0/i.test(attribute));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(url.origin, jar);
  }
}

/** One browser request, cookies included, redirects not followed. */
async function visit(jar: CookieJar, url: string | URL): Promise<{ url: URL; response: Response; location?: URL }> {
  const target = new URL(url, appBase);
  const response = await fetch(target, { redirect: 'manual', headers: { cookie: jar.header(target), accept: 'text/html' } });
  jar.store(target, response);
  const location = response.headers.get('location');
  return { url: target, response, location: location ? new URL(location, target) : undefined };
}

/**
 * Start at Cairn's "sign in with your council account" and follow redirects through the provider until
 * the browser is back at Cairn's callback; return the callback URL without visiting it.
 */
async function throughProvider(jar: CookieJar): Promise<URL> {
  let step = await visit(jar, '/sign-in/sso');
  expect(step.response.status).toBe(303);
  expect(step.location!.origin).toBe(issuer);
  const authorization = step.location!.searchParams;
  expect(authorization.get('code_challenge_method')).toBe('S256');
  expect(authorization.get('state')).toBeTruthy();
  expect(authorization.get('nonce')).toBeTruthy();
  for (let hop = 0; hop < 10; hop += 1) {
    if (step.location!.href.startsWith(`${appBase}/sign-in/sso/callback`)) return step.location!;
    step = await visit(jar, step.location!);
    if (!step.location) throw new Error(`The provider stopped at ${step.url.href} with ${step.response.status}: ${await step.response.text()}`);
  }
  throw new Error('Too many redirects');
}

describe('single sign-on', () => {
  it('is offered on the sign-in page', async () => {
    const page = await visit(new CookieJar(), '/sign-in');
    expect(await page.response.text()).toContain('Sign in with your council account');
  });

  it('signs in the Cairn account linked to the council account, and records how', async () => {
    subjectAtProvider = 'council|ada.okafor';
    const jar = new CookieJar();
    const callback = await throughProvider(jar);
    expect(callback.searchParams.get('code')).toBeTruthy();
    const back = await visit(jar, callback);
    expect(back.response.status).toBe(303);
    expect(back.location!.pathname).toBe('/');
    const home = await visit(jar, '/');
    expect(home.response.status).toBe(200);
    expect(await home.response.text()).toContain('Welcome, Ada Okafor');
    const audit = await database.db.query<{ actor: string; details: { method: string } }>(`select actor, details from audit_events where action = 'user.signed_in'`);
    expect(audit).toEqual([{ actor: 'ada.okafor', details: { method: 'oidc' } }]);

    // The callback works once: replaying it finds no state to check against.
    const replay = await visit(jar, callback);
    expect(replay.response.status).toBe(400);
    expect(await replay.response.text()).toContain('This sign-in link has expired or was already used.');
    expect((await visit(jar, '/')).response.status).toBe(200);
  });

  it('refuses a council account that is not linked to a Cairn account, saying what to do', async () => {
    subjectAtProvider = 'council|stranger';
    const jar = new CookieJar();
    const callback = await throughProvider(jar);
    const back = await visit(jar, callback);
    expect(back.response.status).toBe(403);
    const body = await back.response.text();
    expect(body).toContain('Your council account is not set up in Cairn. Ask an administrator.');
    expect(body).toContain('council|stranger');
    const home = await visit(jar, '/');
    expect(home.response.status).toBe(303);
    expect(home.location!.pathname).toBe('/sign-in');
  });

  it('refuses a callback whose state does not match the one Cairn sent', async () => {
    subjectAtProvider = 'council|ada.okafor';
    const jar = new CookieJar();
    const callback = await throughProvider(jar);
    callback.searchParams.set('state', 'forged-state');
    const back = await visit(jar, callback);
    expect(back.response.status).toBe(400);
    expect(await back.response.text()).toContain('Single sign-on did not work');
    const home = await visit(jar, '/');
    expect(home.response.status).toBe(303);
  });

  it('refuses a callback that no sign-in started', async () => {
    const back = await visit(new CookieJar(), '/sign-in/sso/callback?code=abc&state=def');
    expect(back.response.status).toBe(400);
    expect(await back.response.text()).toContain('This sign-in link has expired or was already used.');
  });
});

describe('single sign-on settings', () => {
  it('is not there at all without them', async () => {
    const plain = await buildApp(buildServices(testConfig(), database.db));
    try {
      expect((await plain.inject({ method: 'GET', url: '/sign-in/sso' })).statusCode).toBe(404);
      expect((await plain.inject({ method: 'GET', url: '/sign-in' })).body).not.toContain('council account');
    } finally {
      await plain.close();
    }
  });

  it('says so when the provider cannot be reached', async () => {
    const unreachable = await buildApp(buildServices(
      testConfig({ oidc: { issuer: 'http://127.0.0.1:9/', clientId, clientSecret, redirectUri: `${appBase}/sign-in/sso/callback` } }),
      database.db,
    ));
    try {
      const response = await unreachable.inject({ method: 'GET', url: '/sign-in/sso' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('Single sign-on is not working');
    } finally {
      await unreachable.close();
    }
  });
});

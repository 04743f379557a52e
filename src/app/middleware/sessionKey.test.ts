/**
 * @module The session key derived once a process is the key @fastify/secure-session derives from the same secret and
 * salt: a cookie sealed by a server configured the old way (secret and salt) opens in one given the key.
 */
import Fastify from 'fastify';
import secureSession from '@fastify/secure-session';
import { describe, expect, it } from 'vitest';
import { sessionKey } from './sessionKey.js';

const secret = 'a-test-session-secret-that-is-long-enough-0123456789';

async function server(options: { secret: string; salt: string } | { key: Buffer }) {
  const app = Fastify();
  await app.register(secureSession, { ...options, cookieName: 'cairn_session', cookie: { path: '/' } });
  app.get('/seal', async (request) => {
    request.session.set('returnTo', '/children/C1');
    return 'sealed';
  });
  app.get('/open', async (request) => request.session.get('returnTo') ?? 'nothing');
  return app;
}

describe('the session key', () => {
  it('opens cookies sealed with the key secure-session derives from the secret and salt', async () => {
    const before = await server({ secret, salt: 'cairn-session-v1' });
    const sealed = await before.inject({ url: '/seal' });
    const cookie = String(sealed.headers['set-cookie']).split(';')[0]!;
    const after = await server({ key: sessionKey(secret, 'cairn-session-v1') });
    expect((await after.inject({ url: '/open', headers: { cookie } })).body).toBe('/children/C1');
    const otherSecret = await server({ key: sessionKey(`${secret}-other`, 'cairn-session-v1') });
    expect((await otherSecret.inject({ url: '/open', headers: { cookie } })).body).toBe('nothing');
    await Promise.all([before.close(), after.close(), otherSecret.close()]);
  });

  it('is worked out once a process for a secret and salt', () => {
    expect(sessionKey(secret, 'cairn-session-v1')).toBe(sessionKey(secret, 'cairn-session-v1'));
    expect(sessionKey(secret, 'cairn-session-v1')).not.toEqual(sessionKey(secret, 'cairn-session-v2'));
  });

  it('refuses a short secret or a salt of the wrong length', () => {
    expect(() => sessionKey('short', 'cairn-session-v1')).toThrow(/at least 32 bytes/);
    expect(() => sessionKey(secret, 'short')).toThrow(/16 bytes/);
  });
});

/** @module Encrypted, HTTP-only, SameSite session cookie (its contents are sealed, so the browser can't read or alter them). */
import type { FastifyInstance } from 'fastify';
import secureSession from '@fastify/secure-session';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../platform/config.js';
import { sessionKey } from './sessionKey.js';

/** The session secret: configured, or (outside production) one kept in the data folder so restarts keep people signed in. */
export function sessionSecret(config: Pick<Config, 'sessionSecret' | 'databaseUrl' | 'dataDir' | 'production'>): string {
  if (config.sessionSecret) return config.sessionSecret;
  if (config.production) throw new Error('SESSION_SECRET is required in production');
  if (config.databaseUrl) return randomBytes(32).toString('hex');
  const file = join(config.dataDir, 'session.secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export async function setUpWebSession(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(secureSession, {
    // The key secure-session would derive from this secret and salt, derived once a process (sessionKey.ts).
    key: sessionKey(sessionSecret(config), 'cairn-session-v1'),
    cookieName: 'cairn_session',
    cookie: {
      path: '/',
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'lax',
    },
  });
}

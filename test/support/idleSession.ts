/** @module Sessions made idle for tests: the sealed session cookie re-sealed as if its last request was long ago. */
import type { FastifyInstance } from 'fastify';

/**
 * The session cookie as if its last request was `ageMs` ago: the sealed cookie can't be edited, so reseal it.
 * @example const late = aged(app, cookie, 31 * 60_000)
 */
export function aged(app: FastifyInstance, cookie: string, ageMs: number): string {
  const [name, value] = cookie.split('=') as [string, string];
  const session = app.decodeSecureSession(decodeURIComponent(value));
  if (!session) throw new Error('not a session cookie');
  session.set('lastSeenAt', Date.now() - ageMs);
  return `${name}=${encodeURIComponent(app.encodeSecureSession(session))}`;
}

/** @module Sessions made idle for tests: the sessions table told the session's last request was long ago (ADR 0040). */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../src/db/database.js';

/**
 * The session as if its last request was `ageMs` ago: the cookie holds only a random id, whose SHA-256 keys the
 * sessions table, so the table's `last_seen_at` is moved back. Returns the same cookie.
 * @example const late = await aged(db, app, cookie, 31 * 60_000)
 */
export async function aged(db: Queryable, app: FastifyInstance, cookie: string, ageMs: number): Promise<string> {
  const session = app.decodeSecureSession(decodeURIComponent(cookie.split('=')[1] ?? ''));
  const id = session?.get('sessionId');
  if (!id) throw new Error('not a signed-in session cookie');
  const hash = createHash('sha256').update(String(id)).digest('hex');
  await db.query('update sessions set last_seen_at = now() - make_interval(secs => $2::double precision / 1000) where session_hash = $1', [hash, ageMs]);
  return cookie;
}

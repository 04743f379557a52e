/**
 * @module Issue 16, must-fix 2: sessions live in the database. A cookie copied before sign-out is worth nothing
 * after it; a session ends at its absolute lifetime however active; "sign out everywhere" (one's own, or an
 * administrator's) ends every session of the account at once, audited; disabling an account ends its sessions.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { openForm, signIn, addUser, sessionCookie } from '../support/signIn.js';
import { auditCount, openProbe, type Probe } from './support.js';
import { paths } from '../../src/platform/http/paths.js';

let probe: Probe;
beforeAll(async () => { probe = await openProbe(); });
afterAll(async () => probe?.close());

const home = (cookie: string) => probe.app.inject({ url: paths.home(), headers: { cookie } });
const post = async (url: string, cookie: string) => {
  const { token, cookie: withToken } = await openForm(probe.app, paths.home(), cookie);
  return probe.app.inject({ method: 'POST', url, headers: { cookie: withToken, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
};
const sessionIdOf = (cookie: string) => String(probe.app.decodeSecureSession(decodeURIComponent(cookie.split('=')[1]!))?.get('sessionId'));
const hashOf = (cookie: string) => createHash('sha256').update(sessionIdOf(cookie)).digest('hex');

describe(`server-side sessions (${engineUnderTest})`, () => {
  it('refuses a cookie copied before sign-out, and keeps only a hash of the id', async () => {
    const user = await addUser(probe.services, 'practitioner');
    const captured = await signIn(probe.app, user.username, user.password);
    expect((await home(captured)).statusCode).toBe(200);
    const rows = await probe.database.db.query<{ session_hash: string }>('select session_hash from sessions where user_id = $1', [user.userId]);
    expect(rows).toEqual([{ session_hash: hashOf(captured) }]);
    expect(JSON.stringify(rows)).not.toContain(sessionIdOf(captured));
    expect((await post(paths.signOut(), captured)).statusCode).toBe(303);
    const replayed = await home(captured);
    expect(replayed.statusCode).toBe(303);
    expect(replayed.headers.location).toBe(paths.signIn.show());
  });

  it('ends a session at its absolute lifetime, however recently it was used', async () => {
    const user = await addUser(probe.services, 'practitioner');
    const cookie = await signIn(probe.app, user.username, user.password);
    const [row] = await probe.database.db.query<{ hours: number }>('select extract(epoch from expires_at - started_at)::int / 3600 as hours from sessions where session_hash = $1', [hashOf(cookie)]);
    expect(row!.hours).toBe(10);
    await probe.database.db.query(`update sessions set started_at = now() - interval '11 hours', expires_at = now() - interval '1 hour', last_seen_at = now() where session_hash = $1`, [hashOf(cookie)]);
    expect((await home(cookie)).statusCode).toBe(303);
    expect(await probe.database.db.query('select ended_reason from sessions where session_hash = $1', [hashOf(cookie)])).toEqual([{ ended_reason: 'expired' }]);
  });

  it('signs a person out everywhere, from any one of their sessions, audited', async () => {
    const user = await addUser(probe.services, 'practitioner');
    const laptop = await signIn(probe.app, user.username, user.password);
    const phone = await signIn(probe.app, user.username, user.password);
    const other = await addUser(probe.services, 'practitioner');
    const someoneElse = await signIn(probe.app, other.username, other.password);
    expect((await post(paths.signOutEverywhere(), phone)).statusCode).toBe(303);
    expect((await home(laptop)).statusCode).toBe(303);
    expect((await home(phone)).statusCode).toBe(303);
    expect((await home(someoneElse)).statusCode).toBe(200);
    const [event] = await probe.database.db.query<{ details: { ended: number; reason: string } }>(`select details from audit_events where action = 'user.sessions_ended' and subject = $1`, [user.userId]);
    expect(event!.details).toMatchObject({ ended: 2, reason: 'signed_out_everywhere' });
  });

  it('lets an administrator sign someone out everywhere, and no one else', async () => {
    const user = await addUser(probe.services, 'practitioner');
    const cookie = await signIn(probe.app, user.username, user.password);
    const manager = await probe.as('service_manager');
    expect((await post(paths.admin.signOutEverywhere({ userId: user.userId }), manager.cookie)).statusCode).toBe(403);
    expect((await home(cookie)).statusCode).toBe(200);
    const admin = await probe.as('admin');
    const before = await auditCount(probe.database.db, { action: 'user.sessions_ended' });
    const done = await post(paths.admin.signOutEverywhere({ userId: user.userId }), admin.cookie);
    expect(done.statusCode).toBe(303);
    expect((await home(cookie)).statusCode).toBe(303);
    expect(await auditCount(probe.database.db, { action: 'user.sessions_ended' })).toBe(before + 1);
    const list = await probe.app.inject({ url: paths.admin.users(), headers: { cookie: sessionCookie(done) } });
    expect(list.body).toContain(`${user.username} is signed out everywhere (1 session ended)`);
  });

  it('ends the sessions of an account disabled, on its next request', async () => {
    const user = await addUser(probe.services, 'practitioner');
    const cookie = await signIn(probe.app, user.username, user.password);
    await probe.database.db.query('update users set disabled = true where user_id = $1', [user.userId]);
    expect((await home(cookie)).statusCode).toBe(303);
    expect(await probe.database.db.query('select ended_reason from sessions where session_hash = $1', [hashOf(cookie)])).toEqual([{ ended_reason: 'account_disabled' }]);
    await probe.database.db.query('update users set disabled = false where user_id = $1', [user.userId]);
    expect((await home(cookie)).statusCode).toBe(303);
  });
});

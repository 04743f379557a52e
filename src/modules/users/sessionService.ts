/**
 * @module Server-side sessions (issue 16, ADR 0040): sign-in starts one and hands back the random id the cookie
 * carries; every request resolves it (ended, idle or past its absolute lifetime means signed out); sign-out ends it;
 * "sign out everywhere" and disabling an account end all of a person's sessions at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/access/user.js';
import type { AuditService } from '../audit/auditService.js';
import type { SessionEnd, SessionRepository } from './sessionRepository.js';

export type ResolvedSession = { outcome: 'active'; userId: string; lastSeenAt: number; expiresAt: number } | { outcome: 'idle'; userId: string } | { outcome: 'ended' };

/**
 * How stale a session's last-seen time may be before a request writes it again (ADR 0049): 15 seconds, or a
 * twentieth of the idle timeout when that is shorter, so the timeout never comes more than 5 % early.
 */
export const touchEveryMs = (idleMinutes: number): number => Math.min(15_000, (idleMinutes * 60_000) / 20);

/** What the sessions table keeps of a cookie's session id: its SHA-256 hash. */
export const sessionHashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/** @example const sessions = sessionService(db, sessionRepository(), audit, { lifetimeHours: 10, idleMinutes: 30 }) */
export function sessionService(db: Database, repository: SessionRepository, audit: AuditService, settings: { lifetimeHours: number; idleMinutes: number }) {
  return {
    /** A new session for this account; the random id (256 bits) is the cookie's, only its hash is stored. */
    async start(userId: string): Promise<string> {
      const sessionId = randomBytes(32).toString('base64url');
      await repository.start(db, sessionHashOf(sessionId), userId, settings.lifetimeHours);
      return sessionId;
    },

    /**
     * Whose session this id is, if it is still open; `touch` counts the request as activity. A session past its
     * absolute lifetime is ended here; one past its idle timeout is never touched again, so it cannot come back.
     * @example const session = await sessions.resolve(request.session.get('sessionId'), { touch: true })
     */
    async resolve(sessionId: unknown, options: { touch: boolean }): Promise<ResolvedSession> {
      if (typeof sessionId !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return { outcome: 'ended' };
      const hash = sessionHashOf(sessionId);
      const found = await repository.find(db, hash);
      if (!found || found.endedAt) return { outcome: 'ended' };
      const now = Date.now();
      if (found.expiresAt.getTime() <= now) {
        await repository.end(db, hash, 'expired');
        return { outcome: 'ended' };
      }
      // Idle is answered but not yet ended: the page script's status check may still send its draft (the caller ends it).
      if (now - found.lastSeenAt.getTime() > settings.idleMinutes * 60_000) return { outcome: 'idle', userId: found.userId };
      // A session seen in the last few seconds is not written again (ADR 0049): one write per session per
      // `touchEveryMs` (at most 15 s) instead of one per request, so the idle timeout may come at most that much sooner, never later.
      const touched = options.touch && now - found.lastSeenAt.getTime() >= touchEveryMs(settings.idleMinutes);
      if (touched) await repository.touch(db, hash);
      return { outcome: 'active', userId: found.userId, lastSeenAt: touched ? now : found.lastSeenAt.getTime(), expiresAt: found.expiresAt.getTime() };
    },

    /** End one session (sign-out, or the idle timeout seen by the page script). */
    async end(sessionId: unknown, reason: SessionEnd): Promise<void> {
      if (typeof sessionId === 'string' && sessionId) await repository.end(db, sessionHashOf(sessionId), reason);
    },

    /**
     * End every session of an account — the person's own "sign out everywhere", an administrator's, or because the
     * account was disabled — audited as `user.sessions_ended` with how many there were.
     * @example await sessions.endEverywhere({ kind: 'user', user }, user.userId, 'signed_out_everywhere')
     */
    async endEverywhere(actor: Actor, userId: string, reason: Extract<SessionEnd, 'signed_out_everywhere' | 'ended_by_admin' | 'account_disabled'>): Promise<number> {
      return db.transaction(async (tx) => {
        const ended = await repository.endAllFor(tx, userId, reason);
        await audit.record(actor, { action: 'user.sessions_ended', subject: userId, details: { userId, reason, ended } }, tx);
        return ended;
      });
    },

    /** How many sessions an account has open now. */
    async openCount(userId: string): Promise<number> {
      return repository.openCount(db, userId);
    },
  };
}
export type SessionService = ReturnType<typeof sessionService>;

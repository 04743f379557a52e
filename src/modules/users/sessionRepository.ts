/** @module SQL for server-side sessions (issue 16): each kept by the SHA-256 hash of the cookie's random id. */
import type { Queryable } from '../../db/database.js';

/** Why a session ended (the CHECK of migration 0060). */
export const sessionEnds = ['signed_out', 'signed_out_everywhere', 'ended_by_admin', 'account_disabled', 'idle', 'expired'] as const;
export type SessionEnd = (typeof sessionEnds)[number];

export interface SessionRow {
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

export function sessionRepository() {
  return {
    async start(db: Queryable, hash: string, userId: string, lifetimeHours: number): Promise<void> {
      await db.query(`insert into sessions (session_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3::double precision * 3600))`, [hash, userId, lifetimeHours]);
    },

    async find(db: Queryable, hash: string): Promise<SessionRow | undefined> {
      const rows = await db.query<{ user_id: string; last_seen_at: Date; expires_at: Date; ended_at: Date | null }>(
        'select user_id, last_seen_at, expires_at, ended_at from sessions where session_hash = $1', [hash], { prepared: true });
      const row = rows[0];
      return row && { userId: row.user_id, lastSeenAt: new Date(row.last_seen_at), expiresAt: new Date(row.expires_at), endedAt: row.ended_at && new Date(row.ended_at) };
    },

    async touch(db: Queryable, hash: string): Promise<void> {
      await db.query('update sessions set last_seen_at = now() where session_hash = $1 and ended_at is null', [hash], { prepared: true });
    },

    async end(db: Queryable, hash: string, reason: SessionEnd): Promise<void> {
      await db.query('update sessions set ended_at = now(), ended_reason = $2 where session_hash = $1 and ended_at is null', [hash, reason]);
    },

    /** End every open session of one account; how many were open. */
    async endAllFor(db: Queryable, userId: string, reason: SessionEnd): Promise<number> {
      const rows = await db.query('update sessions set ended_at = now(), ended_reason = $2 where user_id = $1 and ended_at is null returning 1', [userId, reason]);
      return rows.length;
    },

    async openCount(db: Queryable, userId: string): Promise<number> {
      const rows = await db.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1 and ended_at is null and expires_at > now()', [userId]);
      return rows[0]!.n;
    },
  };
}
export type SessionRepository = ReturnType<typeof sessionRepository>;

/** @module SQL for restricted records (issue 16, ADR 0044): who a record is restricted to, and break-glass openings. */
import type { Queryable } from '../../db/database.js';

/** How a restricted record stands for one person: not restricted, open to them (named, or break-glass), or closed. */
export type Restriction = 'not_restricted' | 'open' | 'closed';

/** A restricted record as its page shows it. */
export interface RecordRestriction {
  childId: string;
  restrictedBy: string;
  restrictedAt: Date | string;
  reason: string;
  people: { userId: string; name: string; username: string }[];
}

/** One break-glass opening, for the review page. */
export interface BreakGlassOpening {
  openingId: string;
  childId: string;
  userName: string;
  username: string;
  reason: string;
  openedAt: Date | string;
  openUntil: Date | string;
  reviewedBy: string | null;
  reviewedAt: Date | string | null;
}

/** An account a record may be restricted to. */
export interface Account {
  userId: string;
  name: string;
  username: string;
}

/**
 * The record is closed to $person: restricted, not to them, and no break-glass opening of theirs still open. Exported
 * for statements that ask it alongside something else (childRepository's records born on nearby dates).
 */
export const closedTo = (child: string, person: string) => `exists (
  select 1 from restricted_records rr
   where rr.child_id = ${child}
     and not exists (select 1 from restricted_record_people rp where rp.child_id = rr.child_id and rp.user_id = ${person}::uuid)
     and not exists (select 1 from break_glass_openings bg where bg.child_id = rr.child_id and bg.user_id = ${person}::uuid and bg.open_until > now()))`;

/** @example await restrictionRepository().standing(db, userId, 'C1') // 'closed' */
export function restrictionRepository() {
  return {
    async standing(db: Queryable, userId: string, childId: string): Promise<Restriction> {
      const rows = await db.query<{ restricted: boolean; closed: boolean }>(
        `select exists (select 1 from restricted_records where child_id = $1) as restricted, ${closedTo('$1', '$2')} as closed`, [childId, userId], { prepared: true });
      const row = rows[0];
      return !row?.restricted ? 'not_restricted' : row.closed ? 'closed' : 'open';
    },

    /** Which of these children's records are closed to this person (one query for a whole list). */
    async closedAmong(db: Queryable, userId: string, childIds: readonly string[]): Promise<Set<string>> {
      if (childIds.length === 0) return new Set();
      const rows = await db.query<{ child_id: string }>(
        `select c.child_id from unnest($1::text[]) as c(child_id) where ${closedTo('c.child_id', '$2')}`, [[...new Set(childIds)], userId], { prepared: true });
      return new Set(rows.map((row) => row.child_id));
    },

    async find(db: Queryable, childId: string): Promise<RecordRestriction | undefined> {
      const rows = await db.query<{ child_id: string; restricted_by: string; restricted_at: Date | string; reason: string }>(
        `select r.child_id, u.display_name as restricted_by, r.restricted_at, r.reason
           from restricted_records r join users u on u.user_id = r.restricted_by where r.child_id = $1`, [childId]);
      const row = rows[0];
      if (!row) return undefined;
      const people = await db.query<{ user_id: string; display_name: string; username: string }>(
        `select u.user_id, u.display_name, u.username from restricted_record_people p join users u on u.user_id = p.user_id
          where p.child_id = $1 order by u.display_name, u.username`, [childId]);
      return {
        childId: row.child_id, restrictedBy: row.restricted_by, restrictedAt: row.restricted_at, reason: row.reason,
        people: people.map((p) => ({ userId: p.user_id, name: p.display_name, username: p.username })),
      };
    },

    /** Restrict (or re-restrict) a record to exactly these people. */
    async restrict(db: Queryable, childId: string, by: string, reason: string, userIds: readonly string[]): Promise<void> {
      await db.query(
        `insert into restricted_records (child_id, restricted_by, reason) values ($1, $2, $3)
         on conflict (child_id) do update set restricted_by = excluded.restricted_by, restricted_at = now(), reason = excluded.reason`,
        [childId, by, reason]);
      await db.query('delete from restricted_record_people where child_id = $1', [childId]);
      await db.query(
        'insert into restricted_record_people (child_id, user_id) select $1, unnest($2::uuid[]) on conflict do nothing', [childId, [...userIds]]);
    },

    /** Remove a restriction; false when there was none. */
    async remove(db: Queryable, childId: string): Promise<boolean> {
      const rows = await db.query('delete from restricted_records where child_id = $1 returning child_id', [childId]);
      return rows.length > 0;
    },

    /** Accounts that may be named on a restricted record: enabled, and of the given roles (those who open records). */
    async accounts(db: Queryable, roles: readonly string[]): Promise<Account[]> {
      const rows = await db.query<{ user_id: string; display_name: string; username: string }>(
        `select user_id, display_name, username from users where not disabled and role = any($1::text[]) order by display_name, username`, [[...roles]]);
      return rows.map((r) => ({ userId: r.user_id, name: r.display_name, username: r.username }));
    },

    async openGlass(db: Queryable, opening: { openingId: string; childId: string; userId: string; reason: string; hours: number }): Promise<void> {
      await db.query(
        `insert into break_glass_openings (opening_id, child_id, user_id, reason, open_until)
         values ($1, $2, $3, $4, now() + make_interval(hours => $5::int))`,
        [opening.openingId, opening.childId, opening.userId, opening.reason, opening.hours]);
    },

    /** Break-glass openings, the ones not yet reviewed first, newest first. */
    async openings(db: Queryable, limit: number): Promise<BreakGlassOpening[]> {
      const rows = await db.query<{
        opening_id: string; child_id: string; display_name: string; username: string; reason: string; opened_at: Date | string; open_until: Date | string;
        reviewed_by: string | null; reviewed_at: Date | string | null;
      }>(
        `select b.opening_id, b.child_id, u.display_name, u.username, b.reason, b.opened_at, b.open_until, r.display_name as reviewed_by, b.reviewed_at
           from break_glass_openings b join users u on u.user_id = b.user_id left join users r on r.user_id = b.reviewed_by
          order by b.reviewed_at is not null, b.opened_at desc, b.opening_id limit $1`, [limit]);
      return rows.map((r) => ({
        openingId: r.opening_id, childId: r.child_id, userName: r.display_name, username: r.username, reason: r.reason,
        openedAt: r.opened_at, openUntil: r.open_until, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at,
      }));
    },

    /** Mark an opening reviewed; its child when it was waiting, undefined when there is no such opening or it was reviewed. */
    async markReviewed(db: Queryable, openingId: string, by: string): Promise<{ childId: string; username: string } | undefined> {
      const rows = await db.query<{ child_id: string; username: string }>(
        `update break_glass_openings b set reviewed_by = $2, reviewed_at = now() from users u
          where b.opening_id = $1 and b.reviewed_at is null and u.user_id = b.user_id returning b.child_id, u.username`, [openingId, by]);
      return rows[0] && { childId: rows[0].child_id, username: rows[0].username };
    },
  };
}
export type RestrictionRepository = ReturnType<typeof restrictionRepository>;

/** @module SQL for form drafts kept across a session's end. */
import type { Queryable } from '../../../db/database.js';
import type { DraftFields } from './draft.js';

/**
 * SQL for drafts: one per person and form path, replaced by a newer one, dropped after `keepDays`.
 * @example await draftRepository().save(db, userId, '/admin/users/new', { username: 'sam' })
 */
export function draftRepository() {
  return {
    async save(db: Queryable, userId: string, formPath: string, fields: DraftFields): Promise<void> {
      await db.query(
        `insert into drafts (user_id, form_path, fields) values ($1, $2, $3)
         on conflict (user_id, form_path) do update set fields = excluded.fields, saved_at = now()`,
        [userId, formPath, JSON.stringify(fields)],
      );
    },

    async hasAny(db: Queryable, userId: string, keepDays: number): Promise<boolean> {
      const rows = await db.query<{ pending: boolean }>(
        `select exists (select 1 from drafts where user_id = $1 and saved_at > now() - make_interval(secs => $2 * 86400)) as pending`,
        [userId, keepDays],
      );
      return rows[0]?.pending ?? false;
    },

    /** The forms this person has drafts of, newest first: where each was, and when it was kept. */
    async waiting(db: Queryable, userId: string, keepDays: number): Promise<{ formPath: string; savedAt: Date }[]> {
      const rows = await db.query<{ form_path: string; saved_at: Date }>(
        `select form_path, saved_at from drafts where user_id = $1 and saved_at > now() - make_interval(secs => $2 * 86400)
         order by saved_at desc, form_path`,
        [userId, keepDays],
      );
      return rows.map((row) => ({ formPath: row.form_path, savedAt: new Date(row.saved_at) }));
    },

    /** The draft for this form, left in place: it is used up only when the form is saved or the draft discarded. */
    async find(db: Queryable, userId: string, formPath: string, keepDays: number): Promise<DraftFields | undefined> {
      const rows = await db.query<{ fields: DraftFields }>(
        `select fields from drafts where user_id = $1 and form_path = $2 and saved_at > now() - make_interval(secs => $3 * 86400)`,
        [userId, formPath, keepDays],
      );
      return rows[0]?.fields;
    },

    /** Remove this person's draft for a form; true when there was one. */
    async remove(db: Queryable, userId: string, formPath: string): Promise<boolean> {
      const rows = await db.query<{ form_path: string }>('delete from drafts where user_id = $1 and form_path = $2 returning form_path', [userId, formPath]);
      return rows.length > 0;
    },

    /** Drop every draft older than `keepDays`; how many went. */
    async removeExpired(db: Queryable, keepDays: number): Promise<number> {
      const rows = await db.query<{ form_path: string }>(
        `delete from drafts where saved_at <= now() - make_interval(secs => $1 * 86400) returning form_path`,
        [keepDays],
      );
      return rows.length;
    },
  };
}
export type DraftRepository = ReturnType<typeof draftRepository>;

/** @module SQL for form drafts kept across a session's end. */
import type { Queryable } from '../../../db/database.js';
import type { DraftFields } from './draft.js';

/**
 * SQL for drafts: one per person and form path, replaced by a newer one.
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

    async hasAny(db: Queryable, userId: string): Promise<boolean> {
      const rows = await db.query<{ pending: boolean }>('select exists (select 1 from drafts where user_id = $1) as pending', [userId]);
      return rows[0]?.pending ?? false;
    },

    /** The forms this person has drafts of, newest first: where each was, and when it was kept. */
    async waiting(db: Queryable, userId: string): Promise<{ formPath: string; savedAt: Date }[]> {
      const rows = await db.query<{ form_path: string; saved_at: Date }>('select form_path, saved_at from drafts where user_id = $1 order by saved_at desc, form_path', [userId]);
      return rows.map((row) => ({ formPath: row.form_path, savedAt: new Date(row.saved_at) }));
    },

    /** Return and remove the draft for this form, so it is restored once. */
    async take(db: Queryable, userId: string, formPath: string): Promise<DraftFields | undefined> {
      const rows = await db.query<{ fields: DraftFields }>(
        'delete from drafts where user_id = $1 and form_path = $2 returning fields',
        [userId, formPath],
      );
      return rows[0]?.fields;
    },
  };
}
export type DraftRepository = ReturnType<typeof draftRepository>;

/** @module SQL for forms' submission tokens: claimed by the first request that sends one, with where it sent the person on. */
import type { Queryable } from '../../../db/database.js';

/** A claim as the table holds it. */
export interface SubmissionClaim {
  userId: string;
  /** Where the first request sent the person on to; null while it is still being saved. */
  sentTo: string | null;
  /** The message the first request left for that page. */
  notice: string | null;
  /** What the first request sent (sentFields). */
  sentFields: string;
}

/**
 * @example await submissionRepository().claim(db, token, userId, '/children/C1/chronology', sentFields(body), 600) // true: the first
 */
export function submissionRepository() {
  return {
    /** Claims `keepHours` old go (docs/retention.md). */
    async forgetOld(db: Queryable, keepHours: number): Promise<void> {
      await db.query(`delete from form_submissions where claimed_at < now() - make_interval(secs => $1 * 3600)`, [keepHours]);
    },

    /**
     * Claim the token for this person's form; false when another request claimed it first. A claim of the same
     * person's same sending that was never settled and is `abandonedAfterSeconds` old is claimed afresh: the request
     * that made it is no longer running.
     */
    async claim(db: Queryable, token: string, userId: string, formPath: string, sentFields: string, abandonedAfterSeconds: number): Promise<boolean> {
      const rows = await db.query<{ token: string }>(
        `insert into form_submissions (token, user_id, form_path, sent_fields) values ($1, $2, $3, $4)
         on conflict (token) do update set claimed_at = excluded.claimed_at
           where form_submissions.sent_to is null
             and form_submissions.user_id = excluded.user_id
             and form_submissions.sent_fields = excluded.sent_fields
             and form_submissions.claimed_at < now() - make_interval(secs => $5)
         returning token`,
        [token, userId, formPath, sentFields, abandonedAfterSeconds],
      );
      return rows.length > 0;
    },

    async find(db: Queryable, token: string): Promise<SubmissionClaim | undefined> {
      const rows = await db.query<{ user_id: string; sent_to: string | null; notice: string | null; sent_fields: string }>(
        'select user_id, sent_to, notice, sent_fields from form_submissions where token = $1',
        [token],
      );
      return rows[0] && { userId: rows[0].user_id, sentTo: rows[0].sent_to, notice: rows[0].notice, sentFields: rows[0].sent_fields };
    },

    /** The form was saved and the person sent on to `sentTo`, with `notice` left for that page. */
    async noteSentTo(db: Queryable, token: string, sentTo: string, notice: string | null): Promise<void> {
      await db.query('update form_submissions set sent_to = $2, notice = $3 where token = $1', [token, sentTo, notice]);
    },

    /** The form was not saved (shown again with problems, or failed): the token may be sent again. */
    async release(db: Queryable, token: string): Promise<void> {
      await db.query('delete from form_submissions where token = $1', [token]);
    },
  };
}
export type SubmissionRepository = ReturnType<typeof submissionRepository>;

/** @module SQL for amendments: corrections kept beside the records they correct. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import type { AmendedRecordKind, Amendment } from './amendment.js';

interface AmendmentRow {
  amendment_id: string; record_kind: AmendedRecordKind; record_id: string; reason: string;
  before: Record<string, string>; after: Record<string, string>; amended_by: string; amended_at: Date | string;
}

const toAmendment = (r: AmendmentRow): Amendment => ({
  amendmentId: r.amendment_id, recordKind: r.record_kind, recordId: r.record_id, reason: r.reason, before: r.before, after: r.after,
  amendedBy: r.amended_by, amendedAt: new Date(r.amended_at).toISOString(),
});

/** @example await amendmentRepository().add(tx, { childId: 'C1', recordKind: 'placement', recordId: 'PLC1', reason: 'Typo', before, after, userId }) */
export function amendmentRepository() {
  return {
    /** `childId` is null for a record that belongs to no child (a training session, a survey wave). */
    async add(db: Queryable, amendment: { childId: string | null; recordKind: AmendedRecordKind; recordId: string; reason: string; before: object; after: object; userId: string }): Promise<void> {
      await db.query(
        `insert into amendments (amendment_id, child_id, record_kind, record_id, reason, before, after, amended_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [randomUUID(), amendment.childId, amendment.recordKind, amendment.recordId, amendment.reason, JSON.stringify(amendment.before), JSON.stringify(amendment.after), amendment.userId],
      );
    },

    /** A child's amendments of one kind of record, oldest first, with the name of whoever made each. */
    async forChild(db: Queryable, childId: string, recordKind: AmendedRecordKind): Promise<Amendment[]> {
      const rows = await db.query<AmendmentRow>(
        `select a.amendment_id, a.record_kind, a.record_id, a.reason, a.before, a.after, u.display_name as amended_by, a.amended_at
           from amendments a join users u on u.user_id = a.amended_by
          where a.child_id = $1 and a.record_kind = $2 order by a.amended_at, a.amendment_id`,
        [childId, recordKind],
      );
      return rows.map(toAmendment);
    },

    /** The amendments of one kind of record, of the records named (or all of them), oldest first. */
    async forRecords(db: Queryable, recordKind: AmendedRecordKind, recordIds?: readonly string[]): Promise<Amendment[]> {
      const rows = await db.query<AmendmentRow>(
        `select a.amendment_id, a.record_kind, a.record_id, a.reason, a.before, a.after, u.display_name as amended_by, a.amended_at
           from amendments a join users u on u.user_id = a.amended_by
          where a.record_kind = $1 and ($2::text[] is null or a.record_id = any($2::text[])) order by a.amended_at, a.amendment_id`,
        [recordKind, recordIds ? [...recordIds] : null],
      );
      return rows.map(toAmendment);
    },
  };
}
export type AmendmentRepository = ReturnType<typeof amendmentRepository>;

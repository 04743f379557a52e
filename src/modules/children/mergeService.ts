/** @module Merging two records of one child, for managers who may see both: one transaction, audited against both ids. */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { ChildService } from './childService.js';
import type { MergeRepository } from './mergeRepository.js';
import { may } from '../../platform/access/access.js';

export type Merged = { outcome: 'merged'; moved: Record<string, number> } | { outcome: 'same_child' | 'not_found' | 'forbidden' | 'conflict' };

/** @example const merges = mergeService(db, mergeRepository(), children, audit) */
export function mergeService(db: Database, repository: MergeRepository, children: ChildService, audit: AuditService) {
  return {
    /**
     * Where a merged-away id now lives, for someone who may open the surviving record; nothing otherwise, so the old
     * id answers as any record this person may not open. Merges that chain are kept one step (mergeRepository).
     * @example const kept = await merges.survivingRecord(manager, 'A1-dup') // 'A1'
     */
    async survivingRecord(user: SignedInUser, childId: string): Promise<string | undefined> {
      const kept = await repository.mergedInto(db, childId);
      if (!kept) return undefined;
      return (await children.guard(user, kept, `GET merged record ${childId}`)) ? kept : undefined;
    },

    /**
     * Merge `duplicateId` into `keepId`. Refused unless the person is a manager who may see both records.
     * `conflict` when the two records cannot be one child's (e.g. placements that overlap).
     * @example await merges.merge(manager, 'A1', 'A1-dup', 'Same child recorded twice by two teams')
     */
    async merge(user: SignedInUser, keepId: string, duplicateId: string, reason: string): Promise<Merged> {
      if (keepId === duplicateId) return { outcome: 'same_child' };
      if (!may(user, 'child:merge')) return { outcome: 'forbidden' };
      // Both ids pass the same scope check as the child's page (refusals audited). An id this person may not open
      // is answered as an unknown one, so the form never confirms that a record exists.
      for (const childId of [keepId, duplicateId]) {
        if (!(await children.guard(user, childId, 'POST /children/:childId/merge'))) return { outcome: 'not_found' };
      }
      try {
        return await db.transaction(async (tx) => {
          const locked = await repository.lockChildren(tx, [keepId, duplicateId]);
          if (locked.length !== 2) return { outcome: 'not_found' as const };
          const moved = await repository.merge(tx, { keep: keepId, from: duplicateId, reason, userId: user.userId });
          const event = { action: 'child.merged' as const, reason, details: { keptChildId: keepId, mergedChildId: duplicateId, moved } };
          await audit.record({ kind: 'user', user }, { ...event, childId: keepId, subject: `merged ${duplicateId}` }, tx);
          await audit.record({ kind: 'user', user }, { ...event, childId: duplicateId, subject: `merged into ${keepId}` }, tx);
          return { outcome: 'merged' as const, moved };
        });
      } catch (error) {
        // 23P01 exclusion (overlapping placements), 23514 check, 23503 a record elsewhere still refers to the duplicate.
        const code = (error as { code?: string }).code;
        if (code === '23P01' || code === '23514' || code === '23503' || code === '23505') return { outcome: 'conflict' };
        throw error;
      }
    },
  };
}
export type MergeService = ReturnType<typeof mergeService>;

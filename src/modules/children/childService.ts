/** @module Finding and reading children's records: scoped to the reader, and every search and view audited. */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { SignedInUser } from '../users/user.js';
import type { ChildSearch, ChildSearchResult, ChildSummary } from './child.js';
import { childScope } from './childPolicy.js';
import type { ChildRepository } from './childRepository.js';
import type { ChildDetailsChange } from './childDetails.js';

export type ChildView = { outcome: 'shown'; summary: ChildSummary } | { outcome: 'not_found' } | { outcome: 'forbidden' };

export function childService(db: Database, repository: ChildRepository, audit: AuditService) {
  return {
    /** @example await children.search(user, { text: 'Boyd', limit: 50 }) */
    async search(user: SignedInUser, search: ChildSearch): Promise<ChildSearchResult[]> {
      const scope = childScope(user);
      if (scope.kind === 'none') return [];
      const results = await repository.search(db, scope, search);
      await audit.record({ kind: 'user', user }, {
        action: 'child.searched',
        details: { text: search.text ?? null, dateOfBirth: search.dateOfBirth ?? null, results: results.length },
      });
      return results;
    },

    /**
     * May this person see (and so work on) this child's record? Other modules ask this before any read or
     * change of a child's record; it does not audit — the caller audits what it then does.
     * @example if (!(await children.mayAccess(user, childId))) throw forbidden()
     */
    async mayAccess(user: SignedInUser, childId: string): Promise<boolean> {
      const scope = childScope(user);
      return scope.kind !== 'none' && repository.isInScope(db, scope, childId);
    },

    /**
     * Correct a child's details. Refused when the new name and date of birth match another child's: that is a
     * duplicate to merge, not to make.
     * @example await children.changeDetails(worker, 'A1', { forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04', sex: 'F', schoolCluster: 'Belmont', locality: null })
     */
    async changeDetails(user: SignedInUser, childId: string, details: ChildDetailsChange): Promise<{ outcome: 'changed' | 'not_found' | 'forbidden' } | { outcome: 'duplicate'; childIds: string[] }> {
      const scope = childScope(user);
      if (!(await repository.exists(db, childId))) return { outcome: 'not_found' };
      if (scope.kind === 'none' || !(await repository.isInScope(db, scope, childId))) return { outcome: 'forbidden' };
      const duplicates = await repository.likelyDuplicates(db, childId, details.forename, details.surname, details.dateOfBirth);
      if (duplicates.length) return { outcome: 'duplicate', childIds: duplicates };
      await db.transaction(async (tx) => {
        await repository.updateDetails(tx, childId, details);
        await audit.record({ kind: 'user', user }, { action: 'child.changed', childId, subject: 'details', details: { ...details } }, tx);
      });
      return { outcome: 'changed' };
    },

    /** Open a child's summary. Refusals are audited too: an attempt to see a record is itself a fact. */
    async view(user: SignedInUser, childId: string): Promise<ChildView> {
      const scope = childScope(user);
      const exists = await repository.exists(db, childId);
      if (!exists) return { outcome: 'not_found' };
      if (scope.kind === 'none' || !(await repository.isInScope(db, scope, childId))) {
        await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      const summary = await repository.summary(db, childId);
      if (!summary) return { outcome: 'not_found' };
      await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'summary' });
      return { outcome: 'shown', summary };
    },
  };
}
export type ChildService = ReturnType<typeof childService>;

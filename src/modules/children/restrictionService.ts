/**
 * @module Restricted records (issue 16, ADR 0044): a service manager restricts a child's record to named people or
 * removes the restriction; anyone else in scope may open it by giving a reason (break-glass), which opens it to them for
 * `breakGlassHours` and waits on a list for a service manager to review. Every change is audited in its transaction.
 */
import type { Database } from '../../db/database.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { rolesWith } from '../../platform/access/roles.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { AuditService } from '../audit/auditService.js';
import type { Account, BreakGlassOpening, RecordRestriction, RestrictionRepository } from './restrictionRepository.js';

/** How long a break-glass opening lasts: a working day, whether or not the person signs out meanwhile (ADR 0044). */
export const breakGlassHours = 8;

export type RestrictOutcome = { outcome: 'restricted' } | { outcome: 'unknown_people'; userIds: string[] };

/** @example const restrictions = restrictionService(db, restrictionRepository(), audit) */
export function restrictionService(db: Database, repository: RestrictionRepository, audit: AuditService) {
  /** Accounts that open children's records: the people a record may be restricted to. */
  const accounts = (): Promise<Account[]> => repository.accounts(db, rolesWith('child:view'));

  return {
    accounts,

    /**
     * The record's restriction, if any, for the page that manages it (a view of the child's record: audited).
     * @example await restrictions.restrictionOf(manager, 'C1') // { childId: 'C1', people: [...], ... } or undefined
     */
    async restrictionOf(user: SignedInUser, childId: string): Promise<RecordRestriction | undefined> {
      const restriction = await repository.find(db, childId);
      await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'restriction' });
      return restriction;
    },

    /**
     * Restrict a record to these people (the person restricting it always among them, so they cannot lock themselves
     * out), replacing any list it had.
     * @example await restrictions.restrict(manager, 'C1', { reason: 'A staff member’s child', userIds: [workerId] })
     */
    async restrict(user: SignedInUser, childId: string, change: { reason: string; userIds: readonly string[] }): Promise<RestrictOutcome> {
      const known = new Map((await accounts()).map((account) => [account.userId, account]));
      const unknown = change.userIds.filter((userId) => !known.has(userId));
      if (unknown.length) return { outcome: 'unknown_people', userIds: unknown };
      const userIds = [...new Set([...change.userIds, user.userId])];
      await db.transaction(async (tx) => {
        await repository.restrict(tx, childId, user.userId, change.reason, userIds);
        await audit.record({ kind: 'user', user }, {
          action: 'child.restricted', childId, subject: 'restriction', reason: change.reason,
          details: { people: userIds.map((userId) => known.get(userId)?.username ?? userId) },
        }, tx);
      });
      return { outcome: 'restricted' };
    },

    /** @example await restrictions.remove(manager, 'C1') // true, or false when it was not restricted */
    async remove(user: SignedInUser, childId: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        if (!(await repository.remove(tx, childId))) return false;
        await audit.record({ kind: 'user', user }, { action: 'child.restriction_removed', childId, subject: 'restriction' }, tx);
        return true;
      });
    },

    /**
     * Open a restricted record to this person for `breakGlassHours`, audited with their reason.
     * @example await restrictions.breakGlass(worker, 'C1', 'Duty call: the police are asking about a placement')
     */
    async breakGlass(user: SignedInUser, childId: string, reason: string): Promise<void> {
      await db.transaction(async (tx) => {
        const openingId = newRecordId('BG');
        await repository.openGlass(tx, { openingId, childId, userId: user.userId, reason, hours: breakGlassHours });
        await audit.record({ kind: 'user', user }, { action: 'child.break_glass', childId, subject: openingId, reason, details: { hours: breakGlassHours } }, tx);
      });
    },

    /** Break-glass openings for service managers to review, those waiting first. */
    async openings(): Promise<BreakGlassOpening[]> {
      return repository.openings(db, 500);
    },

    /**
     * Mark an opening reviewed (audited); false when there is no such opening waiting.
     * @example await restrictions.markReviewed(manager, 'BG-7K3M9QXA')
     */
    async markReviewed(user: SignedInUser, openingId: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const reviewed = await repository.markReviewed(tx, openingId, user.userId);
        if (!reviewed) return false;
        await audit.record({ kind: 'user', user }, {
          action: 'child.break_glass_reviewed', childId: reviewed.childId, subject: openingId, details: { openedBy: reviewed.username },
        }, tx);
        return true;
      });
    },
  };
}
export type RestrictionService = ReturnType<typeof restrictionService>;

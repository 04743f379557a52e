/** @module Referral use cases: record (one child or siblings), screen, decide a pathway, allocate, close the case. Each audited in its own transaction. */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import type { FamilyFirstService } from '../familyFirst/familyFirstService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { allocatedPathways, type NewReferral, type ReferralRecord } from './referral.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { may, overseesTeam, teamsOverseen } from '../../platform/access/access.js';
import { rolesWith } from '../../platform/access/roles.js';
import type { CaseRecord, ReferralRepository } from './referralRepository.js';
import { type ClosureReason, type Pathway } from '../../platform/codes/referralCodes.js';

export type Recorded = { outcome: 'recorded'; groupId: string; referralIds: string[] } | { outcome: 'problems'; problems: Record<number, string> };
export type Decided = { outcome: 'decided' } | { outcome: 'not_found' | 'forbidden' | 'already_decided' | 'before_received' };
export type Allocated = { outcome: 'allocated'; caseId: string; involvementId: string | null } | { outcome: 'not_found' | 'forbidden' | 'not_allocatable' | 'already_allocated' | 'unknown_worker' | 'before_decision' };
export type Closed = { outcome: 'closed'; childId: string } | { outcome: 'not_found' } | { outcome: 'forbidden' } | { outcome: 'already_closed' } | { outcome: 'before_opened' };

/**
 * @example const referrals = referralService(db, referralRepository(), familyFirst, children, audit, { decisionTargetDays: 7 })
 */
export function referralService(
  db: Database,
  repository: ReferralRepository,
  familyFirst: Pick<FamilyFirstService, 'startInvolvement'>,
  children: ChildService,
  audit: AuditService,
  settings: { decisionTargetDays: number },
) {
  const actor = (user: SignedInUser) => ({ kind: 'user' as const, user });

  return {
    decisionTargetDays: settings.decisionTargetDays,

    /**
     * Record a referral for each child named. A new child whose name and date of birth match a child already
     * recorded is refused (the problem names the existing record to use), so duplicates are not made.
     * @example await referrals.record(user, { receivedDate: '2022-03-01', source: 'education', reason: 'Attendance', schoolCluster: 'Belmont', team: 'Family First', children: [{ kind: 'existing', childId: 'A1' }] })
     */
    async record(user: SignedInUser, referral: NewReferral): Promise<Recorded> {
      // A child referred by id passes the same scope check as their page (refusals audited); the answer is the same
      // whether the id is unknown or not this person's to open, so ids cannot be tried to find who is recorded.
      const refusedIds = new Set<number>();
      for (const [index, child] of referral.children.entries()) {
        if (child.kind === 'existing' && !(await children.guard(user, child.childId, 'POST /referrals/new'))) refusedIds.add(index);
      }
      type Checked = { outcome: 'problems'; problems: Record<number, string>; duplicatesOf: Record<number, string[]> };
      const recorded = await db.transaction(async (tx): Promise<Checked | Extract<Recorded, { outcome: 'recorded' }>> => {
        const problems: Record<number, string> = {};
        const duplicatesOf: Record<number, string[]> = {};
        let familyId: string | null = null;
        for (const [index, child] of referral.children.entries()) {
          if (child.kind === 'existing') {
            if (refusedIds.has(index)) {
              problems[index] = `You cannot refer a child by Cairn id ${child.childId}: check the id, or ask your manager`;
              continue;
            }
            const found = await repository.familyOf(tx, child.childId);
            if (!found.exists) problems[index] = `There is no child with Cairn id ${child.childId}`;
            familyId ??= found.familyId;
          } else {
            const duplicates = await repository.likelyDuplicates(tx, child.forename, child.surname, child.dateOfBirth);
            if (duplicates.length) duplicatesOf[index] = duplicates;
          }
        }
        if (Object.keys(problems).length || Object.keys(duplicatesOf).length) return { outcome: 'problems' as const, problems, duplicatesOf };
        if (!familyId) {
          familyId = newRecordId('FAM');
          await repository.addFamily(tx, familyId);
        }
        const groupId = newRecordId('GRP');
        const referralIds: string[] = [];
        for (const child of referral.children) {
          let childId: string;
          if (child.kind === 'existing') {
            childId = child.childId;
            await repository.setFamily(tx, childId, familyId);
          } else {
            childId = await children.newChildId(tx);
            await repository.addChild(tx, { childId, familyId, forename: child.forename, surname: child.surname, dateOfBirth: child.dateOfBirth, schoolCluster: referral.schoolCluster });
            await audit.record(actor(user), { action: 'child.created', childId, subject: 'referral' }, tx);
          }
          const referralId = newRecordId('REF');
          await repository.addIntake(tx, {
            referralId, groupId, childId, receivedDate: referral.receivedDate, source: referral.source, reason: referral.reason,
            schoolCluster: referral.schoolCluster, team: referral.team, recordedBy: user.userId,
          });
          await audit.record(actor(user), { action: 'referral.recorded', childId, subject: referralId, details: { groupId, team: referral.team } }, tx);
          referralIds.push(referralId);
        }
        return { outcome: 'recorded' as const, groupId, referralIds };
      });
      if (recorded.outcome === 'recorded') return recorded;
      // A new child already recorded is named only to someone who may open that record.
      const problems = { ...recorded.problems };
      for (const [index, ids] of Object.entries(recorded.duplicatesOf)) {
        const child = referral.children[Number(index)]!;
        const name = child.kind === 'new' ? `${child.forename.trim()} ${child.surname.trim()}` : '';
        const mayOpen = await children.accessibleAmong(user, ids);
        problems[Number(index)] = ids.every((id) => mayOpen.has(id))
          ? `${name}, born on that date, is already recorded (Cairn id ${ids.join(', ')}). Enter the Cairn id to refer that child`
          : `A record exists for ${name}, born on that date — ask your manager before referring this child`;
      }
      return { outcome: 'problems', problems };
    },

    /** The team manager's tray (every team's for a service manager); empty for anyone without one. */
    async tray(user: SignedInUser): Promise<ReferralRecord[]> {
      const scope = may(user, 'referral:manage') ? teamsOverseen(user) : undefined;
      if (!scope) return [];
      return repository.tray(db, 'all' in scope ? null : scope.team);
    },

    /** One referral with its siblings, for those who may work it; the view is audited. */
    async view(user: SignedInUser, referralId: string): Promise<{ outcome: 'shown'; referral: ReferralRecord; siblings: ReferralRecord[]; workers: { workerId: string; displayName: string }[] } | { outcome: 'not_found' | 'forbidden' }> {
      const referral = await repository.find(db, referralId);
      if (!referral) return { outcome: 'not_found' };
      if (!overseesTeam(user, referral.team)) {
        await audit.record(actor(user), { action: 'referral.viewed', childId: referral.childId, subject: referralId, details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      const [group, workers] = await Promise.all([repository.group(db, referral.groupId), repository.workersInTeam(db, referral.team, rolesWith('caseload:own'))]);
      await audit.record(actor(user), { action: 'referral.viewed', childId: referral.childId, subject: referralId });
      return { outcome: 'shown', referral, siblings: group.filter((r) => r.referralId !== referralId), workers };
    },

    /** @example await referrals.screen(manager, 'ref-1', 'School report read; parents spoken to') */
    async screen(user: SignedInUser, referralId: string, notes: string): Promise<Decided> {
      return db.transaction(async (tx) => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' as const };
        if (!overseesTeam(user, referral.team)) return { outcome: 'forbidden' as const };
        if (referral.pathway !== null) return { outcome: 'already_decided' as const };
        await repository.screen(tx, referralId, notes, user.userId);
        await audit.record(actor(user), { action: 'referral.screened', childId: referral.childId, subject: referralId }, tx);
        return { outcome: 'decided' as const };
      });
    },

    /** @example await referrals.decide(manager, 'ref-1', { pathway: 'family_first', reason: 'Needs early help', decidedDate: '2022-03-03' }) */
    async decide(user: SignedInUser, referralId: string, decision: { pathway: Pathway; reason: string; decidedDate: string }): Promise<Decided> {
      return db.transaction(async (tx) => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' as const };
        if (!overseesTeam(user, referral.team) || !may(user, 'referral:manage')) return { outcome: 'forbidden' as const };
        if (referral.pathway !== null) return { outcome: 'already_decided' as const };
        if (decision.decidedDate < referral.receivedDate) return { outcome: 'before_received' as const };
        await repository.decide(tx, referralId, { ...decision, userId: user.userId, closes: !allocatedPathways.includes(decision.pathway) });
        await audit.record(actor(user), {
          action: 'referral.decided', childId: referral.childId, subject: referralId, reason: decision.reason, details: { pathway: decision.pathway },
        }, tx);
        return { outcome: 'decided' as const };
      });
    },

    /**
     * Allocate a decided referral to a worker in its team: opens a case, and for Family First an involvement.
     * @example await referrals.allocate(manager, 'ref-1', { workerId: 'W1', openedDate: '2022-03-04' })
     */
    async allocate(user: SignedInUser, referralId: string, allocation: { workerId: string; openedDate: string }): Promise<Allocated> {
      return db.transaction(async (tx) => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' as const };
        if (!overseesTeam(user, referral.team) || !may(user, 'referral:manage')) return { outcome: 'forbidden' as const };
        if (referral.pathway === null || !allocatedPathways.includes(referral.pathway)) return { outcome: 'not_allocatable' as const };
        if (referral.caseId !== null) return { outcome: 'already_allocated' as const };
        if (allocation.openedDate < (referral.decidedDate ?? referral.receivedDate)) return { outcome: 'before_decision' as const };
        const workers = await repository.workersInTeam(tx, referral.team, rolesWith('caseload:own'));
        if (!workers.some((w) => w.workerId === allocation.workerId)) return { outcome: 'unknown_worker' as const };
        const caseId = newRecordId('CASE');
        await repository.openCase(tx, { caseId, childId: referral.childId, team: referral.team, workerId: allocation.workerId, openedDate: allocation.openedDate });
        await repository.linkCase(tx, referralId, caseId);
        let involvementId: string | null = null;
        if (referral.pathway === 'family_first') {
          involvementId = newRecordId('FFI');
          await familyFirst.startInvolvement(tx, { involvementId, caseId, childId: referral.childId, referralId, startedDate: allocation.openedDate });
        }
        await audit.record(actor(user), {
          action: 'referral.allocated', childId: referral.childId, subject: referralId, details: { caseId, workerId: allocation.workerId, team: referral.team },
        }, tx);
        return { outcome: 'allocated' as const, caseId, involvementId };
      });
    },

    /** A case, for someone who may work on its child. */
    async findCase(user: SignedInUser, caseId: string): Promise<{ outcome: 'shown'; case: CaseRecord; closure?: { reason: ClosureReason; notes: string | null } } | { outcome: 'not_found' | 'forbidden' }> {
      const found = await repository.findCase(db, caseId);
      if (!found) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, found.childId))) return { outcome: 'forbidden' };
      return { outcome: 'shown', case: found, closure: await repository.closureOf(db, caseId) };
    },

    /**
     * Close a case, saying why. Closes the referral that opened it and its Family First involvement too.
     * @example await referrals.closeCase(worker, 'case-1', { closedDate: '2022-09-30', reason: 'outcomes_met', notes: null })
     */
    async closeCase(user: SignedInUser, caseId: string, closure: { closedDate: string; reason: ClosureReason; notes: string | null }): Promise<Closed> {
      const before = await repository.findCase(db, caseId);
      if (!before) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, before.childId))) return { outcome: 'forbidden' };
      return db.transaction(async (tx) => {
        const found = await repository.findCase(tx, caseId, true);
        if (!found) return { outcome: 'not_found' as const };
        if (found.closedDate !== null) return { outcome: 'already_closed' as const };
        if (closure.closedDate < found.openedDate) return { outcome: 'before_opened' as const };
        await repository.closeCase(tx, { caseId, ...closure, userId: user.userId });
        await audit.record(actor(user), { action: 'case.closed', childId: found.childId, subject: caseId, reason: closure.reason, details: { closedDate: closure.closedDate } }, tx);
        return { outcome: 'closed' as const, childId: found.childId };
      });
    },
  };
}
export type ReferralService = ReturnType<typeof referralService>;

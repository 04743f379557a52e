/** @module Working a Family First involvement: the plan, sessions, the family's words, and stepping up or down. Each change audited. */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { InvolvementRecord } from './familyFirst.js';
import type { FamilyFirstRepository } from './familyFirstRepository.js';
import { type InvolvementEnding } from '../../platform/codes/referralCodes.js';

export type Changed = { outcome: 'changed' } | { outcome: 'not_found' | 'forbidden' | 'ended' | 'before_start' };

/** @example const familyFirst = familyFirstService(db, familyFirstRepository(), children, audit) */
export function familyFirstService(db: Database, repository: FamilyFirstRepository, children: ChildService, audit: AuditService) {
  const actor = (user: SignedInUser) => ({ kind: 'user' as const, user });

  /** Lock the involvement, check the person may work on the child, and run `change` if it is still open. */
  async function change(user: SignedInUser, involvementId: string, work: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], startedDate: string, childId: string) => Promise<Changed | undefined>): Promise<Changed> {
    const before = await repository.find(db, involvementId);
    if (!before) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, before.childId))) return { outcome: 'forbidden' };
    return db.transaction(async (tx) => {
      const involvement = await repository.find(tx, involvementId, true);
      if (!involvement) return { outcome: 'not_found' as const };
      if (involvement.endedDate !== null) return { outcome: 'ended' as const };
      return (await work(tx, involvement.startedDate, involvement.childId)) ?? { outcome: 'changed' as const };
    });
  }

  return {
    /**
     * Start a Family First involvement for a case just opened, inside the caller's transaction (allocating a referral
     * opens the case and the involvement together; the caller checks and audits the allocation).
     * @example await familyFirst.startInvolvement(tx, { involvementId, caseId, childId, referralId, startedDate })
     */
    startInvolvement(tx: Queryable, involvement: { involvementId: string; caseId: string; childId: string; referralId: string | null; startedDate: string }): Promise<void> {
      return repository.start(tx, involvement);
    },

    /** The involvement with its sessions and feedback, for those who may see the child; audited. */
    async view(user: SignedInUser, involvementId: string): Promise<{ outcome: 'shown'; record: InvolvementRecord } | { outcome: 'not_found' | 'forbidden' }> {
      const involvement = await repository.find(db, involvementId);
      if (!involvement) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, involvement.childId))) {
        await audit.record(actor(user), { action: 'family_first.viewed', childId: involvement.childId, subject: involvementId, details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      const [sessions, feedback] = await Promise.all([repository.sessions(db, involvementId), repository.feedback(db, involvementId)]);
      await audit.record(actor(user), { action: 'family_first.viewed', childId: involvement.childId, subject: involvementId });
      return { outcome: 'shown', record: { involvement, sessions, feedback } };
    },

    /** The involvement a case carries, if any. */
    involvementForCase: (caseId: string) => repository.forCase(db, caseId),

    /** @example await familyFirst.setPlan(worker, 'ffi-1', 'Weekly sessions on routines') */
    setPlan(user: SignedInUser, involvementId: string, plan: string): Promise<Changed> {
      return change(user, involvementId, async (tx, _started, childId) => {
        await repository.setPlan(tx, involvementId, plan);
        await audit.record(actor(user), { action: 'family_first.changed', childId, subject: involvementId, details: { changed: 'plan' } }, tx);
        return undefined;
      });
    },

    /** @example await familyFirst.addSession(worker, 'ffi-1', { sessionDate: '2022-03-10', who: 'Mum, Ailsa', whatWasDone: 'Morning routine plan' }) */
    addSession(user: SignedInUser, involvementId: string, session: { sessionDate: string; who: string; whatWasDone: string }): Promise<Changed> {
      return change(user, involvementId, async (tx, startedDate, childId) => {
        if (session.sessionDate < startedDate) return { outcome: 'before_start' };
        const sessionId = newRecordId('FFS');
        await repository.addSession(tx, { sessionId, involvementId, ...session, recordedBy: user.userId });
        await audit.record(actor(user), { action: 'family_first.changed', childId, subject: involvementId, details: { changed: 'session', sessionId } }, tx);
        return undefined;
      });
    },

    /** @example await familyFirst.addFeedback(worker, 'ffi-1', { givenDate: '2022-04-01', words: 'We feel listened to', consentToQuote: true }) */
    addFeedback(user: SignedInUser, involvementId: string, feedback: { givenDate: string; words: string; consentToQuote: boolean }): Promise<Changed> {
      return change(user, involvementId, async (tx, _started, childId) => {
        const feedbackId = newRecordId('FFF');
        await repository.addFeedback(tx, { feedbackId, involvementId, ...feedback, recordedBy: user.userId });
        await audit.record(actor(user), { action: 'family_first.changed', childId, subject: involvementId, details: { changed: 'feedback', feedbackId } }, tx);
        return undefined;
      });
    },

    /** Step up to statutory social work, or down to universal services. @example await familyFirst.end(worker, 'ffi-1', { endedDate: '2022-09-01', ending: 'step_down', notes: null }) */
    end(user: SignedInUser, involvementId: string, ending: { endedDate: string; ending: InvolvementEnding; notes: string | null }): Promise<Changed> {
      return change(user, involvementId, async (tx, startedDate, childId) => {
        if (ending.endedDate < startedDate) return { outcome: 'before_start' };
        await repository.end(tx, involvementId, ending);
        await audit.record(actor(user), { action: 'family_first.changed', childId, subject: involvementId, details: { changed: 'ending', ending: ending.ending } }, tx);
        return undefined;
      });
    },
  };
}
export type FamilyFirstService = ReturnType<typeof familyFirstService>;

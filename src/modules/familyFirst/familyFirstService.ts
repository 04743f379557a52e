/** @module Working a Family First involvement: the plan, sessions, the family's words, and stepping up or down. Each change audited. */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { endingFor, type CaseHandOver, type Ending, type Involvement, type InvolvementRecord, type SessionDetails } from './familyFirst.js';
import type { FamilyFirstRepository } from './familyFirstRepository.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import { changedFields } from '../../platform/amendments/amendment.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { stepUpSummary } from './stepUpSummary.js';

export type Changed = { outcome: 'changed'; childId?: string } | { outcome: 'not_found' | 'forbidden' | 'ended' | 'before_start' | 'stale' | 'unknown_team' };
export type Corrected = { outcome: 'changed' } | { outcome: 'not_found' | 'forbidden' | 'before_start' | 'stale' };

/** A session as people see it, for its amendment's before and after. */
const shownSession = (s: SessionDetails) => ({ Date: longDateOf(s.sessionDate), 'Who took part': s.who, 'What was done': s.whatWasDone });

/** @example const familyFirst = familyFirstService(db, familyFirstRepository(), children, audit, amendmentRepository(), handOver) */
export function familyFirstService(db: Database, repository: FamilyFirstRepository, children: ChildService, audit: AuditService, amendments: AmendmentRepository, handOver: CaseHandOver) {
  const actor = (user: SignedInUser) => ({ kind: 'user' as const, user });

  /** Lock the involvement, check the person may work on the child, and run `change` if it is still open. */
  async function change(user: SignedInUser, involvementId: string, work: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], startedDate: string, childId: string, involvement: Involvement) => Promise<Changed | undefined>): Promise<Changed> {
    const before = await repository.find(db, involvementId);
    if (!before) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, before.childId))) return { outcome: 'forbidden' };
    return db.transaction(async (tx) => {
      const involvement = await repository.find(tx, involvementId, true);
      if (!involvement) return { outcome: 'not_found' as const };
      if (involvement.endedDate !== null) return { outcome: 'ended' as const };
      return (await work(tx, involvement.startedDate, involvement.childId, involvement)) ?? { outcome: 'changed' as const };
    });
  }

  /** Lock one standing session of the involvement, check the person may work on the child, and run `work`. */
  async function amend(user: SignedInUser, involvementId: string, sessionId: string, work: (tx: Queryable, session: SessionDetails, startedDate: string, childId: string) => Promise<Corrected | undefined>): Promise<Corrected> {
    const before = await repository.find(db, involvementId);
    if (!before) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, before.childId))) return { outcome: 'forbidden' };
    return db.transaction(async (tx) => {
      const session = await repository.session(tx, involvementId, sessionId, true);
      if (!session) return { outcome: 'not_found' as const };
      return (await work(tx, session, before.startedDate, before.childId)) ?? { outcome: 'changed' as const };
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
      const [sessions, withdrawn, feedback, corrections] = await Promise.all([
        repository.sessions(db, involvementId), repository.sessions(db, involvementId, true), repository.feedback(db, involvementId),
        amendments.forChild(db, involvement.childId, 'family_first_session'),
      ]);
      const ours = new Set([...sessions, ...withdrawn].map((s) => s.sessionId));
      await audit.record(actor(user), { action: 'family_first.viewed', childId: involvement.childId, subject: involvementId });
      return { outcome: 'shown', record: { involvement, sessions, feedback, withdrawn, amendments: corrections.filter((a) => ours.has(a.recordId)) } };
    },

    /** The involvement a case carries, if any. */
    involvementForCase: (caseId: string) => repository.forCase(db, caseId),

    /** Teams a step up can send the referral to (every other team someone works in). */
    stepUpTeams: (involvement: Involvement) => repository.otherTeams(db, involvement.team),

    /**
     * Save the plan, as merged by the form against `version` (the version it is saved over): refused as `stale` when
     * someone else saved in between, so nothing is overwritten silently.
     * @example await familyFirst.setPlan(worker, 'ffi-1', 'Weekly sessions on routines', 1)
     */
    setPlan(user: SignedInUser, involvementId: string, plan: string, version: number): Promise<Changed> {
      return change(user, involvementId, async (tx, _started, childId) => {
        if (!(await repository.setPlan(tx, involvementId, plan, version))) return { outcome: 'stale' };
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

    /**
     * End the involvement and close its case together, the reason said once. A step up also sends a referral, carrying
     * the Family First history, to the statutory team's tray. One transaction, audited.
     * @example await familyFirst.end(worker, 'ffi-1', { endedDate: '2022-09-01', reason: 'stepped_up_statutory', notes: 'Neglect concerns', stepUpTeam: 'Children and Families North' })
     */
    end(user: SignedInUser, involvementId: string, ending: Ending): Promise<Changed> {
      return change(user, involvementId, async (tx, startedDate, childId, involvement) => {
        if (ending.endedDate < startedDate) return { outcome: 'before_start' };
        const steppingUp = endingFor(ending.reason) === 'step_up';
        let steppedUpReferralId: string | null = null;
        if (steppingUp) {
          if (!ending.stepUpTeam || !(await repository.otherTeams(tx, involvement.team)).includes(ending.stepUpTeam)) return { outcome: 'unknown_team' };
          const sessions = await repository.sessions(tx, involvementId);
          const reason = stepUpSummary({ ...involvement, endedDate: ending.endedDate }, sessions, ending.notes ?? '');
          steppedUpReferralId = await handOver.refer(tx, { childId, team: ending.stepUpTeam, receivedDate: ending.endedDate, reason, recordedBy: user.userId });
          await audit.record(actor(user), { action: 'referral.recorded', childId, subject: steppedUpReferralId, details: { team: ending.stepUpTeam, steppedUpFrom: involvementId } }, tx);
        }
        await repository.end(tx, involvementId, { endedDate: ending.endedDate, ending: endingFor(ending.reason), notes: ending.notes, steppedUpReferralId });
        await handOver.closeCase(tx, { caseId: involvement.caseId, closedDate: ending.endedDate, reason: ending.reason, notes: ending.notes, userId: user.userId });
        await audit.record(actor(user), { action: 'family_first.changed', childId, subject: involvementId, details: { changed: 'ending', ending: endingFor(ending.reason), steppedUpReferralId } }, tx);
        await audit.record(actor(user), { action: 'case.closed', childId, subject: involvement.caseId, reason: ending.reason, details: { closedDate: ending.endedDate, from: involvementId } }, tx);
        return { outcome: 'changed', childId };
      });
    },

    /**
     * Correct a session as recorded, with a reason: the session holds the corrected values (so every page and figure
     * uses them) and an amendment keeps what it said before. Allowed after the involvement has ended too.
     * @example await familyFirst.correctSession(worker, 'ffi-1', 'FFS-1', { sessionDate: '2022-03-11', who: 'Mum', whatWasDone: 'Visit' }, 'Date mistyped', 1)
     */
    correctSession(user: SignedInUser, involvementId: string, sessionId: string, corrected: SessionDetails, reason: string, version: number): Promise<Corrected> {
      return amend(user, involvementId, sessionId, async (tx, session, startedDate, childId) => {
        if (corrected.sessionDate < startedDate) return { outcome: 'before_start' };
        if (!(await repository.correctSession(tx, sessionId, corrected, version))) return { outcome: 'stale' };
        const { before, after } = changedFields(shownSession(session), shownSession(corrected));
        await amendments.add(tx, { childId, recordKind: 'family_first_session', recordId: sessionId, reason, before, after, userId: user.userId });
        await audit.record(actor(user), { action: 'family_first.session_amended', childId, subject: sessionId, reason, details: { involvementId, before, after } }, tx);
        return undefined;
      });
    },

    /**
     * Withdraw a session recorded in error, with a reason: it no longer counts anywhere; its amendment keeps it.
     * @example await familyFirst.withdrawSession(worker, 'ffi-1', 'FFS-1', 'Recorded on the wrong family', 2)
     */
    withdrawSession(user: SignedInUser, involvementId: string, sessionId: string, reason: string, version: number): Promise<Corrected> {
      return amend(user, involvementId, sessionId, async (tx, session, _started, childId) => {
        if (!(await repository.withdrawSession(tx, sessionId, version))) return { outcome: 'stale' };
        const before = shownSession(session);
        await amendments.add(tx, { childId, recordKind: 'family_first_session', recordId: sessionId, reason, before, after: { Withdrawn: 'Yes' }, userId: user.userId });
        await audit.record(actor(user), { action: 'family_first.session_withdrawn', childId, subject: sessionId, reason, details: { involvementId, before } }, tx);
        return undefined;
      });
    },

    /** One standing session of an involvement, for someone who may work on the child. */
    async session(user: SignedInUser, involvementId: string, sessionId: string, page?: string) {
      const involvement = await repository.find(db, involvementId);
      if (!involvement) return { outcome: 'not_found' as const };
      // Issue 16 item 5: a refusal is audited (the child's scope check), and so is the form shown (`page`), once.
      if (!(await children.guard(user, involvement.childId, page ?? `Family First session ${sessionId}`))) return { outcome: 'forbidden' as const };
      const session = await repository.session(db, involvementId, sessionId);
      if (!session) return { outcome: 'not_found' as const };
      if (page) await audit.record(actor(user), { action: 'family_first.viewed', childId: involvement.childId, subject: involvementId, details: { page, sessionId } });
      return { outcome: 'found' as const, involvement, session };
    },
  };
}
export type FamilyFirstService = ReturnType<typeof familyFirstService>;

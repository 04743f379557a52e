/**
 * @module Use cases for the child protection register: register a child with their areas of concern, de-register
 * them with a reason, and read the register. Changes lock the child's row, run in one transaction and are audited in it.
 */
import type { Database, Queryable } from '../../db/database.js';
import { changeOrProblems } from '../../platform/forms/changeOrProblems.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import { restrictedRecordLabel } from '../children/child.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { reregistrationWithin18Months, type ProtectionChange, type ProtectionEvent, type Registration, type RegisteredChild } from './protection.js';
import type { ProtectionRepository } from './protectionRepository.js';
import { type Concern, type DeregistrationReason, type IrdDecision, type MeetingDecision, type MeetingKind } from '../../platform/codes/protectionCodes.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import type { Amendment } from '../../platform/amendments/amendment.js';
import { protectionCorrections, type CorrectionRunner } from './protectionCorrections.js';

export type ChildRegistrations = { outcome: 'found'; child: { childId: string; name: string }; registrations: Registration[]; discussions: ProtectionEvent[]; meetings: ProtectionEvent[]; amendments: Amendment[] } | { outcome: 'forbidden' } | { outcome: 'not_found' };

/** The meetings that decided to register the child and have no registration yet: the ones a registration may rest on. */
export function meetingsAwaitingRegistration(meetings: readonly ProtectionEvent[], registrations: readonly Registration[]): ProtectionEvent[] {
  return meetings.filter((m) => m.decision === 'register' && !registrations.some((r) => r.meetingId === m.id));
}

export function protectionService(db: Database, repository: ProtectionRepository, children: ChildService, audit: AuditService, amendments: AmendmentRepository) {
  async function guard(user: SignedInUser, childId: string): Promise<{ outcome: 'forbidden' } | { outcome: 'not_found' } | undefined> {
    if (!(await repository.childName(db, childId))) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, childId))) return { outcome: 'forbidden' };
    return undefined;
  }

  const inTransaction = (work: (tx: Queryable) => Promise<ProtectionChange>): Promise<ProtectionChange> => changeOrProblems(db, work);
  const run: CorrectionRunner = async (user, childId, work) => {
    const refused = await guard(user, childId);
    if (refused) return refused;
    return inTransaction(async (tx) => {
      await repository.lockChild(tx, childId);
      const [registrations, meetings] = await Promise.all([repository.registrations(tx, childId), repository.meetings(tx, childId)]);
      return work(tx, { registrations, meetings });
    });
  };

  return {
    /**
     * A child's registrations, for someone who may see the child.
     * @example await protection.registrationsOf(user, 'C1')
     */
    async registrationsOf(user: SignedInUser, childId: string): Promise<ChildRegistrations> {
      const refused = await guard(user, childId);
      if (refused) return refused;
      const name = (await repository.childName(db, childId))!;
      const [registrations, discussions, meetings, registrationAmendments, meetingAmendments] = await Promise.all([
        repository.registrations(db, childId), repository.discussions(db, childId), repository.meetings(db, childId),
        amendments.forChild(db, childId, 'cp_registration'), amendments.forChild(db, childId, 'cp_meeting'),
      ]);
      const all = [...registrationAmendments, ...meetingAmendments].sort((a, b) => a.amendedAt.localeCompare(b.amendedAt));
      return { outcome: 'found', child: { childId, name }, registrations, discussions, meetings, amendments: all };
    },

    /**
     * Record an inter-agency referral discussion and its decision.
     * @example await protection.recordDiscussion(user, 'C1', { discussedDate: '2024-04-02', decision: 'joint_investigation' })
     */
    async recordDiscussion(user: SignedInUser, childId: string, input: { discussedDate: string; decision: IrdDecision }): Promise<ProtectionChange> {
      const refused = await guard(user, childId);
      if (refused) return refused;
      const irdId = newRecordId('IRD');
      await db.transaction(async (tx) => {
        await repository.insertDiscussion(tx, { irdId, childId, ...input, recordedBy: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'protection.ird_recorded', childId, subject: irdId, details: { ...input } }, tx);
      });
      return { outcome: 'done' };
    },

    /**
     * Record a child protection planning meeting and its decision about the register.
     * @example await protection.recordMeeting(user, 'C1', { meetingDate: '2024-04-20', kind: 'initial', decision: 'register' })
     */
    async recordMeeting(user: SignedInUser, childId: string, input: { meetingDate: string; kind: MeetingKind; decision: MeetingDecision }): Promise<ProtectionChange> {
      const refused = await guard(user, childId);
      if (refused) return refused;
      const meetingId = newRecordId('CPM');
      await db.transaction(async (tx) => {
        await repository.insertMeeting(tx, { meetingId, childId, ...input, recordedBy: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'protection.meeting_recorded', childId, subject: meetingId, details: { ...input } }, tx);
      });
      return { outcome: 'done', meetingId };
    },

    /**
     * Put a child on the register, on the decision of a planning meeting (on or after its date). Refused while they
     * are on it, and without a meeting that decided to register them; the answer names the de-registration that
     * makes this a re-registration within 18 months, if there is one.
     * @example await protection.register(user, 'C1', { meetingId: 'CPM1', registeredDate: '2024-05-01', concerns: ['neglect'] }) // { outcome: 'done' }
     */
    async register(user: SignedInUser, childId: string, input: { meetingId: string; registeredDate: string; concerns: Concern[] }): Promise<ProtectionChange> {
      const refused = await guard(user, childId);
      if (refused) return refused;
      return inTransaction(async (tx): Promise<ProtectionChange> => {
        await repository.lockChild(tx, childId);
        const registrations = await repository.registrations(tx, childId);
        const open = registrations.find((r) => r.deregisteredDate === null);
        if (open) return { outcome: 'problems', problems: { registeredDate: `This child has been on the register since ${longDateOf(open.registeredDate)}` } };
        const meeting = meetingsAwaitingRegistration(await repository.meetings(tx, childId), registrations).find((m) => m.id === input.meetingId);
        if (!meeting) return { outcome: 'problems', problems: { meetingId: 'Choose the child protection planning meeting that decided to register this child. If it is not listed, record the meeting first.' } };
        if (input.registeredDate < meeting.date) return { outcome: 'problems', problems: { registeredDate: `Registration must be on or after the planning meeting that decided it (${longDateOf(meeting.date)})` } };
        const later = registrations.find((r) => r.deregisteredDate !== null && r.deregisteredDate > input.registeredDate);
        if (later) return { outcome: 'problems', problems: { registeredDate: `The child was on the register until ${longDateOf(later.deregisteredDate!)}. Register them on or after that day.` } };
        const registrationId = newRecordId('CP');
        await repository.insert(tx, { registrationId, childId, ...input });
        const reregisteredAfter = reregistrationWithin18Months(registrations.map((r) => r.deregisteredDate), input.registeredDate);
        await audit.record({ kind: 'user', user }, { action: 'protection.registered', childId, subject: registrationId, details: { ...input, reregisteredAfter: reregisteredAfter ?? null } }, tx);
        return { outcome: 'done', reregisteredAfter };
      });
    },

    /**
     * Take a child off the register with the reason.
     * @example await protection.deregister(user, 'C1', { deregisteredDate: '2024-11-01', reason: 'improved_home_situation' })
     */
    async deregister(user: SignedInUser, childId: string, input: { deregisteredDate: string; reason: DeregistrationReason }): Promise<ProtectionChange> {
      const refused = await guard(user, childId);
      if (refused) return refused;
      return inTransaction(async (tx) => {
        await repository.lockChild(tx, childId);
        const open = (await repository.registrations(tx, childId)).find((r) => r.deregisteredDate === null);
        if (!open) return { outcome: 'problems', problems: { deregisteredDate: 'This child is not on the child protection register' } };
        if (input.deregisteredDate < open.registeredDate) {
          return { outcome: 'problems', problems: { deregisteredDate: `De-registration must be on or after the day they were registered (${longDateOf(open.registeredDate)})` } };
        }
        await repository.deregister(tx, open.registrationId, input.deregisteredDate, input.reason);
        await audit.record({ kind: 'user', user }, { action: 'protection.deregistered', childId, subject: open.registrationId, details: { ...input } }, tx);
        return { outcome: 'done' };
      });
    },

    /**
     * Children on the register on `date` whom this person may see; the viewing is audited.
     * @example await protection.onRegister(manager, '2024-06-30')
     */
    async onRegister(user: SignedInUser, date: string): Promise<RegisteredChild[]> {
      const all = await repository.register(db, date);
      // A restricted record closed to this person keeps its row, by id only (issue 16, ADR 0044).
      const standing = await children.standingAmong(user, all.map((r) => r.childId));
      const shown = all.filter((r) => standing.open.has(r.childId) || standing.restricted.has(r.childId))
        .map((r): RegisteredChild => (standing.restricted.has(r.childId)
          ? { childId: r.childId, name: restrictedRecordLabel(r.childId), registeredDate: r.registeredDate, concerns: [], previousDeregistration: null, restricted: true }
          : r));
      await audit.record({ kind: 'user', user }, { action: 'protection.register_viewed', details: { date, children: shown.length } });
      return shown;
    },

    ...protectionCorrections(run, repository, amendments, audit),
  };
}
export type ProtectionService = ReturnType<typeof protectionService>;

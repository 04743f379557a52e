/**
 * @module Correcting and withdrawing child protection records (issue 12, ADR 0021): registrations, de-registrations
 * and planning meetings. A correction changes the record itself, so every figure uses the corrected value; what it
 * said before is kept as an amendment with the reason, audited in the same transaction. A record withdrawn as
 * recorded in error leaves its table (so no figure can count it) and stays in the child's history as its amendment.
 */
import type { Queryable } from '../../db/database.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import type { AmendedRecordKind } from '../../platform/amendments/amendment.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { AuditService } from '../audit/auditService.js';
import type { AuditAction } from '../audit/auditEvent.js';
import type { MeetingDecision, MeetingKind } from '../../platform/codes/protectionCodes.js';
import type { ProtectionChange, ProtectionEvent, Registration } from './protection.js';
import type { ProtectionRepository, RegistrationFacts } from './protectionRepository.js';

const someoneElse = 'Someone else changed this record at the same time. Check it and save again.';
const nothingChanged = 'Nothing has changed. Change what was recorded wrongly, or go back.';

/** The shared part of every correction: guard, lock, the child's registrations and meetings, in one transaction. */
export type CorrectionRunner = (user: SignedInUser, childId: string, work: (tx: Queryable, found: { registrations: Registration[]; meetings: ProtectionEvent[] }) => Promise<ProtectionChange>) => Promise<ProtectionChange>;

const registrationFacts = (r: Registration): RegistrationFacts => ({
  registeredDate: r.registeredDate, concerns: [...r.concerns], deregisteredDate: r.deregisteredDate, deregistrationReason: r.deregistrationReason,
});
const meetingFacts = (m: ProtectionEvent) => ({ meetingDate: m.date, kind: m.kind ?? '', decision: m.decision });
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** Where `facts` would overlap another of the child's registrations (a de-registration and a new registration may share a day). */
function overlapProblem(facts: RegistrationFacts, others: readonly Registration[]): string | undefined {
  const end = (d: string | null) => d ?? '9999-12-31';
  const clash = others.find((o) => facts.registeredDate < end(o.deregisteredDate) && o.registeredDate < end(facts.deregisteredDate));
  if (!clash) return undefined;
  const period = clash.deregisteredDate ? `from ${longDateOf(clash.registeredDate)} to ${longDateOf(clash.deregisteredDate)}` : `since ${longDateOf(clash.registeredDate)}`;
  return `This would overlap the child’s other registration ${period}`;
}

export function protectionCorrections(run: CorrectionRunner, repository: ProtectionRepository, amendments: AmendmentRepository, audit: AuditService) {
  async function amended(tx: Queryable, user: SignedInUser, childId: string, kind: AmendedRecordKind, recordId: string, action: AuditAction, reason: string, before: object, after: object) {
    await amendments.add(tx, { childId, recordKind: kind, recordId, reason, before, after, userId: user.userId });
    await audit.record({ kind: 'user', user }, { action, childId, subject: recordId, reason, details: { before, after } }, tx);
  }

  return {
    /**
     * Correct a registration as recorded: its date, areas of concern and, once de-registered, that date and reason.
     * @example await protection.correctRegistration(user, 'C1', 'CP1', { ...facts, registeredDate: '2024-05-02' }, 'Date mistyped', 1)
     */
    correctRegistration(user: SignedInUser, childId: string, registrationId: string, facts: RegistrationFacts, reason: string, version: number): Promise<ProtectionChange> {
      return run(user, childId, async (tx, { registrations, meetings }) => {
        const registration = registrations.find((r) => r.registrationId === registrationId);
        if (!registration) return { outcome: 'not_found' };
        const before = registrationFacts(registration);
        if (same(before, facts)) return { outcome: 'problems', problems: { reason: nothingChanged } };
        const problems: Record<string, string> = {};
        const meeting = meetings.find((m) => m.id === registration.meetingId);
        if (meeting && facts.registeredDate < meeting.date) problems.registeredDate = `Registration must be on or after the planning meeting that decided it (${longDateOf(meeting.date)})`;
        if (facts.deregisteredDate && facts.deregisteredDate < facts.registeredDate) problems.deregisteredDate = `De-registration must be on or after the day they were registered (${longDateOf(facts.registeredDate)})`;
        const overlap = overlapProblem(facts, registrations.filter((r) => r !== registration));
        if (overlap && !problems.registeredDate) problems.registeredDate = overlap;
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        if (!(await repository.correctRegistration(tx, registrationId, facts, version))) return { outcome: 'problems', problems: { reason: someoneElse } };
        await amended(tx, user, childId, 'cp_registration', registrationId, 'protection.registration_amended', reason, before, facts);
        return { outcome: 'done' };
      });
    },

    /**
     * Withdraw a registration recorded in error: out of the register and every figure, kept in the child's history.
     * @example await protection.withdrawRegistration(user, 'C1', 'CP1', 'Recorded on the wrong child', 1)
     */
    withdrawRegistration(user: SignedInUser, childId: string, registrationId: string, reason: string, version: number): Promise<ProtectionChange> {
      return run(user, childId, async (tx, { registrations }) => {
        const registration = registrations.find((r) => r.registrationId === registrationId);
        if (!registration) return { outcome: 'not_found' };
        if (!(await repository.removeRegistration(tx, registrationId, version))) return { outcome: 'problems', problems: { reason: someoneElse } };
        const before = { ...registrationFacts(registration), meetingId: registration.meetingId };
        await amended(tx, user, childId, 'cp_registration', registrationId, 'protection.registration_withdrawn', reason, before, { withdrawn: 'yes' });
        return { outcome: 'done' };
      });
    },

    /**
     * Withdraw a de-registration recorded in error: the child is on the register again from the same registration.
     * Refused once they have been registered again since.
     * @example await protection.withdrawDeregistration(user, 'C1', 'CP1', 'De-registered the wrong child', 2)
     */
    withdrawDeregistration(user: SignedInUser, childId: string, registrationId: string, reason: string, version: number): Promise<ProtectionChange> {
      return run(user, childId, async (tx, { registrations }) => {
        const registration = registrations.find((r) => r.registrationId === registrationId);
        if (!registration) return { outcome: 'not_found' };
        if (!registration.deregisteredDate) return { outcome: 'problems', problems: { reason: 'This registration has not ended, so there is no de-registration to withdraw' } };
        const later = registrations.find((r) => r !== registration && r.registeredDate >= registration.registeredDate);
        if (later) return { outcome: 'problems', problems: { reason: `The child was registered again on ${longDateOf(later.registeredDate)}. Correct or withdraw that registration first.` } };
        const before = registrationFacts(registration);
        const after = { ...before, deregisteredDate: null, deregistrationReason: null };
        if (!(await repository.correctRegistration(tx, registrationId, after, version))) return { outcome: 'problems', problems: { reason: someoneElse } };
        await amended(tx, user, childId, 'cp_registration', registrationId, 'protection.deregistration_withdrawn', reason, before, after);
        return { outcome: 'done' };
      });
    },

    /**
     * Correct a planning meeting as recorded. A meeting a registration rests on keeps its decision to register, on or before that registration.
     * @example await protection.correctMeeting(user, 'C1', 'CPM1', { meetingDate: '2024-04-21', kind: 'initial', decision: 'register' }, 'Wrong day', 1)
     */
    correctMeeting(user: SignedInUser, childId: string, meetingId: string, facts: { meetingDate: string; kind: MeetingKind; decision: MeetingDecision }, reason: string, version: number): Promise<ProtectionChange> {
      return run(user, childId, async (tx, { registrations, meetings }) => {
        const meeting = meetings.find((m) => m.id === meetingId);
        if (!meeting) return { outcome: 'not_found' };
        const before = meetingFacts(meeting);
        if (same(before, facts)) return { outcome: 'problems', problems: { reason: nothingChanged } };
        const decided = registrations.find((r) => r.meetingId === meetingId);
        const problems: Record<string, string> = {};
        if (decided && facts.decision !== 'register') problems.decision = `The registration on ${longDateOf(decided.registeredDate)} rests on this meeting’s decision to register. Withdraw that registration first.`;
        if (decided && facts.meetingDate > decided.registeredDate) problems.meetingDate = `The meeting must be on or before the registration it decided (${longDateOf(decided.registeredDate)})`;
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        if (!(await repository.correctMeeting(tx, meetingId, facts, version))) return { outcome: 'problems', problems: { reason: someoneElse } };
        await amended(tx, user, childId, 'cp_meeting', meetingId, 'protection.meeting_amended', reason, before, facts);
        return { outcome: 'done' };
      });
    },

    /**
     * Withdraw a planning meeting recorded in error; refused while a registration rests on it.
     * @example await protection.withdrawMeeting(user, 'C1', 'CPM1', 'Recorded twice', 1)
     */
    withdrawMeeting(user: SignedInUser, childId: string, meetingId: string, reason: string, version: number): Promise<ProtectionChange> {
      return run(user, childId, async (tx, { registrations, meetings }) => {
        const meeting = meetings.find((m) => m.id === meetingId);
        if (!meeting) return { outcome: 'not_found' };
        const decided = registrations.find((r) => r.meetingId === meetingId);
        if (decided) return { outcome: 'problems', problems: { reason: `The registration on ${longDateOf(decided.registeredDate)} rests on this meeting. Withdraw that registration first.` } };
        if (!(await repository.removeMeeting(tx, meetingId, version))) return { outcome: 'problems', problems: { reason: someoneElse } };
        await amended(tx, user, childId, 'cp_meeting', meetingId, 'protection.meeting_withdrawn', reason, meetingFacts(meeting), { withdrawn: 'yes' });
        return { outcome: 'done' };
      });
    },
  };
}

/** @module View models for correcting and withdrawing registrations and meetings, and for their history in words. */
import { paths } from '../../platform/http/paths.js';
import { dateTimeOf, longDateOf } from '../../platform/dates/formats.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { presentClashes, type Clash } from '../../platform/forms/versions.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import {
  concern, concernCodes, concernLabels, deregistrationReason, deregistrationReasonLabels, deregistrationReasons, meetingDecision, meetingDecisionLabels, meetingDecisions, meetingKind, meetingKindLabels, meetingKinds,
} from '../../platform/codes/protectionCodes.js';
import type { ProtectionEvent, Registration } from './protection.js';

type Child = { childId: string; name: string };

const parts = (field: string, iso: string | null) => {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  return { [`${field}-day`]: day ? String(Number(day)) : '', [`${field}-month`]: month ? String(Number(month)) : '', [`${field}-year`]: year };
};
const radioItems = (codes: readonly string[], labels: Record<string, string>, chosen: string | undefined) => codes.map((value) => ({ value, text: labels[value] ?? value, checked: value === chosen }));
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A registration as the correction form shows it (areas of concern as one comma-separated value, for the three-way merge). */
export function registrationValues(r: Registration): FormValues {
  return { ...parts('registeredDate', r.registeredDate), concerns: r.concerns.join(','), ...parts('deregisteredDate', r.deregisteredDate), deregistrationReason: r.deregistrationReason ?? '' };
}

/** The fields of a registration compared when two people correct it at once. */
export const registrationLabels: Record<string, string> = {
  'registeredDate-day': 'Registration day', 'registeredDate-month': 'Registration month', 'registeredDate-year': 'Registration year', concerns: 'Areas of concern',
  'deregisteredDate-day': 'De-registration day', 'deregisteredDate-month': 'De-registration month', 'deregisteredDate-year': 'De-registration year', deregistrationReason: 'Reason for de-registration',
};

/** A meeting as the correction form shows it. */
export function meetingValues(m: ProtectionEvent): FormValues {
  return { ...parts('meetingDate', m.date), kind: m.kind ?? '', decision: m.decision };
}

/** The fields of a meeting compared when two people correct it at once. */
export const meetingLabels: Record<string, string> = {
  'meetingDate-day': 'Meeting day', 'meetingDate-month': 'Meeting month', 'meetingDate-year': 'Meeting year', kind: 'Kind of meeting', decision: 'Decision',
};

/** @example presentRegistrationCorrection(child, registration, values, concerns, {}).ended // false */
export function presentRegistrationCorrection(child: Child, r: Registration, values: FormValues, concerns: readonly string[], problems: Record<string, string>, clashes: readonly Clash[] = []) {
  return {
    clashes: presentClashes(clashes),
    child: { name: child.name, href: paths.care.protection(child) },
    action: paths.care.correctRegistration({ childId: child.childId, registrationId: r.registrationId }),
    ended: r.deregisteredDate !== null, values, errors: problems,
    errorList: errorSummary(problems, ['registeredDate', 'concerns', 'deregisteredDate', 'deregistrationReason', 'reason']),
    concernItems: concernCodes.map((code) => ({ value: code, text: concernLabels[code], checked: concerns.includes(code) })),
    reasonItems: radioItems(deregistrationReasons, deregistrationReasonLabels, values.deregistrationReason),
  };
}

/** @example presentMeetingCorrection(child, meeting, values, {}).kindItems.length // 4 */
export function presentMeetingCorrection(child: Child, m: ProtectionEvent, values: FormValues, problems: Record<string, string>, clashes: readonly Clash[] = []) {
  return {
    clashes: presentClashes(clashes),
    child: { name: child.name, href: paths.care.protection(child) },
    action: paths.care.correctCpMeeting({ childId: child.childId, meetingId: m.id }),
    values, errors: problems,
    errorList: errorSummary(problems, ['meetingDate', 'kind', 'decision', 'reason']),
    kindItems: radioItems(meetingKinds, meetingKindLabels, values.kind),
    meetingDecisionItems: radioItems(meetingDecisions, meetingDecisionLabels, values.decision),
  };
}

/** The page asking why a record is withdrawn (the confirmation comes after it). */
export function presentWithdrawal(child: Child, action: string, record: string, values: FormValues, problems: Record<string, string>) {
  return { child: { name: child.name, href: paths.care.protection(child) }, action, record, values, errors: problems, errorList: errorSummary(problems, ['reason']) };
}

/** How a registration read before or after a correction, in words. */
function registrationInWords(recorded: Record<string, unknown>): Record<string, string> {
  const concerns = Array.isArray(recorded.concerns) ? recorded.concerns.map((c) => concern.label(String(c))).join(', ') : '';
  return {
    'Date of registration': longDateOf(text(recorded.registeredDate)),
    'Areas of concern': concerns || 'None recorded',
    'Date of de-registration': recorded.deregisteredDate ? longDateOf(text(recorded.deregisteredDate)) : 'Not de-registered',
    'Reason for de-registration': recorded.deregistrationReason ? deregistrationReason.label(text(recorded.deregistrationReason)) : 'Not de-registered',
  };
}

/** How a meeting read before or after a correction, in words. */
function meetingInWords(recorded: Record<string, unknown>): Record<string, string> {
  return { 'Date of the meeting': longDateOf(text(recorded.meetingDate)), 'Kind of meeting': meetingKind.label(text(recorded.kind)), Decision: meetingDecision.label(text(recorded.decision)) };
}

const inWords = (a: Amendment) => (a.recordKind === 'cp_meeting' ? meetingInWords : registrationInWords);
const withdrawn = (a: Amendment) => a.after.withdrawn === 'yes';

/**
 * A record's corrections, each "Amended by … on … because …" with what changed.
 * @example presentCorrections(amendments, 'CP1')[0].summary // 'Amended by Sam Reid on 1 May 2024, 10:30 because the date was mistyped'
 */
export function presentCorrections(amendments: readonly Amendment[], recordId: string) {
  return amendments.filter((a) => a.recordId === recordId && !withdrawn(a)).map((a) => {
    const changed = changedFields(inWords(a)(a.before), inWords(a)(a.after));
    return {
      summary: `Amended by ${a.amendedBy} on ${dateTimeOf(a.amendedAt)} because ${a.reason}`,
      changes: Object.keys(changed.after).map((label) => ({ label, before: changed.before[label]!, after: changed.after[label]! })),
    };
  });
}

/**
 * Records withdrawn as recorded in error: what they said, who withdrew them, when and why.
 * @example presentWithdrawn(amendments)[0].record // 'Registration on 3 May 2024: Neglect'
 */
export function presentWithdrawn(amendments: readonly Amendment[]) {
  return amendments.filter(withdrawn).map((a) => {
    const words = inWords(a)(a.before);
    const record = a.recordKind === 'cp_meeting'
      ? `${words['Kind of meeting']} planning meeting on ${words['Date of the meeting']}: ${words.Decision}`
      : `Registration on ${words['Date of registration']}: ${words['Areas of concern']}`;
    return { record, summary: `Withdrawn by ${a.amendedBy} on ${dateTimeOf(a.amendedAt)} because ${a.reason}` };
  });
}

/** @module View models for a child's registrations, the registration forms and the register page. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { daysOnRegister, nextReviewDue, reregistrationWithin18Months, type ProtectionEvent, type Registration, type RegisteredChild } from './protection.js';
import type { Amendment } from '../../platform/amendments/amendment.js';
import { presentCorrections, presentWithdrawn } from './protectionCorrectionPresenter.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { concern, concernCodes, concernLabels, deregistrationReason, deregistrationReasonLabels, deregistrationReasons, irdDecision, irdDecisionLabels, irdDecisions, meetingDecision, meetingDecisionLabels, meetingDecisions, meetingKind, meetingKindLabels, meetingKinds } from '../../platform/codes/protectionCodes.js';

const concernsText = (codes: readonly string[]) => codes.map((c) => concern.label(c)).join(', ') || 'None recorded';

/** `400` days → `1 year, 1 month`; under a month in days. */
export function timeOnRegister(registeredDate: string, today: string): string {
  const days = daysOnRegister(registeredDate, today);
  const [y1, m1, d1] = registeredDate.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split('-').map(Number) as [number, number, number];
  const months = Math.max(0, (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
  if (months === 0) return `${days} ${days === 1 ? 'day' : 'days'}`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return [years && `${years} ${years === 1 ? 'year' : 'years'}`, rest && `${rest} ${rest === 1 ? 'month' : 'months'}`].filter(Boolean).join(', ');
}

/**
 * When the next review meeting of an open registration is due, and whether it is overdue.
 * @example reviewDue({ registeredDate: '2024-01-15' }, [], '2024-05-01') // { due: '2024-04-15', overdue: true, text: 'Review meeting overdue: it was due by 15 April 2024' }
 */
export function reviewDue(open: { registeredDate: string }, meetings: readonly ProtectionEvent[], today: string) {
  const due = nextReviewDue(open.registeredDate, meetings.filter((m) => m.kind === 'review').map((m) => m.date));
  const overdue = due < today;
  return { due, overdue, text: overdue ? `Review meeting overdue: it was due by ${longDateOf(due)}` : `Next review meeting due by ${longDateOf(due)}` };
}

/** @example presentRegistrations(child, registrations, '2024-06-30').onRegister // true */
export function presentRegistrations(child: { childId: string; name: string }, registrations: readonly Registration[], today: string, meetings: readonly ProtectionEvent[] = [], amendments: readonly Amendment[] = []) {
  const open = registrations.find((r) => r.deregisteredDate === null);
  const ids = (r: Registration) => ({ childId: child.childId, registrationId: r.registrationId });
  return {
    review: open ? reviewDue(open, meetings, today) : undefined,
    withdrawn: presentWithdrawn(amendments),
    name: child.name,
    childHref: paths.children.show(child),
    onRegister: Boolean(open),
    status: open ? `On the child protection register since ${longDateOf(open.registeredDate)} (${timeOnRegister(open.registeredDate, today)})` : 'Not on the child protection register',
    action: open ? { text: 'De-register', href: paths.care.deregister(child) } : { text: 'Register', href: paths.care.register(child) },
    rows: registrations.map((r) => ({
      period: r.deregisteredDate ? `${longDateOf(r.registeredDate)} to ${longDateOf(r.deregisteredDate)}` : `Since ${longDateOf(r.registeredDate)}`,
      concerns: concernsText(r.concerns),
      reasonEnded: r.deregisteredDate ? deregistrationReason.label(r.deregistrationReason) || 'Not recorded' : 'On the register',
      correctHref: paths.care.correctRegistration(ids(r)),
      withdrawHref: paths.care.withdrawRegistration(ids(r)),
      withdrawDeregistrationHref: r.deregisteredDate ? paths.care.withdrawDeregistration(ids(r)) : undefined,
      corrections: presentCorrections(amendments, r.registrationId),
    })),
  };
}

/** The warning shown before registering a child de-registered within the last 18 months. */
export function reregistrationWarning(registrations: readonly Registration[], today: string): string | undefined {
  const previous = reregistrationWithin18Months(registrations.map((r) => r.deregisteredDate), today);
  return previous && `This child was taken off the register on ${longDateOf(previous)}, less than 18 months ago. Registering them again is a re-registration within 18 months.`;
}

/** @example presentRegisterForm(child, {}, [], {}, undefined, meetings).meetingItems[0].text // 'Initial planning meeting on 20 April 2024' */
export function presentRegisterForm(child: { childId: string; name: string }, values: FormValues, concerns: readonly string[], problems: Record<string, string>, warning: string | undefined, meetings: readonly ProtectionEvent[] = []) {
  return {
    child: { name: child.name, href: paths.care.protection(child) },
    action: paths.care.register(child),
    values, errors: problems, warning,
    meetingHref: paths.care.newCpMeeting(child),
    meetingItems: meetings.map((m) => ({ value: m.id, text: `${meetingKind.label(m.kind)} planning meeting on ${longDateOf(m.date)}`, checked: values.meetingId === m.id })),
    errorList: errorSummary(problems, ['meetingId', 'registeredDate', 'concerns']),
    concernItems: concernCodes.map((code) => ({ value: code, text: concernLabels[code], checked: concerns.includes(code) })),
  };
}

/** @example presentDeregisterForm(child, {}, {}).reasonItems.length // 4 */
export function presentDeregisterForm(child: { childId: string; name: string }, values: FormValues, problems: Record<string, string>) {
  return {
    child: { name: child.name, href: paths.care.protection(child) },
    action: paths.care.deregister(child),
    values, errors: problems,
    errorList: errorSummary(problems, ['deregisteredDate', 'reason']),
    reasonItems: deregistrationReasons.map((code) => ({ value: code, text: deregistrationReasonLabels[code], checked: values.reason === code })),
  };
}

/** The register page's rows: longest on the register first. */
export function presentRegister(children: readonly RegisteredChild[], today: string) {
  return children.map((c) => ({
    name: c.name,
    href: paths.care.protection(c),
    registered: longDateOf(c.registeredDate),
    time: timeOnRegister(c.registeredDate, today),
    concerns: c.restricted ? '' : concernsText(c.concerns),
    reregistration: c.restricted ? '' : reregistrationWithin18Months([c.previousDeregistration], c.registeredDate)
      ? `Yes, de-registered on ${longDateOf(c.previousDeregistration!)}`
      : 'No',
  }));
}

/** @example presentEvents(discussions, meetings).discussions[0].decision // 'Joint investigation by police and social work' */
export function presentEvents(discussions: readonly ProtectionEvent[], meetings: readonly ProtectionEvent[], child?: { childId: string }, amendments: readonly Amendment[] = []) {
  return {
    discussions: discussions.map((d) => ({ date: longDateOf(d.date), decision: irdDecision.label(d.decision) })),
    meetings: meetings.map((m) => ({
      date: longDateOf(m.date), kind: meetingKind.label(m.kind), decision: meetingDecision.label(m.decision),
      correctHref: child && paths.care.correctCpMeeting({ childId: child.childId, meetingId: m.id }),
      withdrawHref: child && paths.care.withdrawCpMeeting({ childId: child.childId, meetingId: m.id }),
      corrections: presentCorrections(amendments, m.id),
    })),
  };
}

const radioItems = (codes: readonly string[], labels: Record<string, string>, chosen: string | undefined) => codes.map((value) => ({ value, text: labels[value] ?? value, checked: value === chosen }));

/** The IRD form and the planning meeting form. */
export function presentEventForm(child: { childId: string; name: string }, action: string, values: FormValues, problems: Record<string, string>) {
  return {
    child: { name: child.name, href: paths.care.protection(child) },
    action, values, errors: problems,
    errorList: errorSummary(problems, ['discussedDate', 'meetingDate', 'kind', 'decision']),
    irdItems: radioItems(irdDecisions, irdDecisionLabels, values.decision),
    kindItems: radioItems(meetingKinds, meetingKindLabels, values.kind),
    meetingDecisionItems: radioItems(meetingDecisions, meetingDecisionLabels, values.decision),
  };
}

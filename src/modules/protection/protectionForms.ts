/** @module The registration and de-registration forms, checked with zod. */
import { z } from 'zod';
import { formValues, readForm, type FormReading } from '../../platform/forms/formValues.js';
import { concernCodes, deregistrationReasons, irdDecisions, meetingDecisions, meetingKinds, type Concern, type DeregistrationReason, type IrdDecision, type MeetingDecision, type MeetingKind } from '../../platform/codes/protectionCodes.js';

const registerSchema = z.object({
  concerns: z.array(z.enum(concernCodes, { error: 'Select areas of concern from the list' })).min(1, 'Select at least one area of concern'),
});
const deregisterSchema = z.object({ reason: z.enum(deregistrationReasons, { error: 'Select the reason for de-registration' }) });

/** Checkboxes arrive as one string or many. */
export const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

const irdSchema = z.object({ decision: z.enum(irdDecisions, { error: 'Select what the discussion decided' }) });
const meetingSchema = z.object({
  kind: z.enum(meetingKinds, { error: 'Select the kind of meeting' }),
  decision: z.enum(meetingDecisions, { error: 'Select what the meeting decided' }),
});

const meetingChosen = z.object({ meetingId: z.string().min(1, 'Choose the child protection planning meeting that decided to register this child') });

/** @example readRegistration({ meetingId: 'CPM1', concerns: 'neglect', 'registeredDate-day': '1', … }).data // { meetingId: 'CPM1', concerns: ['neglect'], registeredDate: '2024-05-01' } */
export function readRegistration(body: unknown): FormReading<{ meetingId: string; registeredDate: string; concerns: Concern[] }> & { concerns: string[] } {
  const values = formValues(body, ['meetingId'], ['registeredDate']);
  const concerns = asList((body as Record<string, unknown> | undefined)?.concerns);
  const parsed = registerSchema.safeParse({ concerns });
  const read = readForm(values, meetingChosen, { registeredDate: 'Date of registration' });
  const problems = { ...read.problems, ...(parsed.success ? {} : { concerns: parsed.error.issues[0]!.message }) };
  if (!parsed.success || !read.data) return { values, concerns, problems };
  return { values, concerns, problems, data: { meetingId: read.data.meetingId, registeredDate: read.data.registeredDate!, concerns: parsed.data.concerns } };
}

const reasonFor = (what: string) => z.string().trim().min(1, `Enter why ${what}`).max(2000, 'Keep the reason to 2,000 characters or fewer');
const versionOf = (values: { _version?: string }) => Number(values._version) || 0;

/**
 * A correction of a registration: the same facts, the de-registration too when it has ended, and why.
 * @example readRegistrationCorrection(body, false).data // { facts: { registeredDate, concerns, deregisteredDate: null, deregistrationReason: null }, reason, version }
 */
export function readRegistrationCorrection(body: unknown, ended: boolean) {
  const values = formValues(body, ['reason', '_version', ...(ended ? ['deregistrationReason'] : [])], ['registeredDate', ...(ended ? ['deregisteredDate'] : [])]);
  const concerns = asList((body as Record<string, unknown> | undefined)?.concerns);
  const parsed = registerSchema.safeParse({ concerns });
  const schema = z.object({
    reason: reasonFor('the registration is being corrected'),
    deregistrationReason: ended ? z.enum(deregistrationReasons, { error: 'Select the reason for de-registration' }) : z.string().optional(),
  });
  const read = readForm(values, schema, { registeredDate: 'Date of registration', ...(ended ? { deregisteredDate: 'Date of de-registration' } : {}) });
  const problems = { ...read.problems, ...(parsed.success ? {} : { concerns: parsed.error.issues[0]!.message }) };
  if (!parsed.success || !read.data) return { values, concerns, problems };
  const facts = {
    registeredDate: read.data.registeredDate!, concerns: parsed.data.concerns as string[],
    deregisteredDate: ended ? read.data.deregisteredDate! : null, deregistrationReason: ended ? read.data.deregistrationReason ?? null : null,
  };
  return { values, concerns, problems, data: { facts, reason: read.data.reason, version: versionOf(values) } };
}

/** @example readMeetingCorrection(body).data // { facts: { meetingDate, kind, decision }, reason, version } */
export function readMeetingCorrection(body: unknown) {
  const values = formValues(body, ['kind', 'decision', 'reason', '_version'], ['meetingDate']);
  const read = readForm(values, meetingSchema.extend({ reason: reasonFor('the meeting is being corrected') }), { meetingDate: 'Date of the meeting' });
  return {
    values, problems: read.problems,
    data: read.data && { facts: { meetingDate: read.data.meetingDate!, kind: read.data.kind, decision: read.data.decision }, reason: read.data.reason, version: versionOf(values) },
  };
}

/** Withdrawing a record recorded in error: why. @example readWithdrawal(body, 'the registration is being withdrawn').data // { reason, version } */
export function readWithdrawal(body: unknown, what: string) {
  const values = formValues(body, ['reason', '_version']);
  const read = readForm(values, z.object({ reason: reasonFor(what) }), {});
  return { values, problems: read.problems, data: read.data && { reason: read.data.reason, version: versionOf(values) } };
}

/** @example readDeregistration(body).data // { deregisteredDate: '2024-11-01', reason: 'improved_home_situation' } */
export function readDeregistration(body: unknown): FormReading<{ deregisteredDate: string; reason: DeregistrationReason }> {
  const values = formValues(body, ['reason'], ['deregisteredDate']);
  const read = readForm(values, deregisterSchema, { deregisteredDate: 'Date of de-registration' });
  return { values, problems: read.problems, data: read.data && { deregisteredDate: read.data.deregisteredDate!, reason: read.data.reason } };
}


/** @example readDiscussion(body).data // { discussedDate: '2024-04-02', decision: 'joint_investigation' } */
export function readDiscussion(body: unknown): FormReading<{ discussedDate: string; decision: IrdDecision }> {
  const values = formValues(body, ['decision'], ['discussedDate']);
  const read = readForm(values, irdSchema, { discussedDate: 'Date of the discussion' });
  return { values, problems: read.problems, data: read.data && { discussedDate: read.data.discussedDate!, decision: read.data.decision } };
}

/** @example readMeeting(body).data // { meetingDate: '2024-04-20', kind: 'initial', decision: 'register' } */
export function readMeeting(body: unknown): FormReading<{ meetingDate: string; kind: MeetingKind; decision: MeetingDecision }> {
  const values = formValues(body, ['kind', 'decision'], ['meetingDate']);
  const read = readForm(values, meetingSchema, { meetingDate: 'Date of the meeting' });
  return { values, problems: read.problems, data: read.data && { meetingDate: read.data.meetingDate!, kind: read.data.kind, decision: read.data.decision } };
}

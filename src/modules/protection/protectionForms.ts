/** @module The registration and de-registration forms, checked with zod. */
import { z } from 'zod';
import { formValues, readForm, type FormReading } from '../../platform/forms/formValues.js';
import { concernCodes, deregistrationReasons, irdDecisions, meetingDecisions, meetingKinds, type Concern, type DeregistrationReason, type IrdDecision, type MeetingDecision, type MeetingKind } from '../../platform/codes/protectionCodes.js';

const registerSchema = z.object({
  concerns: z.array(z.enum(concernCodes, { error: 'Select areas of concern from the list' })).min(1, 'Select at least one area of concern'),
});
const deregisterSchema = z.object({ reason: z.enum(deregistrationReasons, { error: 'Select the reason for de-registration' }) });

/** Checkboxes arrive as one string or many. */
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

/** @example readRegistration({ concerns: 'neglect', 'registeredDate-day': '1', … }).data // { concerns: ['neglect'], registeredDate: '2024-05-01' } */
export function readRegistration(body: unknown): FormReading<{ registeredDate: string; concerns: Concern[] }> & { concerns: string[] } {
  const values = formValues(body, [], ['registeredDate']);
  const concerns = asList((body as Record<string, unknown> | undefined)?.concerns);
  const parsed = registerSchema.safeParse({ concerns });
  const read = readForm(values, z.object({}), { registeredDate: 'Date of registration' });
  const problems = { ...(parsed.success ? {} : { concerns: parsed.error.issues[0]!.message }), ...read.problems };
  if (!parsed.success || !read.data) return { values, concerns, problems };
  return { values, concerns, problems, data: { registeredDate: read.data.registeredDate!, concerns: parsed.data.concerns } };
}

/** @example readDeregistration(body).data // { deregisteredDate: '2024-11-01', reason: 'improved_home_situation' } */
export function readDeregistration(body: unknown): FormReading<{ deregisteredDate: string; reason: DeregistrationReason }> {
  const values = formValues(body, ['reason'], ['deregisteredDate']);
  const read = readForm(values, deregisterSchema, { deregisteredDate: 'Date of de-registration' });
  return { values, problems: read.problems, data: read.data && { deregisteredDate: read.data.deregisteredDate!, reason: read.data.reason } };
}

const irdSchema = z.object({ decision: z.enum(irdDecisions, { error: 'Select what the discussion decided' }) });
const meetingSchema = z.object({
  kind: z.enum(meetingKinds, { error: 'Select the kind of meeting' }),
  decision: z.enum(meetingDecisions, { error: 'Select what the meeting decided' }),
});

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

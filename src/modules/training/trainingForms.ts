/** @module The training forms' fields, checked with zod: a person on the staff register, a course, a session's dates. */
import { z } from 'zod';
import { readDateInput } from '../../platform/forms/dates.js';
import { formValues, readForm, type FormReading } from '../../platform/forms/formValues.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { staffGroups, type NewCourse } from './training.js';
import type { StaffInput } from './trainingService.js';

const staffSchema = z.object({
  name: z.string().trim().min(1, 'Enter the person’s name').max(200, 'Name must be 200 characters or fewer'),
  staffGroup: z.enum(staffGroups, { error: 'Select the person’s staff group' }),
  team: z.string().trim().max(200, 'Team or organisation must be 200 characters or fewer'),
  username: z.string().trim().max(100, 'Cairn username must be 100 characters or fewer'),
});

/** @example readStaff(body).data // { name: 'Morag Innes', staffGroup: 'childrens_panel', team: 'Glenmuir panel', username: '', activeFrom: '2022-01-01', activeTo: null } */
export function readStaff(body: unknown): FormReading<StaffInput> {
  const values = formValues(body, ['name', 'staffGroup', 'team', 'username'], ['activeFrom', 'activeTo']);
  const read = readForm(values, staffSchema, { activeFrom: 'Date they started' });
  const to = readDateInput('Date they left', values['activeTo-day'], values['activeTo-month'], values['activeTo-year']);
  const problems = { ...read.problems };
  if (to.error) problems.activeTo = to.error;
  else if (to.date && read.data && to.date < read.data.activeFrom!) problems.activeTo = 'Date they left must be on or after the date they started';
  if (!read.data || Object.keys(problems).length) return { values, problems };
  const d = read.data;
  return { values, problems, data: { name: d.name, staffGroup: d.staffGroup, team: d.team, username: d.username, activeFrom: d.activeFrom!, activeTo: to.date ?? null } };
}

const courseSchema = z.object({
  title: z.string().trim().min(1, 'Enter the course title').max(200, 'Title must be 200 characters or fewer'),
  days: z.string().trim().regex(/^\d{1,2}$/, 'Enter the number of days as a whole number, like 4').transform(Number)
    .pipe(z.number().min(1, 'A course lasts at least 1 day').max(10, 'Enter 10 days or fewer')),
  countsAsTrained: z.enum(['yes', 'no'], { error: 'Select whether completing this course counts as trained in Signs of Safety' }).transform((v) => v === 'yes'),
  intendedGroups: z.array(z.enum(staffGroups, { error: 'Select the staff groups the course is for' })).min(1, 'Select the staff groups the course is for'),
});

/** Checkbox answers: none, one (a string) or several (an array). */
export function ticked(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

/** @example readCourse(body).data // { title: 'Signs of Safety 4-day', days: 4, countsAsTrained: true, intendedGroups: ['social_work'] } */
export function readCourse(body: unknown): FormReading<NewCourse> & { groups: string[] } {
  const values = formValues(body, ['title', 'days', 'countsAsTrained']);
  const groups = ticked((body as Record<string, unknown> | undefined)?.intendedGroups);
  const parsed = courseSchema.safeParse({ ...values, intendedGroups: groups });
  if (!parsed.success) return { values, groups, problems: fieldErrors(parsed.error.issues) };
  return { values, groups, problems: {}, data: parsed.data };
}

const sessionSchema = z.object({
  venue: z.string().trim().min(1, 'Enter the venue').max(200, 'Venue must be 200 characters or fewer'),
  trainer: z.string().trim().min(1, 'Enter the trainer’s name').max(200, 'Trainer must be 200 characters or fewer'),
});

/** The date fields of a session of a `days`-day course: day1 … dayN. */
export const dayFields = (days: number) => Array.from({ length: days }, (_, index) => `day${index + 1}`);

/** Why a record is corrected or withdrawn: kept with the amendment. */
export const reasonSchema = (missing: string) => z.string().trim().min(1, missing).max(1000, 'The reason must be 1,000 characters or fewer');

/**
 * The correction form of a session: its course, dates, venue and trainer as they should be, and why.
 * @example readSessionCorrection(body, 1).data // { courseId: 'TC-1', venue: 'Glenmuir Academy', trainer: 'Iona Kerr', dates: ['2024-03-11'], reason: 'Held a week later' }
 */
export function readSessionCorrection(body: unknown, days: number): FormReading<{ courseId: string; venue: string; trainer: string; dates: string[]; reason: string }> {
  const session = readSession(body, days);
  const values = { ...session.values, ...formValues(body, ['courseId', 'reason']) };
  const problems = { ...session.problems };
  if (!values.courseId) problems.courseId = 'Select the course';
  const reason = reasonSchema('Enter why you are correcting this session').safeParse(values.reason);
  if (!reason.success) problems.reason = reason.error.issues[0]!.message;
  if (!session.data || !reason.success || Object.keys(problems).length) return { values, problems };
  return { values, problems, data: { ...session.data, courseId: values.courseId!, reason: reason.data } };
}

/** @example readReason(body, 'Enter why you are withdrawing this session').data // { reason: 'Entered twice' } */
export function readReason(body: unknown, missing: string): FormReading<{ reason: string }> {
  const values = formValues(body, ['reason']);
  const reason = reasonSchema(missing).safeParse(values.reason);
  if (!reason.success) return { values, problems: { reason: reason.error.issues[0]!.message } };
  return { values, problems: {}, data: { reason: reason.data } };
}

/** @example readSession(body, 2).data // { venue: 'Glenmuir Academy', trainer: 'Iona Kerr', dates: ['2024-03-04', '2024-03-05'] } */
export function readSession(body: unknown, days: number): FormReading<{ venue: string; trainer: string; dates: string[] }> {
  const fields = dayFields(days);
  const values = formValues(body, ['venue', 'trainer'], fields);
  const read = readForm(values, sessionSchema, Object.fromEntries(fields.map((field, index) => [field, days === 1 ? 'Date' : `Date of day ${index + 1}`])));
  if (!read.data) return { values, problems: read.problems };
  return { values, problems: {}, data: { venue: read.data.venue, trainer: read.data.trainer, dates: fields.map((field) => read.data![field]!) } };
}

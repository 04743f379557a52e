/** @module What a form sent, field by field exactly as typed, so a page can show it again beside its problems. */
import type { z } from 'zod';
import { fieldErrors, type FieldErrors } from './fieldErrors.js';
import { requiredDate } from './dates.js';

/** What was typed, field by field, exactly as typed. */
export type FormValues = Record<string, string>;

/** A form read: what was typed (to show again), and either the checked data or the problems. */
export type FormReading<T> = { values: FormValues; data?: T; problems: FieldErrors };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Every posted text value as typed (anything that is not text, such as an upload, is left out).
 * @example postedValues({ reason: 'School concern', n: 3 }) // { reason: 'School concern' }
 */
export function postedValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
}

/**
 * The typed values of `fields` (date fields as their day, month and year parts), each '' when not sent.
 * @example formValues({ reason: 'Moved', 'endDate-day': '3' }, ['reason'], ['endDate']) // { reason: 'Moved', 'endDate-day': '3', 'endDate-month': '', 'endDate-year': '' }
 */
export function formValues(body: unknown, fields: readonly string[], dateFields: readonly string[] = []): FormValues {
  const source = (body ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of fields) values[field] = text(source[field]);
  for (const field of dateFields) for (const part of ['day', 'month', 'year']) values[`${field}-${part}`] = text(source[`${field}-${part}`]);
  return values;
}

/**
 * Check `values` with `schema` and the named required dates (field → label); every problem at once.
 * @example readForm(values, z.object({ reason: z.string().min(1, 'Enter the reason') }), { endDate: 'End date' })
 */
export function readForm<T extends Record<string, unknown>>(values: FormValues, schema: z.ZodType<T>, dates: Record<string, string>): FormReading<T & Record<string, string>> {
  const parsed = schema.safeParse(values);
  const problems: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const dateValues: Record<string, string> = {};
  for (const [field, label] of Object.entries(dates)) {
    const read = requiredDate(values, field, label);
    if (read.error) problems[field] = read.error;
    else if (read.date) dateValues[field] = read.date;
  }
  if (!parsed.success || Object.keys(problems).length) return { values, problems };
  return { values, problems, data: { ...parsed.data, ...dateValues } };
}

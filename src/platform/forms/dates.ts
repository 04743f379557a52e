/** @module Dates typed into GOV.UK date inputs (day, month, year boxes) read into ISO dates, with the pattern's messages. */
import { isIsoDate, plausibleYears } from '../dates/isoDates.js';

export type DateInputResult = { date?: string; error?: string };

/**
 * @example readDateInput('Date of birth', '4', '3', '2012') // { date: '2012-03-04' }
 * @example readDateInput('Date of birth', '31', '2', '2012') // { error: 'Date of birth must be a real date' }
 * @example readDateInput('Date of birth', '4', '3', '0212') // { error: 'Date of birth must be between 1900 and 2199 – check the year' }
 */
export function readDateInput(label: string, day = '', month = '', year = ''): DateInputResult {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return {};
  const missing = [!d && 'a day', !m && 'a month', !y && 'a year'].filter(Boolean);
  if (missing.length) return { error: `${label} must include ${missing.join(' and ')}` };
  if (![d, m, y].every((part) => /^\d+$/.test(part)) || y.length !== 4) return { error: `${label} must be a real date` };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (Number(y) < plausibleYears.earliest || Number(y) > plausibleYears.latest) {
    // Year 0000 among them: a date the database cannot hold, which was answered with an error page.
    return { error: `${label} must be between ${plausibleYears.earliest} and ${plausibleYears.latest} – check the year` };
  }
  if (!isIsoDate(iso)) return { error: `${label} must be a real date` };
  return { date: iso };
}

/**
 * A required date from a GOV.UK date input whose parts are `field-day`, `field-month` and `field-year`.
 * @example requiredDate(values, 'startDate', 'Start date') // { date: '2024-05-01' } or { error: 'Enter the start date' }
 */
export function requiredDate(values: Record<string, string | undefined>, field: string, label: string): DateInputResult {
  const read = readDateInput(label, values[`${field}-day`], values[`${field}-month`], values[`${field}-year`]);
  if (read.error) return read;
  if (!read.date) return { error: `Enter the ${label.toLowerCase()}` };
  return read;
}

/**
 * A required date read into `errors` (under `field-day`, where the error summary links), optionally no later than `notAfter`.
 * @example readDateField(body, 'received', 'Date received', errors, '2022-03-10') // '2022-03-01', or undefined with errors['received-day'] set
 */
export function readDateField(values: Record<string, string | undefined>, field: string, label: string, errors: Record<string, string>, notAfter?: string): string | undefined {
  const read = requiredDate(values, field, label);
  if (read.error) errors[`${field}-day`] = read.error;
  else if (notAfter && read.date! > notAfter) errors[`${field}-day`] = `${label} must be today or in the past`;
  else return read.date;
  return undefined;
}

/**
 * @module The GOV.UK error summary and inline messages from one set of field errors: every problem at once, in the
 * order the fields appear, each linking to its field (a date to its day box).
 */
import type { FieldErrors } from './fieldErrors.js';

/** Fields that are GOV.UK date inputs, beyond those named `…Date` (which are dates by convention). */
export interface SummaryOptions {
  dates?: readonly string[];
}

const anchor = (field: string, options: SummaryOptions) => (field.endsWith('Date') || options.dates?.includes(field) ? `${field}-day` : field);

/**
 * The error summary's list: each message links to its field, in the order the fields appear on the page, then any others.
 * @example errorSummary({ startDate: 'Enter the start date', reason: 'Enter the reason' }, ['reason', 'startDate'])
 * // [{ text: 'Enter the reason', href: '#reason' }, { text: 'Enter the start date', href: '#startDate-day' }]
 */
export function errorSummary(errors: FieldErrors, order: readonly string[] = [], options: SummaryOptions = {}): { text: string; href: string }[] {
  const fields = [...order.filter((field) => field in errors), ...Object.keys(errors).filter((field) => !order.includes(field))];
  return fields.map((field) => ({ text: errors[field]!, href: `#${anchor(field, options)}` }));
}

/**
 * Errors as GOV.UK components take them: the summary list and a `{ text }` per field for its `errorMessage`.
 * @example presentErrors({ reason: 'Enter the reason' }, ['reason']).errorFor.reason // { text: 'Enter the reason' }
 */
export function presentErrors(errors: FieldErrors, order: readonly string[] = [], options: SummaryOptions = {}) {
  return {
    errorList: errorSummary(errors, order, options),
    errorFor: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])) as Record<string, { text: string }>,
  };
}

/** @module Form errors in the shape GOV.UK's error summary and inline error messages need. */
import type { z } from 'zod';

/** One message per field, keyed by the field's name (which is also its element id). */
export type FieldErrors = Record<string, string>;

/**
 * The first problem zod found with each field, in the order the fields appear on the page.
 * @example fieldErrors(schema.safeParse(body).error.issues) // { username: 'Enter a username' }
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/**
 * The error summary's list: each message links to its field, in the order the fields appear on the page.
 * @example errorList({ password: 'Enter your password' }, ['username', 'password']) // [{ text: 'Enter your password', href: '#password' }]
 */
export function errorList(errors: FieldErrors, fieldOrder: readonly string[]): { text: string; href: string }[] {
  const ordered = [...fieldOrder.filter((field) => field in errors), ...Object.keys(errors).filter((field) => !fieldOrder.includes(field))];
  return ordered.map((field) => ({ text: errors[field]!, href: `#${field}` }));
}

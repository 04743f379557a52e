/** @module Form errors in the shape GOV.UK's error summary and inline error messages need. */
import type { z } from 'zod';

/** One message per field, keyed by the field's name (which is also its element id; a date's is its `-day` box). */
export type FieldErrors = Record<string, string>;

/**
 * The first problem zod found with each field.
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

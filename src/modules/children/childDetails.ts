/** @module Changing a child's details: the fields a worker may correct, read and checked with zod. */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';

export interface ChildDetailsChange {
  forename: string;
  surname: string;
  dateOfBirth: string;
  sex: 'M' | 'F' | 'X' | 'U' | null;
  school: string | null;
  schoolCluster: string | null;
  locality: string | null;
}

const optional = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`).transform((v) => v || null);
/** The fields of a child's details, shared by the change-details and add-a-child forms. */
export const childDetailsForm = z.object({
  forename: z.string().trim().min(1, 'Enter the child’s first name').max(100, 'First name must be 100 characters or fewer'),
  surname: z.string().trim().min(1, 'Enter the child’s last name').max(100, 'Last name must be 100 characters or fewer'),
  sex: z.enum(['M', 'F', 'X', 'U', ''], { error: 'Select the child’s sex, or leave it unanswered' }).transform((v) => (v || null) as ChildDetailsChange['sex']),
  school: optional(100, 'School'),
  schoolCluster: optional(100, 'School cluster'),
  locality: optional(100, 'Locality'),
});

/** The order fields appear on the form, for the error summary. */
export const childDetailsFieldOrder = ['forename', 'surname', 'dob-day', 'sex', 'school', 'schoolCluster', 'locality'];

/** What a form sends when a field is left out altogether, so that zod reports the field rather than a missing key. */
export const emptyChildDetails: FormValues = { forename: '', surname: '', sex: '', school: '', schoolCluster: '', locality: '' };

/**
 * Read the change-details form: every problem at once, keyed by field id.
 * @example readChildDetails({ forename: 'Ailsa', surname: 'Boyd', 'dob-day': '4', 'dob-month': '3', 'dob-year': '2012' }, '2022-01-01').details?.dateOfBirth // '2012-03-04'
 */
export function readChildDetails(body: FormValues, today: string): { details?: ChildDetailsChange; errors: FieldErrors } {
  const parsed = childDetailsForm.safeParse({ ...emptyChildDetails, ...body });
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const dateOfBirth = readDateField(body, 'dob', 'Date of birth', errors, today);
  if (!parsed.success || !dateOfBirth || Object.keys(errors).length) return { errors };
  return { details: { ...parsed.data, dateOfBirth }, errors };
}

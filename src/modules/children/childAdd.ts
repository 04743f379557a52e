/** @module The "Add a child" forms: the check by name and date of birth, then the new child's details, read with zod. */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import type { NewChild } from './child.js';
import { childDetailsFieldOrder, childDetailsForm, emptyChildDetails } from './childDetails.js';
import type { NamedChild } from './likelyDuplicates.js';

const checkForm = childDetailsForm.pick({ forename: true, surname: true });
const addForm = childDetailsForm.extend({
  siblingId: z.string().trim()
    .regex(/^([A-Za-z0-9._/-]{1,64})?$/, 'A Cairn id is letters, numbers, full stops, hyphens, underscores or slashes')
    .transform((v) => v || null),
  notADuplicate: z.enum(['yes', '']),
});

/** The order of the add form's fields, for the error summary. */
export const addChildFieldOrder = ['forename', 'surname', 'dob-day', 'notADuplicate', ...childDetailsFieldOrder.slice(3), 'siblingId'];

/**
 * Read the check made before adding a child: a name and a date of birth, all three needed.
 * @example readChildCheck({ forename: 'Ailsa', surname: 'Boyd', 'dob-day': '4', 'dob-month': '3', 'dob-year': '2012' }, '2022-01-01').check?.dateOfBirth // '2012-03-04'
 */
export function readChildCheck(body: FormValues, today: string): { check?: NamedChild & { forename: string; surname: string }; errors: FieldErrors } {
  const parsed = checkForm.safeParse({ forename: '', surname: '', ...body });
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const dateOfBirth = readDateField(body, 'dob', 'Date of birth', errors, today);
  if (!parsed.success || !dateOfBirth) return { errors };
  return { check: { ...parsed.data, dateOfBirth }, errors };
}

/**
 * Read the add-a-child form: every problem at once, keyed by field id. `notADuplicate` is the person's word
 * that none of the likely duplicates shown is this child.
 * @example readNewChild({ forename: 'Ailsa', surname: 'Boyd', 'dob-day': '4', 'dob-month': '3', 'dob-year': '2012', school: 'Whinfield Primary' }, '2022-01-01').child?.school // 'Whinfield Primary'
 */
export function readNewChild(body: FormValues, today: string): { child?: NewChild; notADuplicate: boolean; errors: FieldErrors } {
  const parsed = addForm.safeParse({ ...emptyChildDetails, siblingId: '', notADuplicate: '', ...body });
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const dateOfBirth = readDateField(body, 'dob', 'Date of birth', errors, today);
  const notADuplicate = body.notADuplicate === 'yes';
  if (!parsed.success || !dateOfBirth) return { notADuplicate, errors };
  const { forename, surname, sex, school, schoolCluster, locality, siblingId } = parsed.data;
  return { child: { forename, surname, dateOfBirth, sex, school, schoolCluster, locality, siblingId }, notADuplicate, errors };
}

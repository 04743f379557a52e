/** @module The referral forms' fields, read and checked with zod into what the service needs, with plain-word messages per field. */
import { z } from 'zod';
import { readDateField } from '../../platform/forms/dates.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { type NewReferral, type ReferredChild } from './referral.js';
import { closureReasons, pathways, referralSources } from '../../platform/codes/referralCodes.js';

/** How many children one referral form takes (siblings referred together). */
export const childRows = [1, 2, 3] as const;

const text = (max: number, missing: string, label: string) => z.string().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);
const optional = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`).transform((v) => v || null);

export const referralFields = z.object({
  source: z.enum(referralSources, { error: 'Select who made the referral' }),
  reason: text(2000, 'Enter the reason for the referral', 'Reason'),
  schoolCluster: optional(100, 'School cluster'),
  team: text(100, 'Enter the team the referral is for', 'Team'),
});

/**
 * Read the new referral form: every problem at once, keyed by field id.
 * @example readNewReferral(body, '2022-03-10').errors // { source: 'Select who made the referral' }
 */
export function readNewReferral(body: FormValues, today: string): { referral?: NewReferral; errors: FieldErrors } {
  const parsed = referralFields.safeParse(body);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const receivedDate = readDateField(body, 'received', 'Date received', errors, today);
  const children: ReferredChild[] = [];
  for (const row of childRows) {
    const field = (name: string) => (body[`child${row}-${name}`] ?? '').trim();
    const childId = field('id');
    const [forename, surname] = [field('forename'), field('surname')];
    const anyDate = field('dob-day') || field('dob-month') || field('dob-year');
    if (childId) {
      if (!/^[A-Za-z0-9._/-]{1,64}$/.test(childId)) errors[`child${row}-id`] = 'A Cairn id is letters, numbers, full stops, hyphens, underscores or slashes';
      else children.push({ kind: 'existing', childId });
      continue;
    }
    if (!forename && !surname && !anyDate) continue;
    if (!forename) errors[`child${row}-forename`] = `Enter child ${row}’s first name`;
    else if (forename.length > 100) errors[`child${row}-forename`] = 'First name must be 100 characters or fewer';
    if (!surname) errors[`child${row}-surname`] = `Enter child ${row}’s last name`;
    else if (surname.length > 100) errors[`child${row}-surname`] = 'Last name must be 100 characters or fewer';
    const dateOfBirth = readDateField(body, `child${row}-dob`, 'Date of birth', errors, today);
    if (forename && surname && dateOfBirth && forename.length <= 100 && surname.length <= 100) children.push({ kind: 'new', forename, surname, dateOfBirth });
  }
  if (children.length === 0 && !Object.keys(errors).some((key) => key.startsWith('child'))) {
    errors['child1-forename'] = 'Enter at least one child: their name and date of birth, or their Cairn id';
  }
  if (!parsed.success || !receivedDate || Object.keys(errors).length) return { errors };
  return { referral: { ...parsed.data, receivedDate, children }, errors };
}

/** The order fields appear on the new referral form, for the error summary. */
export const newReferralFieldOrder = [
  ...childRows.flatMap((row) => [`child${row}-id`, `child${row}-forename`, `child${row}-surname`, `child${row}-dob-day`]),
  'received-day', 'source', 'reason', 'schoolCluster', 'team',
];

export const screenForm = z.object({ screeningNotes: text(4000, 'Enter what screening found', 'Screening notes') });

export const decisionFields = z.object({
  pathway: z.enum(pathways, { error: 'Select a pathway' }),
  decisionReason: text(2000, 'Enter the reason for the decision', 'Reason'),
});

export const allocationFields = z.object({ workerId: z.string().trim().min(1, 'Select a worker') });

export const closureFields = z.object({
  reason: z.enum(closureReasons, { error: 'Select why the case is closing' }),
  notes: optional(2000, 'Notes'),
});

/** Why a decision or allocation is being corrected: required, in the person's words. */
const why = { correctionReason: text(2000, 'Enter why this is being corrected', 'Reason for the correction') };

export const decisionCorrectionFields = decisionFields.extend(why);

export const allocationCorrectionFields = allocationFields.extend(why);

export const withdrawalFields = z.object({ withdrawReason: text(2000, 'Enter why the referral is being withdrawn', 'Reason for withdrawing') });

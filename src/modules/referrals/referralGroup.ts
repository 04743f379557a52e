/**
 * @module The sibling group form: one screening, one decision and one allocation for every child still undecided,
 * with a per-child "decide differently for this child" exception. Read here into what the service needs.
 */
import { readDateField } from '../../platform/forms/dates.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { pathways, type Pathway } from '../../platform/codes/referralCodes.js';
import { allocatedPathways, type ChildDecision, type GroupDecision } from './referral.js';

/** The field for child `n` (1, 2, …) of the group form: `child2-pathway`. */
export const childField = (n: number, name: string) => `child${n}-${name}`;

const pathwayOf = (value: string | undefined): Pathway | undefined => (pathways as readonly string[]).includes(value ?? '') ? (value as Pathway) : undefined;
const tooLong = (value: string, max: number) => value.length > max;

/**
 * Read the group form for the children it was shown with (their referral ids and versions ride in hidden fields).
 * An excepted child needs their own pathway; their reason falls back to the group's, and their worker is their own
 * (blank: not allocated now). A worker is needed only to allocate now; a date the cases open only if anyone is.
 * @example readGroupDecision({ pathway: 'signposted', decisionReason: 'Universal services', 'decided-day': '3', … }, 2, '2022-03-10').errors // {}
 */
export function readGroupDecision(body: FormValues, count: number, today: string): { decision?: GroupDecision; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const field = (name: string) => (body[name] ?? '').trim();
  const notes = field('screeningNotes');
  if (tooLong(notes, 4000)) errors.screeningNotes = 'Screening notes must be 4000 characters or fewer';
  const groupPathway = pathwayOf(field('pathway'));
  const groupReason = field('decisionReason');
  const groupWorker = field('workerId') || null;
  const children: ChildDecision[] = [];
  const excepted = (n: number) => field(childField(n, 'except')) === 'yes';
  const everyoneExcepted = Array.from({ length: count }, (_, i) => excepted(i + 1)).every(Boolean);
  if (!everyoneExcepted) {
    if (!groupPathway) errors.pathway = 'Select a pathway for the group';
    if (!groupReason) errors.decisionReason = 'Enter the reason for the decision';
  }
  if (tooLong(groupReason, 2000)) errors.decisionReason = 'Reason must be 2000 characters or fewer';
  for (let n = 1; n <= count; n += 1) {
    const referralId = field(childField(n, 'ref'));
    const version = Number(field(childField(n, 'version')));
    if (!/^[A-Za-z0-9._/-]{1,64}$/.test(referralId) || !Number.isInteger(version)) {
      errors[childField(n, 'except')] = 'This form is out of date: open the group again';
      continue;
    }
    if (!excepted(n)) {
      if (groupPathway) children.push({ referralId, version, pathway: groupPathway, reason: groupReason, workerId: groupWorker });
      continue;
    }
    const own = pathwayOf(field(childField(n, 'pathway')));
    const reason = field(childField(n, 'decisionReason')) || groupReason;
    if (!own) errors[childField(n, 'pathway')] = 'Select a pathway for this child';
    if (!reason) errors[childField(n, 'decisionReason')] = 'Enter the reason for this child’s decision';
    if (tooLong(reason, 2000)) errors[childField(n, 'decisionReason')] = 'Reason must be 2000 characters or fewer';
    if (own) children.push({ referralId, version, pathway: own, reason, workerId: field(childField(n, 'workerId')) || null });
  }
  const decidedDate = readDateField(body, 'decided', 'Date of decision', errors, today);
  const allocating = children.some((c) => c.workerId && allocatedPathways.includes(c.pathway));
  const anyOpened = field('opened-day') || field('opened-month') || field('opened-year');
  const openedDate = allocating || anyOpened ? readDateField(body, 'opened', 'Date the cases open', errors) : undefined;
  if (Object.keys(errors).length || !decidedDate || children.length !== count) return { errors };
  return { decision: { screeningNotes: notes || null, decidedDate, openedDate: openedDate ?? null, children }, errors };
}

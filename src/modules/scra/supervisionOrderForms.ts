/** @module The supervision order forms (record an order, record a review, end an order), checked with zod. */
import { z } from 'zod';
import { readDateInput } from '../../platform/forms/dates.js';
import { formValues, readForm, type FormReading } from '../../platform/forms/formValues.js';
import type { NewOrder, NewReview } from './supervisionOrderService.js';
import { endReasons, orderKinds, reviewOutcomes, type EndReason } from '../../platform/codes/reporterCodes.js';
import { reasonsEnded, type ReasonEnded } from '../../platform/codes/careCodes.js';

/** Where the child went when their last order ended (this ends their looked after episode): optional on the form, asked for by the service when needed. */
const episodeReasonEnded = z.union([z.enum(reasonsEnded), z.literal('')], { error: 'Select where the child went from the list' }).transform((v) => v || null);

/** Optional text: trimmed, empty as null, at most `max` characters. */
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer`).transform((v) => v || null);

const orderSchema = z.object({
  kind: z.enum(orderKinds, { error: 'Select the kind of order' }),
  measures: z.string().trim().min(1, 'Enter the measures and conditions in the order').max(2000, 'Measures and conditions must be 2000 characters or fewer'),
  residence: optionalText('Where the child must live', 500),
  hearingId: z.string().trim().max(64).transform((v) => v || null),
});
const reviewSchema = z.object({
  outcome: z.enum(reviewOutcomes, { error: 'Select what the review hearing decided' }),
  measures: optionalText('Measures and conditions as varied', 2000),
  hearingId: z.string().trim().max(64).transform((v) => v || null),
  reasonEnded: episodeReasonEnded,
});
const endSchema = z.object({ endReason: z.enum(endReasons, { error: 'Select why the order ended' }), reasonEnded: episodeReasonEnded });

/** @example readOrder(body).data // { kind: 'cso_home', madeDate: '2024-05-10', measures: '…', residence: null, hearingId: null, reviewDueDate: '2025-05-10' } */
export function readOrder(body: unknown): FormReading<NewOrder> {
  const values = formValues(body, ['kind', 'measures', 'residence', 'hearingId'], ['madeDate', 'reviewDueDate']);
  const read = readForm(values, orderSchema, { madeDate: 'Date the order was made', reviewDueDate: 'Review due date' });
  const d = read.data;
  return { values, problems: read.problems, data: d && { kind: d.kind, madeDate: d.madeDate!, measures: d.measures, residence: d.residence, hearingId: d.hearingId, reviewDueDate: d.reviewDueDate! } };
}

/** @example readReview(body).data // { reviewDate: '2025-05-01', outcome: 'continued', nextReviewDate: '2026-04-30', measures: null, hearingId: null } */
export function readReview(body: unknown): FormReading<NewReview> {
  const values = formValues(body, ['outcome', 'measures', 'hearingId', 'reasonEnded'], ['reviewDate', 'nextReviewDate']);
  const read = readForm(values, reviewSchema, { reviewDate: 'Date of the review hearing' });
  const next = readDateInput('Next review due date', values['nextReviewDate-day'], values['nextReviewDate-month'], values['nextReviewDate-year']);
  const problems = { ...read.problems, ...(next.error ? { nextReviewDate: next.error } : {}) };
  if (!read.data || next.error) return { values, problems };
  return { values, problems, data: { reviewDate: read.data.reviewDate!, outcome: read.data.outcome, nextReviewDate: next.date ?? null, measures: read.data.measures, hearingId: read.data.hearingId, reasonEnded: read.data.reasonEnded } };
}

/** @example readEnd(body).data // { endedDate: '2025-01-31', endReason: 'turned_18', reasonEnded: 'continuing_care' } */
export function readEnd(body: unknown): FormReading<{ endedDate: string; endReason: EndReason; reasonEnded: ReasonEnded | null }> {
  const values = formValues(body, ['endReason', 'reasonEnded'], ['endedDate']);
  const read = readForm(values, endSchema, { endedDate: 'Date the order ended' });
  return { values, problems: read.problems, data: read.data && { endedDate: read.data.endedDate!, endReason: read.data.endReason, reasonEnded: read.data.reasonEnded } };
}

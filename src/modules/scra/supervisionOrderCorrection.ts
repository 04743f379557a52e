/**
 * @module Correcting a Compulsory Supervision Order as recorded (issue 12): the rules a correction keeps, the order in
 * words for its amendment, and the correction form (with a reason) whose fields the three-way merge versions.
 */
import { z } from 'zod';
import { longDateOf } from '../../platform/dates/formats.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { formValues, readForm, type FormReading, type FormValues } from '../../platform/forms/formValues.js';
import { orderKind, orderKinds } from '../../platform/codes/reporterCodes.js';
import { orderProblems, type OrderCorrection, type SupervisionOrder } from './supervisionOrder.js';

/**
 * Problems with a correction: the same rules as recording the order, and it must still come before its reviews and end.
 * @example orderCorrectionProblems(orderReviewedOn('2025-01-10'), { ...fields, madeDate: '2025-02-01' }).madeDate // 'The order must be made before its first review (10 January 2025)'
 */
export function orderCorrectionProblems(order: SupervisionOrder, corrected: OrderCorrection, hearingDate?: string): FieldErrors {
  const problems = orderProblems({ ...corrected, hearingDate });
  const firstReview = order.reviews[0]?.reviewDate;
  if (!problems.madeDate && firstReview && corrected.madeDate >= firstReview) problems.madeDate = `The order must be made before its first review (${longDateOf(firstReview)})`;
  else if (!problems.madeDate && order.endedDate && corrected.madeDate > order.endedDate) problems.madeDate = `The order must be made on or before the day it ended (${longDateOf(order.endedDate)})`;
  return problems;
}

/** @example orderInWords(order)['Date made'] // '10 May 2024' */
export function orderInWords(order: OrderCorrection): Record<string, string> {
  return {
    Kind: orderKind.label(order.kind), 'Date made': longDateOf(order.madeDate), 'Measures and conditions': order.measures,
    'Where the child must live': order.residence ?? '', 'Review due by': longDateOf(order.reviewDueDate),
  };
}

const dateLabels = (name: string, label: string) => ({ [`${name}-day`]: `${label} (day)`, [`${name}-month`]: `${label} (month)`, [`${name}-year`]: `${label} (year)` });

/** The fields the order correction versions, by label, for the three-way merge (platform/forms/versions.ts). */
export const orderCorrectionLabels: Record<string, string> = {
  kind: 'Kind of order', ...dateLabels('madeDate', 'Date the order was made'), measures: 'Measures and conditions',
  residence: 'Where the child must live', ...dateLabels('reviewDueDate', 'Review due date'),
};

const parts = (name: string, iso: string): FormValues => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
};

/** @example orderCorrectionValues(order).kind // 'cso_home' */
export function orderCorrectionValues(order: SupervisionOrder): FormValues {
  return { kind: order.kind, ...parts('madeDate', order.madeDate), measures: order.measures, residence: order.residence ?? '', ...parts('reviewDueDate', order.reviewDueDate) };
}

const correctionSchema = z.object({
  kind: z.enum(orderKinds, { error: 'Select the kind of order' }),
  measures: z.string().trim().min(1, 'Enter the measures and conditions in the order').max(2000, 'Measures and conditions must be 2000 characters or fewer'),
  residence: z.string().trim().max(500, 'Where the child must live must be 500 characters or fewer').transform((v) => v || null),
  reason: z.string().trim().min(1, 'Enter why the order is being corrected').max(500, 'The reason must be 500 characters or fewer'),
});

/** @example readOrderCorrection(values).data?.corrected.madeDate // '2024-05-09' */
export function readOrderCorrection(body: unknown): FormReading<{ corrected: OrderCorrection; reason: string }> {
  const values = formValues(body, ['kind', 'measures', 'residence', 'reason'], ['madeDate', 'reviewDueDate']);
  const read = readForm(values, correctionSchema, { madeDate: 'Date the order was made', reviewDueDate: 'Review due date' });
  const d = read.data;
  if (!d) return { values, problems: read.problems };
  return { values, problems: {}, data: { corrected: { kind: d.kind, madeDate: d.madeDate!, measures: d.measures, residence: d.residence, reviewDueDate: d.reviewDueDate! }, reason: d.reason } };
}

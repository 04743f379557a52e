/** @module The forms that correct or withdraw a referral to the Reporter, the Reporter's decision or a hearing outcome: each asks why (issue 12). */
import { z } from 'zod';
import { formValues, readForm, type FormReading, type FormValues } from '../../platform/forms/formValues.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { ground, hearingOutcomes, reporterDecisions } from '../../platform/codes/reporterCodes.js';
import type { HearingCorrection, ReferralCorrection, ScraHearing, ScraReferral } from './scra.js';

const dateLabels = (name: string, label: string) => ({ [`${name}-day`]: `${label} (day)`, [`${name}-month`]: `${label} (month)`, [`${name}-year`]: `${label} (year)` });

/** The fields the referral correction versions, by label, for the three-way merge (platform/forms/versions.ts). */
export const referralLabels: Record<string, string> = {
  ...dateLabels('referralDate', 'Date of referral'), ground: 'Ground', decision: 'Reporter’s decision', ...dateLabels('decisionDate', 'Date of the decision'),
};
export const hearingLabels: Record<string, string> = { ...dateLabels('hearingDate', 'Date of the hearing'), outcome: 'Outcome', ...dateLabels('reviewDate', 'Review by') };

const why = (what: string) => z.string().trim().min(1, `Enter why the ${what} is being corrected`).max(500, 'The reason must be 500 characters or fewer');
const referralSchema = z.object({ ground: z.string().refine(ground.has, 'Select the ground of referral'), reason: why('referral') });
const decisionSchema = z.object({ decision: z.enum(reporterDecisions, { error: 'Select the Reporter’s decision' }) });
const hearingSchema = z.object({ outcome: z.enum(hearingOutcomes, { error: 'Select the outcome of the hearing' }), reason: why('hearing') });
const withdrawSchema = z.object({ reason: z.string().trim().min(1, 'Enter why it is being withdrawn').max(500, 'The reason must be 500 characters or fewer') });

const parts = (name: string, iso: string | null): FormValues => {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  return { [`${name}-day`]: day ? String(Number(day)) : '', [`${name}-month`]: month ? String(Number(month)) : '', [`${name}-year`]: year };
};

/** @example referralValues(referral).ground // 'j' */
export function referralValues(referral: ScraReferral): FormValues {
  return { ...parts('referralDate', referral.referralDate), ground: referral.ground, decision: referral.decision ?? '', ...parts('decisionDate', referral.decisionDate) };
}

/** @example hearingValues(hearing).outcome // 'cso_made' */
export function hearingValues(hearing: ScraHearing): FormValues {
  return { ...parts('hearingDate', hearing.hearingDate), outcome: hearing.outcome, ...parts('reviewDate', hearing.reviewDate) };
}

/**
 * A referral's correction; the decision and its date only when the referral has one (withdraw it to remove it).
 * @example readReferralCorrection(values, false).data?.corrected.referralDate // '2024-03-28'
 */
export function readReferralCorrection(body: unknown, decided: boolean): FormReading<{ corrected: ReferralCorrection; reason: string }> {
  const values = formValues(body, ['ground', 'decision', 'reason'], ['referralDate', 'decisionDate']);
  const read = readForm(values, referralSchema, { referralDate: 'Date of referral' });
  const decision = decided ? readForm(values, decisionSchema, { decisionDate: 'Date of the decision' }) : undefined;
  const problems = { ...read.problems, ...(decision?.problems ?? {}) };
  if (!read.data || (decision && !decision.data)) return { values, problems };
  const corrected = { referralDate: read.data.referralDate!, ground: read.data.ground, decision: decision?.data?.decision ?? null, decisionDate: decision?.data?.decisionDate ?? null };
  return { values, problems: {}, data: { corrected, reason: read.data.reason } };
}

/** @example readHearingCorrection(values).data?.corrected.outcome // 'cso_made' */
export function readHearingCorrection(body: unknown): FormReading<{ corrected: HearingCorrection; reason: string }> {
  const values = formValues(body, ['outcome', 'reason'], ['hearingDate', 'reviewDate']);
  const read = readForm(values, hearingSchema, { hearingDate: 'Date of the hearing' });
  const review = readDateInput('Review date', values['reviewDate-day'], values['reviewDate-month'], values['reviewDate-year']);
  const problems = { ...read.problems, ...(review.error ? { reviewDate: review.error } : {}) };
  if (!read.data || review.error) return { values, problems };
  return { values, problems: {}, data: { corrected: { hearingDate: read.data.hearingDate!, outcome: read.data.outcome, reviewDate: review.date ?? null }, reason: read.data.reason } };
}

/** @example readWithdrawal({ reason: 'Recorded twice' }).data // { reason: 'Recorded twice' } */
export function readWithdrawal(body: unknown): FormReading<{ reason: string }> {
  const values = formValues(body, ['reason']);
  const read = readForm(values, withdrawSchema, {});
  return { values, problems: read.problems, ...(read.data ? { data: { reason: read.data.reason } } : {}) };
}

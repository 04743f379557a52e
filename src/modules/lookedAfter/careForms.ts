/** @module The care forms' fields, read and checked with zod: what was typed (to show again) and the data or the problems. */
import { z } from 'zod';
import { formValues, readForm, type FormReading } from '../../platform/forms/formValues.js';
import { type PlacementDetails } from './lookedAfter.js';
import { optionalMoney } from '../../platform/forms/money.js';
import { legalReasons, placementTypes, reasonsEnded, type LegalReason, type ReasonEnded } from '../../platform/codes/careCodes.js';

export const startEpisodeForm = z.object({ legalReason: z.enum(legalReasons, { error: 'Select the legal reason the child is looked after' }) });
export const endEpisodeForm = z.object({ reasonEnded: z.enum(reasonsEnded, { error: 'Select why the episode ended' }) });

const placementFields = {
  placementType: z.enum(placementTypes, { error: 'Select the type of placement' }),
  providerId: z.string().trim().max(64).transform((v) => v || null),
  outOfAuthority: z.enum(['yes', 'no'], { error: 'Select whether the placement is outside the council’s area' }).transform((v) => v === 'yes'),
  weeklyCost: optionalMoney('Weekly cost'),
  homeId: z.string().trim().max(64).optional().transform((v) => v || null),
  costOverrideReason: z.string().trim().max(500, 'Why the cost differs must be 500 characters or fewer').optional().transform((v) => v || null),
};
export const placeForm = z.object(placementFields);
export const moveForm = z.object({
  ...placementFields,
  moveReason: z.string().trim().min(1, 'Enter why the child is moving').max(500, 'Reason for the move must be 500 characters or fewer'),
});

export const placementFieldOrder = ['placementType', 'homeId', 'providerId', 'outOfAuthority', 'weeklyCost', 'costOverrideReason', 'startDate', 'moveReason'] as const;

/** @example readStartEpisode(body).data // { legalReason: 'cso_away', startDate: '2024-05-01' } */
export function readStartEpisode(body: unknown): FormReading<{ legalReason: LegalReason; startDate: string }> {
  const values = formValues(body, ['legalReason'], ['startDate']);
  const read = readForm(values, startEpisodeForm, { startDate: 'Start date' });
  return { values, problems: read.problems, data: read.data && { legalReason: read.data.legalReason, startDate: read.data.startDate! } };
}

/** @example readEndEpisode(body).data // { reasonEnded: 'home_with_parents', endDate: '2024-09-01' } */
export function readEndEpisode(body: unknown): FormReading<{ reasonEnded: ReasonEnded; endDate: string }> {
  const values = formValues(body, ['reasonEnded'], ['endDate']);
  const read = readForm(values, endEpisodeForm, { endDate: 'End date' });
  return { values, problems: read.problems, data: read.data && { reasonEnded: read.data.reasonEnded, endDate: read.data.endDate! } };
}

/** @example readPlacement(body, false).data // { placementType: 'foster_la', providerId: null, outOfAuthority: false, weeklyCost: 450, startDate: '2024-05-01' } */
export function readPlacement(body: unknown, moving: boolean): FormReading<{ details: PlacementDetails; moveReason: string }> {
  const values = formValues(body, ['placementType', 'homeId', 'providerId', 'outOfAuthority', 'weeklyCost', 'costOverrideReason', 'moveReason'], ['startDate']);
  const read = readForm(values, moving ? moveForm : placeForm.extend({ moveReason: z.string().optional() }), { startDate: moving ? 'Date of the move' : 'Start date' });
  if (!read.data) return { values, problems: read.problems };
  const d = read.data;
  return {
    values,
    problems: {},
    data: {
      details: { placementType: d.placementType, providerId: d.providerId, outOfAuthority: d.outOfAuthority, weeklyCost: d.weeklyCost, startDate: d.startDate!, homeId: d.homeId, costOverrideReason: d.costOverrideReason },
      moveReason: typeof d.moveReason === 'string' ? d.moveReason.trim() : '',
    },
  };
}

/** @example readEndPlacement(body).data // { endDate: '2024-08-01' } */
export function readEndPlacement(body: unknown): FormReading<{ endDate: string }> {
  const values = formValues(body, [], ['endDate']);
  const read = readForm(values, z.object({}), { endDate: 'End date' });
  return { values, problems: read.problems, data: read.data && { endDate: read.data.endDate! } };
}

export const correctionFieldOrder = ['placementType', 'homeId', 'providerId', 'outOfAuthority', 'weeklyCost', 'costOverrideReason', 'startDate', 'endDate', 'reason'] as const;
const correctionForm = placeForm.extend({
  reason: z.string().trim().min(1, 'Enter why the placement is being corrected').max(500, 'The reason must be 500 characters or fewer'),
});

/**
 * The correction of a placement: the placement's fields, its end date if it has ended, and why it is corrected.
 * @example readCorrection({ ...placementValues, reason: 'Cost mistyped' }, true).data?.reason // 'Cost mistyped'
 */
export function readCorrection(body: unknown, ended: boolean): FormReading<{ details: PlacementDetails & { endDate: string | null }; reason: string }> {
  const values = formValues(body, ['placementType', 'homeId', 'providerId', 'outOfAuthority', 'weeklyCost', 'costOverrideReason', 'reason'], ['startDate', 'endDate']);
  const read = readForm(values, correctionForm, ended ? { startDate: 'Start date', endDate: 'End date' } : { startDate: 'Start date' });
  if (!read.data) return { values, problems: read.problems };
  const d = read.data;
  const endDate = ended ? d.endDate! : null;
  if (endDate && endDate < d.startDate!) return { values, problems: { endDate: 'The end date must be on or after the start date' } };
  return {
    values,
    problems: {},
    data: {
      details: { placementType: d.placementType, providerId: d.providerId, outOfAuthority: d.outOfAuthority, weeklyCost: d.weeklyCost, startDate: d.startDate!, endDate, homeId: d.homeId, costOverrideReason: d.costOverrideReason },
      reason: d.reason,
    },
  };
}

export const episodeCorrectionFieldOrder = ['startDate', 'legalReason', 'endDate', 'reasonEnded', 'reason'] as const;
const episodeCorrectionForm = z.object({
  legalReason: z.enum(legalReasons, { error: 'Select the legal reason the child is looked after' }),
  reasonEnded: z.string().optional(),
  reason: z.string().trim().min(1, 'Enter why the episode is being corrected').max(500, 'The reason must be 500 characters or fewer'),
});

/**
 * The correction of an episode: its dates, legal reason, why it ended if it has, and why it is corrected.
 * @example readEpisodeCorrection({ ...episodeValues, reason: 'Date mistyped' }, false).data?.details.endDate // null
 */
export function readEpisodeCorrection(body: unknown, ended: boolean): FormReading<{ details: { startDate: string; endDate: string | null; legalReason: LegalReason; reasonEnded: ReasonEnded | null }; reason: string }> {
  const values = formValues(body, ['legalReason', 'reasonEnded', 'reason'], ['startDate', 'endDate']);
  const read = readForm(values, episodeCorrectionForm, ended ? { startDate: 'Start date', endDate: 'End date' } : { startDate: 'Start date' });
  const reasonEnded = reasonsEnded.find((code) => code === values.reasonEnded) ?? null;
  const problems: Record<string, string> = { ...read.problems };
  if (ended && !reasonEnded) problems.reasonEnded = 'Select why the episode ended';
  if (!read.data || Object.keys(problems).length) return { values, problems };
  const d = read.data;
  const endDate = ended ? d.endDate! : null;
  if (endDate && endDate < d.startDate!) return { values, problems: { endDate: 'The end date must be on or after the start date' } };
  return { values, problems: {}, data: { details: { startDate: d.startDate!, endDate, legalReason: d.legalReason, reasonEnded: ended ? reasonEnded : null }, reason: d.reason } };
}

/** @example readWithdrawal({ reason: 'Recorded on the wrong child' }).data // { reason: 'Recorded on the wrong child' } */
export function readWithdrawal(body: unknown): FormReading<{ reason: string }> {
  const values = formValues(body, ['reason']);
  const read = readForm(values, z.object({ reason: z.string().trim().min(1, 'Enter why the episode is being withdrawn').max(500, 'The reason must be 500 characters or fewer') }), {});
  return { values, problems: read.problems, data: read.data && { reason: read.data.reason } };
}

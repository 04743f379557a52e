/**
 * @module Correcting or withdrawing a looked after episode (issue 12, ADR 0024): the rules a corrected episode must
 * keep, and how an episode reads in its history. Pure; the service runs them inside the change's transaction.
 */
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { longDateOf, periodOf } from '../../platform/dates/formats.js';
import { legalReason, reasonEnded } from '../../platform/codes/careCodes.js';
import type { Episode, EpisodeDetails, Placement } from './lookedAfter.js';

/**
 * Where a corrected episode breaks the rules: it may not share a day with the child's other episodes, and it must
 * still hold every placement made in it (correct those first).
 * @example episodeCorrectionProblems({ ...episode, startDate: '2024-06-01' }, episode, [], [placementFrom1May]).startDate // 'A placement in this episode started on 1 May 2024. …'
 */
export function episodeCorrectionProblems(corrected: EpisodeDetails, episode: Episode, episodes: readonly Episode[], placements: readonly Placement[]): FieldErrors {
  const problems: FieldErrors = {};
  if (corrected.endDate !== null && corrected.endDate < corrected.startDate) problems.endDate = 'The end date must be on or after the start date';
  const overlapping = episodes.find((e) => e.episodeId !== episode.episodeId
    && corrected.startDate < (e.endDate ?? '9999-12-31') && e.startDate < (corrected.endDate ?? '9999-12-31'));
  if (overlapping) problems.startDate = `The child had another looked after episode ${periodOf(overlapping.startDate, overlapping.endDate)}. Episodes may not overlap.`;
  const own = placements.filter((p) => p.episodeId === episode.episodeId);
  const earliest = own.reduce<string | null>((first, p) => (first === null || p.startDate < first ? p.startDate : first), null);
  if (!problems.startDate && earliest !== null && corrected.startDate > earliest) {
    problems.startDate = `A placement in this episode started on ${longDateOf(earliest)}. The episode must start on or before that day: correct the placement first.`;
  }
  if (!problems.endDate && corrected.endDate !== null) {
    const after = own.find((p) => p.endDate === null || p.endDate > corrected.endDate!);
    if (after) problems.endDate = `A placement in this episode ${after.endDate ? `ran until ${longDateOf(after.endDate)}` : 'is still open'}. The episode must end on or after that day: correct the placement first.`;
  }
  return problems;
}

/**
 * What an episode said, in words, as its corrections show it.
 * @example episodeInWords({ startDate: '2024-05-01', endDate: null, legalReason: 'cso_away', reasonEnded: null }).Period // 'Since 1 May 2024'
 */
export function episodeInWords(recorded: Record<string, unknown>): Record<string, string> {
  const end = typeof recorded.endDate === 'string' ? recorded.endDate : null;
  return {
    Period: periodOf(String(recorded.startDate ?? ''), end),
    'Legal reason': legalReason.label(String(recorded.legalReason ?? '')),
    'Reason ended': end ? reasonEnded.label(String(recorded.reasonEnded ?? '')) || 'Not recorded' : 'Open',
  };
}

/** The fields of an episode kept in its amendments. */
export const episodeDetailsOf = (e: Episode | EpisodeDetails): EpisodeDetails => ({ startDate: e.startDate, endDate: e.endDate, legalReason: e.legalReason, reasonEnded: e.reasonEnded });

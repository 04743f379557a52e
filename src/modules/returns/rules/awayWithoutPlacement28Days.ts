/** @module E104: an open episode away from home with no placement for more than 28 days. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { addDays, daysBetween } from '../../../platform/dates/isoDates.js';

/** The longest a child away from home may go without a placement recorded. */
export const longestDaysWithoutPlacement = 28;

/** The days of `[from, to)` not covered by any placement, as gaps. */
function gaps(from: string, to: string, placements: readonly { startDate: string; endDate: string | null }[]): { start: string; days: number }[] {
  const found: { start: string; days: number }[] = [];
  let cursor = from;
  for (const placement of placements) {
    if (placement.startDate > cursor) found.push({ start: cursor, days: daysBetween(cursor, placement.startDate < to ? placement.startDate : to) });
    const end = placement.endDate ?? to;
    if (end > cursor) cursor = end;
    if (cursor >= to) break;
  }
  if (cursor < to) found.push({ start: cursor, days: daysBetween(cursor, to) });
  return found.filter((gap) => gap.days > 0);
}

export const awayWithoutPlacement28Days: Rule = {
  code: 'E104',
  kind: 'error',
  message: 'The child is looked after away from home but has had no placement for more than 28 days',
  meaning:
    'An episode in the year whose legal reason is not a supervision order at home, with a stretch of more than 28 days (up to the census date, or today) with no placement recorded. Where the child lived then is missing. (An episode with no placement at all is E105.)',
  tables: ['episodes', 'placements'],
  fields: ['placements.startDate', 'placements.endDate'],
  check(context) {
    return context.episodesInYear()
      .filter((episode) => episode.legalReason !== 'cso_home' && context.placementsOf(episode.episodeId).length > 0)
      .flatMap((episode) => {
        const until = addDays(context.asAt, 1);
        const to = episode.endDate !== null && episode.endDate < until ? episode.endDate : until;
        const longest = gaps(episode.startDate, to, context.placementsOf(episode.episodeId)).find((gap) => gap.days > longestDaysWithoutPlacement);
        return longest ? [breachOf('episodes', episode, { detail: `no placement for ${longest.days} days from ${longest.start}` })] : [];
      });
  },
};

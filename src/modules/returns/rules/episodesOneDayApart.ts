/** @module E111: a child's episodes with a gap of one day between them: likely one episode. */
import type { Breach, Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { addDays } from '../../../platform/dates/isoDates.js';

export const episodesOneDayApart: Rule = {
  code: 'E111',
  kind: 'query',
  message: "The episode starts one day after the child's previous episode ended: likely one episode",
  meaning:
    'Two episodes of one child, the second starting the day after the first ended, with one of them in the year. A child who stayed looked after is one episode; two would count a false ending and a false start in the return. Correct the dates, or mark them checked when the child really went home for that day.',
  tables: ['episodes'],
  fields: ['episodes.endDate', 'episodes.startDate'],
  check(context) {
    const inYear = new Set(context.episodesInYear().map((episode) => episode.episodeId));
    const breaches: Breach[] = [];
    for (const childId of new Set(context.episodesInYear().map((episode) => episode.childId))) {
      const episodes = context.episodesOf(childId);
      for (let i = 1; i < episodes.length; i++) {
        const [before, after] = [episodes[i - 1]!, episodes[i]!];
        if (before.endDate === null || addDays(before.endDate, 1) !== after.startDate) continue;
        if (!inYear.has(before.episodeId) && !inYear.has(after.episodeId)) continue;
        const issueId = `E111:${before.episodeId}:${after.episodeId}`;
        breaches.push(breachOf('episodes', before, { issueId, fields: ['episodes.endDate'], detail: `ended ${before.endDate}` }));
        breaches.push(breachOf('episodes', after, { issueId, fields: ['episodes.startDate'], detail: `started ${after.startDate}` }));
      }
    }
    return breaches;
  },
};

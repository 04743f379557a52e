/** @module E112: two episodes of one child open on the same day. */
import type { Breach, Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const overlappingEpisodes: Rule = {
  code: 'E112',
  kind: 'error',
  message: "The episode overlaps another of the child's episodes",
  meaning: 'Two episodes of one child open on the same day, one of them in the year. A child is looked after once at a time: end one episode before the next starts, or make them one.',
  tables: ['episodes'],
  fields: ['episodes.startDate', 'episodes.endDate'],
  check(context) {
    const breaches: Breach[] = [];
    for (const childId of new Set(context.episodesInYear().map((episode) => episode.childId))) {
      const episodes = context.episodesOf(childId);
      for (let i = 0; i < episodes.length; i++) {
        for (let j = i + 1; j < episodes.length; j++) {
          const [first, second] = [episodes[i]!, episodes[j]!];
          if (first.endDate !== null && first.endDate <= second.startDate) continue;
          const issueId = `E112:${first.episodeId}:${second.episodeId}`;
          breaches.push(breachOf('episodes', first, { issueId, detail: `overlaps ${second.episodeId}` }), breachOf('episodes', second, { issueId, detail: `overlaps ${first.episodeId}` }));
        }
      }
    }
    return breaches;
  },
};

/** @module E105: an episode with no placement at all. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const episodeWithoutPlacement: Rule = {
  code: 'E105',
  kind: 'error',
  message: 'The episode has no placement',
  meaning: 'An episode in the year with no placement recorded. The looked after return has a placement record for every day of every episode, including "at home with parents".',
  tables: ['episodes'],
  fields: ['placements.placementId'],
  check: (context) => context.episodesInYear().filter((episode) => context.placementsOf(episode.episodeId).length === 0).map((episode) => breachOf('episodes', episode)),
};

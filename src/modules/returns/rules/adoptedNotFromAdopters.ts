/** @module E114: an episode ended by adoption whose last placement was not with prospective adopters. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const adoptedNotFromAdopters: Rule = {
  code: 'E114',
  kind: 'query',
  message: 'The episode ended with adoption, but the last placement was not with prospective adopters',
  meaning: 'An episode that ended in the year because the child was adopted, whose last placement was not "with prospective adopters". Children are adopted from an adoptive placement; one of the two is likely wrong.',
  tables: ['episodes', 'placements'],
  fields: ['episodes.reasonEnded', 'placements.placementType'],
  check: (context) =>
    context.episodesInYear()
      .filter((episode) => episode.reasonEnded === 'adopted')
      .filter((episode) => context.placementsOf(episode.episodeId).at(-1)?.placementType !== 'prospective_adopters')
      .map((episode) => breachOf('episodes', episode, { detail: `last placement ${context.placementsOf(episode.episodeId).at(-1)?.placementType ?? 'none'}` })),
};

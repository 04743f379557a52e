/** @module E115: an episode that ends the day it starts. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const episodeOfNoDays: Rule = {
  code: 'E115',
  kind: 'query',
  message: 'The episode ends on the day it starts, so lasts no days',
  meaning: 'An episode whose end date is its start date (an end date is the first day a child is no longer looked after), so the child was never looked after overnight. Usually the end date is a day early, or the episode was recorded in error.',
  tables: ['episodes'],
  fields: ['episodes.startDate', 'episodes.endDate'],
  check: (context) => context.episodesInYear().filter((episode) => episode.endDate === episode.startDate).map((episode) => breachOf('episodes', episode)),
};

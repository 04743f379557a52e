/** @module E107: an ended episode with no reason ended. */
import { requiredField } from '../families/requiredField.js';

export const episodeEndedWithoutReason = requiredField({
  code: 'E107',
  kind: 'error',
  table: 'episodes',
  field: 'reasonEnded',
  message: 'The episode has ended but the reason it ended is not recorded',
  meaning: 'An episode that ended in the year with no reason ended (where the child went). The looked after return reports every ending by destination.',
  scope: (context) => context.episodesInYear().filter((episode) => episode.endDate !== null),
});

/** @module E106: an episode starting before the child was born. */
import { datesInOrder } from '../families/datesInOrder.js';

export const episodeBeforeBirth = datesInOrder({
  code: 'E106',
  kind: 'error',
  table: 'episodes',
  later: 'startDate',
  earlierField: 'children.dateOfBirth',
  earlier: (episode, context) => context.child(episode.childId)?.dateOfBirth,
  message: 'The episode starts before the child was born',
  meaning: "An episode in the year that starts before the child's date of birth: one of the two dates is wrong.",
  scope: (context) => context.episodesInYear(),
  reads: ['children'],
});

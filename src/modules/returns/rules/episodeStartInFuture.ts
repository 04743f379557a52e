/** @module E116: an episode starting after today. */
import { notInFuture } from '../families/notInFuture.js';

export const episodeStartInFuture = notInFuture({
  code: 'E116',
  kind: 'error',
  table: 'episodes',
  field: 'startDate',
  message: 'The episode starts in the future',
  meaning: 'An episode whose start date is after the day the rules run: a typing slip, or an episode recorded before it began.',
});

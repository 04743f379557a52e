/** @module E117: an episode ending after today. */
import { notInFuture } from '../families/notInFuture.js';

export const episodeEndInFuture = notInFuture({
  code: 'E117',
  kind: 'error',
  table: 'episodes',
  field: 'endDate',
  message: 'The episode ends in the future',
  meaning: 'An episode whose end date is after the day the rules run. Record an ending when it happens, not when it is planned.',
});

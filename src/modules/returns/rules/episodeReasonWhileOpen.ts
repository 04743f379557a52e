/** @module E108: a reason ended on an episode that has not ended. */
import { emptyWhileOpen } from '../families/emptyWhileOpen.js';

export const episodeReasonWhileOpen = emptyWhileOpen({
  code: 'E108',
  kind: 'error',
  table: 'episodes',
  field: 'reasonEnded',
  endField: 'endDate',
  message: 'The episode has a reason ended but no end date',
  meaning: 'An open episode with a reason ended: either the end date is missing or the reason was recorded ahead of time.',
});

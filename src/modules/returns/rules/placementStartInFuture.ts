/** @module P109: a placement starting after today. */
import { notInFuture } from '../families/notInFuture.js';

export const placementStartInFuture = notInFuture({
  code: 'P109',
  kind: 'error',
  table: 'placements',
  field: 'startDate',
  message: 'The placement starts in the future',
  meaning: 'A placement whose start date is after the day the rules run: record a move when it happens.',
});

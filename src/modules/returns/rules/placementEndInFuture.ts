/** @module P110: a placement ending after today. */
import { notInFuture } from '../families/notInFuture.js';

export const placementEndInFuture = notInFuture({
  code: 'P110',
  kind: 'error',
  table: 'placements',
  field: 'endDate',
  message: 'The placement ends in the future',
  meaning: 'A placement whose end date is after the day the rules run: record an ending when it happens, not when it is planned.',
});

/** @module R109: a registration dated after today. */
import { notInFuture } from '../families/notInFuture.js';

export const registeredInFuture = notInFuture({
  code: 'R109',
  kind: 'error',
  table: 'registrations',
  field: 'registeredDate',
  message: 'The registration date is in the future',
  meaning: 'A registration dated after the day the rules run: a typing slip.',
});

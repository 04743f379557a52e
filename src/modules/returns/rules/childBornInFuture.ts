/** @module C107: a date of birth after today. */
import { notInFuture } from '../families/notInFuture.js';

export const childBornInFuture = notInFuture({
  code: 'C107',
  kind: 'error',
  table: 'children',
  field: 'dateOfBirth',
  message: "The child's date of birth is in the future",
  meaning: 'A date of birth after the day the rules run. An unborn child (a pre-birth registration) is recorded with the expected date only once born; before that it is a typing slip.',
});

/** @module P108: a placement starting before the child was born. */
import { datesInOrder } from '../families/datesInOrder.js';

export const placementBeforeBirth = datesInOrder({
  code: 'P108',
  kind: 'error',
  table: 'placements',
  later: 'startDate',
  earlierField: 'children.dateOfBirth',
  earlier: (placement, context) => context.child(placement.childId)?.dateOfBirth,
  message: 'The placement starts before the child was born',
  meaning: "A placement in the year that starts before the child's date of birth: one of the two dates is wrong.",
  scope: (context) => context.placementsInYear(),
  reads: ['children'],
});

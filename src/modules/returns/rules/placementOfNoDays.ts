/** @module P112: a placement that ends the day it starts. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const placementOfNoDays: Rule = {
  code: 'P112',
  kind: 'query',
  message: 'The placement ends on the day it starts, so lasts no days',
  meaning: 'A placement whose end date is its start date: the child never spent a night there. Usually the end date is a day early, or the placement was recorded in error; it would count as a move in placement stability.',
  tables: ['placements'],
  fields: ['placements.startDate', 'placements.endDate'],
  check: (context) => context.placementsInYear().filter((placement) => placement.endDate === placement.startDate).map((placement) => breachOf('placements', placement)),
};

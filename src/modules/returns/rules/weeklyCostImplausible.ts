/** @module P111: a weekly cost too high to be likely. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

/** Above this a weekly cost is more likely a yearly or monthly one typed in the wrong place. */
export const highestLikelyWeeklyCost = 20_000;

export const weeklyCostImplausible: Rule = {
  code: 'P111',
  kind: 'query',
  message: 'The weekly cost is over £20,000',
  meaning: 'A placement in the year costing more than £20,000 a week. Even secure care costs less: it is usually a monthly or yearly cost typed as weekly, which would swell external spend.',
  tables: ['placements'],
  fields: ['placements.weeklyCost'],
  check: (context) =>
    context.placementsInYear()
      .filter((placement) => placement.weeklyCost !== null && placement.weeklyCost > highestLikelyWeeklyCost)
      .map((placement) => breachOf('placements', placement, { detail: `£${placement.weeklyCost} a week` })),
};

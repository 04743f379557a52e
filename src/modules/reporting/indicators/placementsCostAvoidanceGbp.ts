/** @module `placements.cost_avoidance_gbp`: the yearly cost avoided by having fewer out of authority placements than at the baseline. */
import { censusDate, censusDates } from '../periods.js';
import { decimalFraction, roundHalfAwayFromZero } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
import { placementsOpenOn } from './placementsOutOfAuthority.js';
import { statsRow } from './rows.js';

export const placementsCostAvoidanceGbp: Indicator = {
  id: 'placements.cost_avoidance_gbp',
  kind: 'census',
  definition:
    '(`placements.out_of_authority` at the baseline − at D) × the mean `weekly_cost` of the out of authority placements open on the baseline census date that have a cost × 52',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    // The cost total comes back as text so the mean is exact (numeric, not a float).
    const rows = await placementsOpenOn(db, censusDates(periods, true));
    const byDate = new Map(rows.map((row) => [row.census_date, row]));
    const baseline = byDate.get(censusDate(periods.baseline));
    // Without a costed out of authority placement at the baseline there is no mean cost: no rows.
    if (!baseline || baseline.out_of_authority_costed === 0) return [];
    const total = decimalFraction(baseline.out_of_authority_cost_total);
    return censusDates(periods).map((date) => {
      const avoided = BigInt(baseline.out_of_authority - (byDate.get(date)?.out_of_authority ?? 0));
      // avoided × (total ÷ costed) × 52, rounded once.
      const value = roundHalfAwayFromZero(avoided * total.numerator * 52n, total.denominator * BigInt(baseline.out_of_authority_costed), placementsCostAvoidanceGbp.places);
      return statsRow(placementsCostAvoidanceGbp.id, date, value);
    });
  },
};

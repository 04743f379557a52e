/** @module `placements.cost_avoidance_gbp`: the yearly cost avoided by having fewer out of authority placements than at the baseline. */
import { censusDate, censusDates } from '../periods.js';
import { decimalFraction, roundHalfAwayFromZero } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
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
    const rows = await db.query<{ census_date: string; placements: number; costed: number; weekly_cost_total: string }>(
      `select census.census_date,
              count(placement.placement_id)::int as placements,
              count(placement.weekly_cost)::int as costed,
              coalesce(sum(placement.weekly_cost), 0)::text as weekly_cost_total
         from unnest($1::date[]) as census (census_date)
         left join placements placement
           on placement.out_of_authority
          and placement.start_date <= census.census_date
          and (placement.end_date is null or placement.end_date > census.census_date)
        group by census.census_date`,
      [censusDates(periods, true)],
    );
    const byDate = new Map(rows.map((row) => [row.census_date, row]));
    const baseline = byDate.get(censusDate(periods.baseline));
    // Without a costed out of authority placement at the baseline there is no mean cost: no rows.
    if (!baseline || baseline.costed === 0) return [];
    const total = decimalFraction(baseline.weekly_cost_total);
    return censusDates(periods).map((date) => {
      const avoided = BigInt(baseline.placements - (byDate.get(date)?.placements ?? 0));
      // avoided × (total ÷ costed) × 52, rounded once.
      const value = roundHalfAwayFromZero(avoided * total.numerator * 52n, total.denominator * BigInt(baseline.costed), placementsCostAvoidanceGbp.places);
      return statsRow(placementsCostAvoidanceGbp.id, date, value);
    });
  },
};

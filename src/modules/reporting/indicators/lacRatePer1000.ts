/** @module `lac.rate_per_1000`: looked after children per 1,000 children aged 0–17, by census date. */
import { censusDates } from '../periods.js';
import { roundHalfAwayFromZero } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
import { lookedAfterCounts } from './lacCount.js';
import { statsRow } from './rows.js';

export const lacRatePer1000: Indicator = {
  id: 'lac.rate_per_1000',
  kind: 'census',
  definition: '`lac.count` ÷ population aged 0–17 of year Y × 1000; absent without a population row',
  places: 1,
  dimensions: [],
  async compute(db, periods) {
    const dates = censusDates(periods);
    const [counts, population] = await Promise.all([
      lookedAfterCounts(db, censusDates(periods, true)),
      db.query<{ year: number; age_0_17: number }>('select year, age_0_17 from population where year = any($1::int[])', [periods.years]),
    ]);
    const childrenInYear = new Map(population.map((row) => [row.year, row.age_0_17]));
    return periods.years.flatMap((year, i) => {
      const children = childrenInYear.get(year);
      // No population row (or a population of 0): the rate is absent.
      if (!children) return [];
      const date = dates[i]!;
      return [statsRow(lacRatePer1000.id, date, roundHalfAwayFromZero((counts.get(date) ?? 0) * 1000, children, lacRatePer1000.places))];
    });
  },
};

/** @module `lac.change_from_baseline_pct`: the change in looked after children since the baseline census, in per cent. */
import { censusDate, censusDates } from '../periods.js';
import { roundHalfAwayFromZero } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
import { lookedAfterCounts } from './lacCount.js';
import { statsRow } from './rows.js';

export const lacChangeFromBaselinePct: Indicator = {
  id: 'lac.change_from_baseline_pct',
  kind: 'census',
  definition: '(`lac.count` at D − at the baseline census) ÷ at the baseline × 100',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const counts = await lookedAfterCounts(db, censusDates(periods, true));
    const atBaseline = counts.get(censusDate(periods.baseline)) ?? 0;
    // Nobody looked after at the baseline: a zero denominator, so no rows.
    if (atBaseline === 0) return [];
    return censusDates(periods).map((date) =>
      statsRow(lacChangeFromBaselinePct.id, date, roundHalfAwayFromZero(((counts.get(date) ?? 0) - atBaseline) * 100, atBaseline, lacChangeFromBaselinePct.places)),
    );
  },
};

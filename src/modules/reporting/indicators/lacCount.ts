/** @module `lac.count`: distinct children with a looked after episode open on each census date. */
import type { Queryable } from '../../../db/database.js';
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { lookedAfterByPlacementType } from './lacByPlacementType.js';
import { statsRow } from './rows.js';

/**
 * Children looked after on each date, 0 included — the numerator `lac.rate_per_1000` and
 * `lac.change_from_baseline_pct` share, so the three always agree. Each looked after child is in exactly one
 * row of `lac.by_placement_type` a date, so the count is that query's rows added up (one query for both).
 * @example await lookedAfterCounts(db, ['2021-07-31']) // Map { '2021-07-31' => 233 }
 */
export async function lookedAfterCounts(db: Queryable, dates: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(dates.map((date) => [date, 0]));
  for (const row of await lookedAfterByPlacementType(db, dates)) counts.set(row.census_date, (counts.get(row.census_date) ?? 0) + row.children);
  return counts;
}

export const lacCount: Indicator = {
  id: 'lac.count',
  kind: 'census',
  definition: 'distinct children with a looked after episode open on D',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const dates = censusDates(periods);
    const counts = await lookedAfterCounts(db, censusDates(periods, true));
    return dates.map((date) => statsRow(lacCount.id, date, counts.get(date) ?? 0));
  },
};

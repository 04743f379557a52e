/** @module `lac.count`: distinct children with a looked after episode open on each census date. */
import type { Queryable } from '../../../db/database.js';
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

/**
 * Children looked after on each date, 0 included — the numerator `lac.rate_per_1000` and
 * `lac.change_from_baseline_pct` share, so the three always agree.
 * @example await lookedAfterCounts(db, ['2021-07-31']) // Map { '2021-07-31' => 233 }
 */
export async function lookedAfterCounts(db: Queryable, dates: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ census_date: string; children: number }>(
    `select census.census_date, count(distinct episode.child_id)::int as children
       from unnest($1::date[]) as census (census_date)
       left join looked_after_episodes episode
         on episode.start_date <= census.census_date
        and (episode.end_date is null or episode.end_date > census.census_date)
      group by census.census_date`,
    [dates],
  );
  return new Map(rows.map((row) => [row.census_date, row.children]));
}

export const lacCount: Indicator = {
  id: 'lac.count',
  kind: 'census',
  definition: 'distinct children with a looked after episode open on D',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const dates = censusDates(periods);
    const counts = await lookedAfterCounts(db, dates);
    return dates.map((date) => statsRow(lacCount.id, date, counts.get(date) ?? 0));
  },
};

/** @module `placements.secure_started`: secure placements starting in each reporting year. */
import type { Indicator } from '../statsTypes.js';
import { statsRow, yearSpans } from './rows.js';

export const placementsSecureStarted: Indicator = {
  id: 'placements.secure_started',
  kind: 'reporting_year',
  definition: 'placements of type `secure` starting in the year',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const years = yearSpans(periods, 'reporting_year');
    const rows = await db.query<{ last_day: string; placements: number }>(
      `select reporting_year.last_day, count(placement.placement_id)::int as placements
         from unnest($1::date[], $2::date[]) as reporting_year (first_day, last_day)
         left join placements placement
           on placement.placement_type = 'secure'
          and placement.start_date between reporting_year.first_day and reporting_year.last_day
        group by reporting_year.last_day
        order by reporting_year.last_day`,
      [years.firstDays, years.lastDays],
    );
    return rows.map((row) => statsRow(placementsSecureStarted.id, years.labelOf(row.last_day), row.placements));
  },
};

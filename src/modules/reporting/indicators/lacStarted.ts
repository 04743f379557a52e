/** @module `lac.started`: distinct children who started to be looked after in each reporting year. */
import type { Indicator } from '../statsTypes.js';
import { statsRow, yearSpans } from './rows.js';

export const lacStarted: Indicator = {
  id: 'lac.started',
  kind: 'reporting_year',
  definition: 'distinct children with an episode starting in the year',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const years = yearSpans(periods, 'reporting_year');
    const rows = await db.query<{ last_day: string; children: number }>(
      `select reporting_year.last_day, count(distinct episode.child_id collate "C")::int as children
         from unnest($1::date[], $2::date[]) as reporting_year (first_day, last_day)
         left join looked_after_episodes episode
           on episode.start_date between reporting_year.first_day and reporting_year.last_day
        group by reporting_year.last_day
        order by reporting_year.last_day`,
      [years.firstDays, years.lastDays],
    );
    return rows.map((row) => statsRow(lacStarted.id, years.labelOf(row.last_day), row.children));
  },
};

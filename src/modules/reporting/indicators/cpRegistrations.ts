/** @module `cp.registrations`: child protection registrations made in each reporting year. */
import type { Indicator } from '../statsTypes.js';
import { statsRow, yearSpans } from './rows.js';

export const cpRegistrations: Indicator = {
  id: 'cp.registrations',
  kind: 'reporting_year',
  definition: 'registrations whose `registered_date` is in the year',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const years = yearSpans(periods, 'reporting_year');
    const rows = await db.query<{ last_day: string; registrations: number }>(
      `select reporting_year.last_day, count(registration.registration_id)::int as registrations
         from unnest($1::date[], $2::date[]) as reporting_year (first_day, last_day)
         left join cp_registrations registration
           on registration.registered_date between reporting_year.first_day and reporting_year.last_day
        group by reporting_year.last_day
        order by reporting_year.last_day`,
      [years.firstDays, years.lastDays],
    );
    return rows.map((row) => statsRow(cpRegistrations.id, years.labelOf(row.last_day), row.registrations));
  },
};

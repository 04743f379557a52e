/** @module `cp.registered`: distinct children on the child protection register on each census date. */
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const cpRegistered: Indicator = {
  id: 'cp.registered',
  kind: 'census',
  definition: 'distinct children with a registration open on D',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const rows = await db.query<{ census_date: string; children: number }>(
      `select census.census_date, count(distinct registration.child_id collate "C")::int as children
         from unnest($1::date[]) as census (census_date)
         left join cp_registrations registration
           on registration.registered_date <= census.census_date
          and (registration.deregistered_date is null or registration.deregistered_date > census.census_date)
        group by census.census_date
        order by census.census_date`,
      [censusDates(periods)],
    );
    return rows.map((row) => statsRow(cpRegistered.id, row.census_date, row.children));
  },
};

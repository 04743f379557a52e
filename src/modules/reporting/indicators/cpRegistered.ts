/** @module `cp.registered`: distinct children on the child protection register on each census date. */
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { censusBits, censusMask, inCensusRuns } from './censusMasks.js';
import { statsRow } from './rows.js';

export const cpRegistered: Indicator = {
  id: 'cp.registered',
  kind: 'census',
  definition: 'distinct children with a registration open on D',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    // Each registration as the mask of the census dates it is open on, OR-ed per child (censusMasks.ts, ADR 0051).
    const open = censusMask('registration.registered_date', 'registration.deregistered_date', 'open');
    const counted = await inCensusRuns<{ census_date: string; children: number }>(
      db,
      `with alike as (
         select mask, count(*) as children
           from (
             select bit_or(registration.mask) as mask
               from (
                 select registration.child_id collate "C" as child_id, ${open.mask} as mask from cp_registrations registration ${open.join}
                  where ${open.covers}
               ) registration
              group by registration.child_id
           ) child
          group by mask
       )
       select census.census_date, sum(alike.children)::int as children
         from ${censusBits}
         join alike on alike.mask & census.bit <> 0
        group by census.census_date`,
      censusDates(periods),
    );
    const byDate = new Map(counted.map((row) => [row.census_date, row.children]));
    const rows = [...new Set(censusDates(periods))].sort().map((date) => ({ census_date: date, children: byDate.get(date) ?? 0 }));
    return rows.map((row) => statsRow(cpRegistered.id, row.census_date, row.children));
  },
};

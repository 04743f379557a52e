/** @module `placements.out_of_authority`: placements open on each census date outwith the authority's area. */
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const placementsOutOfAuthority: Indicator = {
  id: 'placements.out_of_authority',
  kind: 'census',
  definition: 'placements open on D with `out_of_authority` = Y',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const rows = await db.query<{ census_date: string; placements: number }>(
      `select census.census_date, count(placement.placement_id)::int as placements
         from unnest($1::date[]) as census (census_date)
         left join placements placement
           on placement.out_of_authority
          and placement.start_date <= census.census_date
          and (placement.end_date is null or placement.end_date > census.census_date)
        group by census.census_date
        order by census.census_date`,
      [censusDates(periods)],
    );
    return rows.map((row) => statsRow(placementsOutOfAuthority.id, row.census_date, row.placements));
  },
};

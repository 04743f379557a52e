/** @module `placements.external`: placements open on each census date bought from a provider other than the authority. */
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const placementsExternal: Indicator = {
  id: 'placements.external',
  kind: 'census',
  definition: 'placements open on D whose provider is external',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    // External: a provider whose type is not local_authority; a placement without a provider is not external.
    const rows = await db.query<{ census_date: string; placements: number }>(
      `select census.census_date, count(placement.placement_id)::int as placements
         from unnest($1::date[]) as census (census_date)
         left join (placements placement
                    join providers provider
                      on provider.provider_id = placement.provider_id
                     and provider.provider_type <> 'local_authority')
           on placement.start_date <= census.census_date
          and (placement.end_date is null or placement.end_date > census.census_date)
        group by census.census_date
        order by census.census_date`,
      [censusDates(periods)],
    );
    return rows.map((row) => statsRow(placementsExternal.id, row.census_date, row.placements));
  },
};

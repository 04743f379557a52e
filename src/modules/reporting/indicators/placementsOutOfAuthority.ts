/** @module `placements.out_of_authority`: placements open on each census date outwith the authority's area. */
import type { Queryable } from '../../../db/database.js';
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { censusBits, censusMask, inCensusRuns } from './censusMasks.js';
import { statsRow } from './rows.js';

/** What the placement indicators count among the placements open on one census date. */
export interface PlacementsOpen {
  census_date: string;
  out_of_authority: number;
  /** Of those out of authority, how many have a weekly cost, and those costs added up (exact, as text). */
  out_of_authority_costed: number;
  out_of_authority_cost_total: string;
  /** Placements whose provider is external (a provider whose type is not local_authority). */
  external: number;
}

/**
 * Placements open on each date, counted for `placements.out_of_authority`, `placements.external` and
 * `placements.cost_avoidance_gbp` in one pass (all three ask with the baseline's date too, so they share it).
 * The external providers are a hashed list checked per placement, not a join, so the plan cannot go wrong. Each
 * placement becomes the mask of the census dates it is open on (censusMasks.ts, ADR 0051) and placements alike
 * are counted together in one pass, then spread over the dates: the work does not grow with the number of dates.
 * Costs are numeric, so adding them up by mask and then by date is exact.
 * @example await placementsOpenOn(db, ['2021-07-31']) // [{ census_date: '2021-07-31', out_of_authority: 41, … }]
 */
export async function placementsOpenOn(db: Queryable, dates: readonly string[]): Promise<PlacementsOpen[]> {
  const open = censusMask('placement.start_date', 'placement.end_date', 'open');
  const rows = await inCensusRuns<PlacementsOpen>(
    db,
    `with alike as (
       select ${open.mask} as mask,
              count(*) filter (where placement.out_of_authority) as out_of_authority,
              count(placement.weekly_cost) filter (where placement.out_of_authority) as out_of_authority_costed,
              sum(placement.weekly_cost) filter (where placement.out_of_authority) as out_of_authority_cost_total,
              count(*) filter (where placement.provider_id in (
                select provider.provider_id from providers provider where provider.provider_type <> 'local_authority'
              )) as external
         from placements placement ${open.join}
        group by 1
     )
     select census.census_date,
            sum(alike.out_of_authority)::int as out_of_authority,
            sum(alike.out_of_authority_costed)::int as out_of_authority_costed,
            coalesce(sum(alike.out_of_authority_cost_total), 0)::text as out_of_authority_cost_total,
            sum(alike.external)::int as external
       from ${censusBits}
       join alike on alike.mask & census.bit <> 0
      group by census.census_date`,
    dates,
  );
  const byDate = new Map(rows.map((row) => [row.census_date, row]));
  return dates.map(
    (date) => byDate.get(date) ?? { census_date: date, out_of_authority: 0, out_of_authority_costed: 0, out_of_authority_cost_total: '0', external: 0 },
  );
}

export const placementsOutOfAuthority: Indicator = {
  id: 'placements.out_of_authority',
  kind: 'census',
  definition: 'placements open on D with `out_of_authority` = Y',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const open = new Map((await placementsOpenOn(db, censusDates(periods, true))).map((row) => [row.census_date, row]));
    return censusDates(periods).map((date) => statsRow(placementsOutOfAuthority.id, date, open.get(date)!.out_of_authority));
  },
};

/** @module `lac.by_placement_type`: looked after children on each census date by the type of their placement open then. */
import type { Queryable } from '../../../db/database.js';
import { censusDates } from '../periods.js';
import { notRecorded } from '../placementTypes.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

/** How many children looked after on a census date were in one type of placement (or `not_recorded`). */
export interface LookedAfterByPlacementType {
  census_date: string;
  placement_type: string;
  children: number;
}

/**
 * Children looked after on each date by the type of their placement open then; only types with children.
 * A child's placements never overlap (the schema forbids it), so each child is in exactly one row a date
 * and the rows of a date add up to `lac.count` — which `lac.community_pct` relies on.
 * @example await lookedAfterByPlacementType(db, ['2021-07-31']) // [{ census_date: '2021-07-31', placement_type: 'at_home', children: 61 }, …]
 */
export async function lookedAfterByPlacementType(db: Queryable, dates: readonly string[]): Promise<LookedAfterByPlacementType[]> {
  // The placement is the child's, not just the episode's, so a second open episode cannot add a not_recorded row.
  return db.query<LookedAfterByPlacementType>(
    `select census.census_date,
            coalesce(placement.placement_type, $2) as placement_type,
            count(distinct episode.child_id)::int as children
       from unnest($1::date[]) as census (census_date)
       join looked_after_episodes episode
         on episode.start_date <= census.census_date
        and (episode.end_date is null or episode.end_date > census.census_date)
       left join placements placement
         on placement.child_id = episode.child_id
        and placement.start_date <= census.census_date
        and (placement.end_date is null or placement.end_date > census.census_date)
      group by census.census_date, 2
      order by census.census_date, 2`,
    [dates, notRecorded],
  );
}

export const lacByPlacementType: Indicator = {
  id: 'lac.by_placement_type',
  kind: 'census',
  definition: 'children looked after on D by the type of their placement open on D (`placement_type` dimension; `not_recorded` where none is open)',
  places: 0,
  dimensions: ['placement_type'],
  async compute(db, periods) {
    const rows = await lookedAfterByPlacementType(db, censusDates(periods));
    return rows.map((row) => statsRow(lacByPlacementType.id, row.census_date, row.children, { placement_type: row.placement_type }));
  },
};

/** @module `lac.by_placement_type`: looked after children on each census date by the type of their placement open then. */
import type { Queryable } from '../../../db/database.js';
import { censusDates } from '../periods.js';
import { notRecorded } from '../placementTypes.js';
import type { Indicator } from '../statsTypes.js';
import { childrenOnCensusDates } from './censusChildren.js';
import { censusBits, censusMask, inCensusRuns } from './censusMasks.js';
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
 * and the rows of a date add up to `lac.count` — which `lac.count` and `lac.community_pct` rely on.
 *
 * Worked out without matching children to placements: the database holds every placement inside its
 * episode (a deferred constraint trigger) and one placement at a time per child (an exclusion constraint),
 * so a placement open on D is exactly one looked after child in that type on D, and the children looked
 * after on D with no placement open are the rest (`not_recorded`). Each episode and placement becomes the mask
 * of the census dates it is open on (censusMasks.ts, ADR 0051): distinct looked after children come from the
 * pass over cases and episodes the caseload shares (censusChildren.ts), placements from one pass grouping by type
 * and mask, and rows alike are spread over the dates at the end — no join between large sets, so no plan depends
 * on the planner guessing their sizes (one that did, for a single census date, ran for minutes), and no pass per date.
 * @example await lookedAfterByPlacementType(db, ['2021-07-31']) // [{ census_date: '2021-07-31', placement_type: 'at_home', children: 61 }, …]
 */
export async function lookedAfterByPlacementType(db: Queryable, dates: readonly string[]): Promise<LookedAfterByPlacementType[]> {
  const placementOpen = censusMask('placement.start_date', 'placement.end_date', 'placement_open');
  const [lookedAfter, placed] = await Promise.all([
    childrenOnCensusDates(db, dates),
    inCensusRuns<LookedAfterByPlacementType>(
      db,
      `with alike as (
         select placement.placement_type, ${placementOpen.mask} as mask, count(*) as children
           from placements placement ${placementOpen.join}
          group by 1, 2
       )
       select census.census_date, alike.placement_type, sum(alike.children)::int as children
         from ${censusBits}
         join alike on alike.mask & census.bit <> 0
        group by 1, 2`,
      dates,
    ),
  ]);
  const rows: LookedAfterByPlacementType[] = [];
  for (const { census_date: date, looked_after: children } of lookedAfter) {
    const onDate = placed.filter((row) => row.census_date === date);
    const unplaced = children - onDate.reduce((sum, row) => sum + row.children, 0);
    if (unplaced > 0) onDate.push({ census_date: date, placement_type: notRecorded, children: unplaced });
    rows.push(...onDate.sort((a, b) => (a.placement_type < b.placement_type ? -1 : 1)));
  }
  return rows;
}

export const lacByPlacementType: Indicator = {
  id: 'lac.by_placement_type',
  kind: 'census',
  definition: 'children looked after on D by the type of their placement open on D (`placement_type` dimension; `not_recorded` where none is open)',
  places: 0,
  dimensions: ['placement_type'],
  async compute(db, periods) {
    // Asked with the baseline's date too, as every looked after indicator asks, so they share one query.
    const dates = new Set(censusDates(periods));
    const rows = (await lookedAfterByPlacementType(db, censusDates(periods, true))).filter((row) => dates.has(row.census_date));
    return rows.map((row) => statsRow(lacByPlacementType.id, row.census_date, row.children, { placement_type: row.placement_type }));
  },
};

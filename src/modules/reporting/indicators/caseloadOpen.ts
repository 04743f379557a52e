/** @module `caseload.open`: distinct children with an open social work case on each census date. */
import type { Queryable } from '../../../db/database.js';
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

/** Children with an open case, and how many of them are looked after, on one census date. */
export interface CensusCaseload {
  census_date: string;
  open_children: number;
  statutory_children: number;
}

/**
 * The open and statutory caseload on each date, 0 included (`caseload.open`, `caseload.statutory` and `caseload.statutory_pct` all read it).
 * @example await caseloadOn(db, ['2021-07-31']) // [{ census_date: '2021-07-31', open_children: 1233, statutory_children: 233 }]
 */
export async function caseloadOn(db: Queryable, dates: readonly string[]): Promise<CensusCaseload[]> {
  return db.query<CensusCaseload>(
    `with census as (
       select unnest($1::date[]) as census_date
     ), open_case as (
       select distinct census.census_date, social_work_case.child_id
         from census
         join cases social_work_case
           on social_work_case.opened_date <= census.census_date
          and (social_work_case.closed_date is null or social_work_case.closed_date > census.census_date)
     ), looked_after as (
       select distinct census.census_date, episode.child_id
         from census
         join looked_after_episodes episode
           on episode.start_date <= census.census_date
          and (episode.end_date is null or episode.end_date > census.census_date)
     )
     select census.census_date,
            count(open_case.child_id)::int as open_children,
            count(looked_after.child_id)::int as statutory_children
       from census
       left join open_case on open_case.census_date = census.census_date
       left join looked_after
         on looked_after.census_date = open_case.census_date
        and looked_after.child_id = open_case.child_id
      group by census.census_date
      order by census.census_date`,
    [dates],
  );
}

export const caseloadOpen: Indicator = {
  id: 'caseload.open',
  kind: 'census',
  definition: 'distinct children with a case open on D',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const rows = await caseloadOn(db, censusDates(periods));
    return rows.map((row) => statsRow(caseloadOpen.id, row.census_date, row.open_children));
  },
};

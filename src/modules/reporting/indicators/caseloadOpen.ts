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
 * Cases and episodes open on each date are grouped by (date, child) in one pass: no join between the two
 * sets, so no plan can multiply them (one did, for a single census date, and ran for minutes). Ids are compared
 * byte by byte (`collate "C"`): the same children are the same under any deterministic collation, and counting
 * distinct ids sorts or hashes them several times faster than under the database's locale.
 * @example await caseloadOn(db, ['2021-07-31']) // [{ census_date: '2021-07-31', open_children: 1233, statutory_children: 233 }]
 */
export async function caseloadOn(db: Queryable, dates: readonly string[]): Promise<CensusCaseload[]> {
  const rows = await db.query<CensusCaseload>(
    `select child.census_date,
            count(*)::int as open_children,
            count(*) filter (where child.looked_after)::int as statutory_children
       from (
         select census.census_date, bool_or(held.is_episode) as looked_after
           from (select distinct unnest($1::date[]) as census_date) census
           join (
             select social_work_case.child_id collate "C" as child_id, social_work_case.opened_date as start_date,
                    social_work_case.closed_date as end_date, false as is_episode
               from cases social_work_case
             union all
             select episode.child_id collate "C", episode.start_date, episode.end_date, true
               from looked_after_episodes episode
           ) held
             on held.start_date <= census.census_date
            and (held.end_date is null or held.end_date > census.census_date)
          group by census.census_date, held.child_id
         having bool_or(not held.is_episode)
       ) child
      group by child.census_date`,
    [dates],
  );
  const byDate = new Map(rows.map((row) => [row.census_date, row]));
  return [...new Set(dates)].sort().map((date) => byDate.get(date) ?? { census_date: date, open_children: 0, statutory_children: 0 });
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

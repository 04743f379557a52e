/** @module Distinct children on each census date, looked after, with an open case, and both, counted in one pass (ADR 0051). */
import type { Queryable } from '../../../db/database.js';
import { censusBits, censusMask, inCensusRuns } from './censusMasks.js';

/** Distinct children on one census date: looked after, with a case open, and with a case open who are looked after. */
export interface CensusChildren {
  census_date: string;
  looked_after: number;
  open_case: number;
  statutory: number;
}

/**
 * The children on each date, 0 included, sorted by date: what `lac.count` (and the looked after indicators built on
 * it) and the three caseload indicators count. Each case and episode becomes the mask of the census dates it is
 * open on (censusMasks.ts); a child's masks are OR-ed together in one pass over both tables, children with the same
 * masks are counted together, and the counts are spread over the dates at the end: the work does not grow with
 * the number of dates, and no plan can multiply records by dates (one did, for a single census date, and ran for
 * minutes). Records open on none of the dates are left out before grouping, by their counts rather than their
 * masks (`covers`). Ids are grouped byte by byte (`collate "C"`): the same children under any deterministic collation,
 * and several times faster than under the database's locale.
 * @example await childrenOnCensusDates(db, ['2021-07-31']) // [{ census_date: '2021-07-31', looked_after: 240, open_case: 1233, statutory: 233 }]
 */
export async function childrenOnCensusDates(db: Queryable, dates: readonly string[]): Promise<CensusChildren[]> {
  const caseOpen = censusMask('social_work_case.opened_date', 'social_work_case.closed_date', 'case_open');
  const episodeOpen = censusMask('episode.start_date', 'episode.end_date', 'episode_open');
  const rows = await inCensusRuns<CensusChildren>(
    db,
    `with held as (
       select social_work_case.child_id collate "C" as child_id, ${caseOpen.mask} as open_mask, 0 as looked_after_mask
         from cases social_work_case ${caseOpen.join}
        where ${caseOpen.covers}
       union all
       select episode.child_id collate "C", 0, ${episodeOpen.mask}
         from looked_after_episodes episode ${episodeOpen.join}
        where ${episodeOpen.covers}
     ), child as (
       select bit_or(held.open_mask) as open_mask, bit_or(held.looked_after_mask) as looked_after_mask
         from held
        group by held.child_id
     ), alike as (
       select child.open_mask, child.looked_after_mask, count(*) as children
         from child
        group by 1, 2
     )
     select census.census_date,
            coalesce(sum(alike.children) filter (where alike.looked_after_mask & census.bit <> 0), 0)::int as looked_after,
            coalesce(sum(alike.children) filter (where alike.open_mask & census.bit <> 0), 0)::int as open_case,
            coalesce(sum(alike.children) filter (where alike.open_mask & alike.looked_after_mask & census.bit <> 0), 0)::int as statutory
       from ${censusBits}
       join alike on (alike.open_mask | alike.looked_after_mask) & census.bit <> 0
      group by census.census_date`,
    dates,
  );
  const byDate = new Map(rows.map((row) => [row.census_date, row]));
  return [...new Set(dates)].sort().map((date) => byDate.get(date) ?? { census_date: date, looked_after: 0, open_case: 0, statutory: 0 });
}

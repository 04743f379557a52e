/** @module `caseload.open`: distinct children with an open social work case on each census date. */
import type { Queryable } from '../../../db/database.js';
import { censusDates } from '../periods.js';
import type { Indicator, StatsPeriods } from '../statsTypes.js';
import { childrenOnCensusDates } from './censusChildren.js';
import { statsRow } from './rows.js';

/** Children with an open case, and how many of them are looked after, on one census date. */
export interface CensusCaseload {
  census_date: string;
  open_children: number;
  statutory_children: number;
}

/**
 * The open and statutory caseload on each date, 0 included (`caseload.open`, `caseload.statutory` and `caseload.statutory_pct` all read it).
 * Asked with the baseline's date too, as the looked after indicators ask, so all of them share one pass over cases
 * and episodes (censusChildren.ts); only the dates of the years are returned.
 * @example await caseloadOn(db, { years: [2021], baseline: 2021 }) // [{ census_date: '2021-07-31', open_children: 1233, statutory_children: 233 }]
 */
export async function caseloadOn(db: Queryable, periods: StatsPeriods): Promise<CensusCaseload[]> {
  const wanted = new Set(censusDates(periods));
  const children = await childrenOnCensusDates(db, censusDates(periods, true));
  return children
    .filter((row) => wanted.has(row.census_date))
    .map((row) => ({ census_date: row.census_date, open_children: row.open_case, statutory_children: row.statutory }));
}

export const caseloadOpen: Indicator = {
  id: 'caseload.open',
  kind: 'census',
  definition: 'distinct children with a case open on D',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const rows = await caseloadOn(db, periods);
    return rows.map((row) => statsRow(caseloadOpen.id, row.census_date, row.open_children));
  },
};

/** @module SQL that `cairn stats` needs besides the indicators: the span of dates the records cover, and the population years. */
import type { Queryable } from '../../db/database.js';

/** The earliest and latest date in the case records, or nulls when there are none. */
export interface DataSpan {
  earliest: string | null;
  latest: string | null;
}

/** @example const span = await statsRepository().dataSpan(db) */
export function statsRepository() {
  return {
    /** The name of the authority the figures are for, read in the same snapshot as the figures. */
    async authorityName(db: Queryable): Promise<string | null> {
      const rows = await db.query<{ authority_name: string }>('select authority_name from authority');
      return rows[0]?.authority_name ?? null;
    },

    /**
     * The first and last date found in episodes, placements, cases, referrals, registrations and SCRA referrals.
     * @example await statsRepository().dataSpan(db) // { earliest: '2018-12-01', latest: '2021-07-31' }
     */
    async dataSpan(db: Queryable): Promise<DataSpan> {
      const rows = await db.query<DataSpan>(
        `with bounds (earliest, latest) as (
           select min(start_date), max(greatest(start_date, end_date)) from looked_after_episodes
           union all select min(start_date), max(greatest(start_date, end_date)) from placements
           union all select min(opened_date), max(greatest(opened_date, closed_date)) from cases
           union all select min(received_date), max(greatest(received_date, closed_date)) from referrals
           union all select min(registered_date), max(greatest(registered_date, deregistered_date)) from cp_registrations
           union all select min(referral_date), max(referral_date) from scra_referrals
         )
         select min(earliest) as earliest, max(latest) as latest from bounds`,
      );
      return rows[0] ?? { earliest: null, latest: null };
    },

    /**
     * The years with a population row, ascending.
     * @example await statsRepository().populationYears(db) // [2020, 2021]
     */
    async populationYears(db: Queryable): Promise<number[]> {
      const rows = await db.query<{ year: number }>('select year from population order by year');
      return rows.map((row) => row.year);
    },
  };
}
export type StatsRepository = ReturnType<typeof statsRepository>;

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
     * Whether the records reach back to `earliest` and on to `latest` (both included): the same answer as
     * `dataSpan` compared with the two dates, but each table is read only until a record that settles it, and
     * the start dates through their indexes where there are some — not every record of six tables.
     * @example await statsRepository().spanCovers(db, '2015-07-31', '2022-07-31') // true
     */
    async spanCovers(db: Queryable, earliest: string, latest: string): Promise<boolean> {
      const rows = await db.query<{ covers: boolean }>(
        `select (exists (select 1 from looked_after_episodes where start_date <= $1::date)
                 or exists (select 1 from placements where start_date <= $1::date)
                 or exists (select 1 from cases where opened_date <= $1::date)
                 or exists (select 1 from referrals where received_date <= $1::date)
                 or exists (select 1 from cp_registrations where registered_date <= $1::date)
                 or exists (select 1 from scra_referrals where referral_date <= $1::date))
            and (exists (select 1 from looked_after_episodes where start_date >= $2::date)
                 or exists (select 1 from placements where start_date >= $2::date)
                 or exists (select 1 from referrals where received_date >= $2::date)
                 or exists (select 1 from looked_after_episodes where end_date >= $2::date)
                 or exists (select 1 from placements where end_date >= $2::date)
                 or exists (select 1 from cases where greatest(opened_date, closed_date) >= $2::date)
                 or exists (select 1 from referrals where closed_date >= $2::date)
                 or exists (select 1 from cp_registrations where greatest(registered_date, deregistered_date) >= $2::date)
                 or exists (select 1 from scra_referrals where referral_date >= $2::date)) as covers`,
        [earliest, latest],
      );
      return rows[0]?.covers ?? false;
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

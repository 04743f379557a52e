/** @module `scra.offence_children`: distinct children referred to the Reporter on the offence ground (j) in each financial year. */
import type { Indicator } from '../statsTypes.js';
import { statsRow, yearSpans } from './rows.js';

export const scraOffenceChildren: Indicator = {
  id: 'scra.offence_children',
  kind: 'financial_year',
  definition: 'distinct children referred in the year on ground `j`',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const years = yearSpans(periods, 'financial_year');
    const rows = await db.query<{ last_day: string; children: number }>(
      `select financial_year.last_day, count(distinct referral.child_id collate "C")::int as children
         from unnest($1::date[], $2::date[]) as financial_year (first_day, last_day)
         left join scra_referrals referral
           on referral.ground = 'j'
          and referral.referral_date between financial_year.first_day and financial_year.last_day
        group by financial_year.last_day
        order by financial_year.last_day`,
      [years.firstDays, years.lastDays],
    );
    return rows.map((row) => statsRow(scraOffenceChildren.id, years.labelOf(row.last_day), row.children));
  },
};

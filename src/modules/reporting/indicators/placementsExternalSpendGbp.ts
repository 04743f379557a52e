/** @module `placements.external_spend_gbp`: what external placements cost in each reporting year, day by day. */
import { decimalFraction, roundHalfAwayFromZero } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow, yearSpans } from './rows.js';

export const placementsExternalSpendGbp: Indicator = {
  id: 'placements.external_spend_gbp',
  kind: 'reporting_year',
  definition:
    'Σ over external placements of `weekly_cost` × (days of the placement inside the year) ÷ 7, rounded once at the end; a placement is in place on its start date and not on its end date; one without a cost adds nothing',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const years = yearSpans(periods, 'reporting_year');
    // Days inside the year: [start, end) meets [first day, last day + 1). An open placement runs to the
    // year's end. Σ cost × days comes back exact (numeric as text); ÷ 7 and rounding happen once, below.
    const rows = await db.query<{ last_day: string; cost_days: string }>(
      `select reporting_year.last_day,
              coalesce(sum(placement.weekly_cost
                           * (least(coalesce(placement.end_date, reporting_year.last_day + 1), reporting_year.last_day + 1)
                              - greatest(placement.start_date, reporting_year.first_day))), 0)::text as cost_days
         from unnest($1::date[], $2::date[]) as reporting_year (first_day, last_day)
         left join (placements placement
                    join providers provider
                      on provider.provider_id = placement.provider_id
                     and provider.provider_type <> 'local_authority')
           on placement.weekly_cost is not null
          and placement.start_date <= reporting_year.last_day
          and (placement.end_date is null or placement.end_date > reporting_year.first_day)
        group by reporting_year.last_day
        order by reporting_year.last_day`,
      [years.firstDays, years.lastDays],
    );
    return rows.map((row) => {
      const costDays = decimalFraction(row.cost_days);
      const value = roundHalfAwayFromZero(costDays.numerator, costDays.denominator * 7n, placementsExternalSpendGbp.places);
      return statsRow(placementsExternalSpendGbp.id, years.labelOf(row.last_day), value);
    });
  },
};

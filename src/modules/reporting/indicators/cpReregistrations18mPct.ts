/** @module `cp.reregistrations_18m_pct`: the share of each reporting year's registrations that follow a de-registration within 18 months. */
import { percentage } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow, yearSpans } from './rows.js';

export const cpReregistrations18mPct: Indicator = {
  id: 'cp.reregistrations_18m_pct',
  kind: 'reporting_year',
  definition:
    "of those, the share where the same child has a `deregistered_date` on or after the date 18 calendar months before the new `registered_date` and not after it (18 months before 31 August is 28 or 29 February: where the day does not exist in that month, the month's last day) × 100",
  places: 1,
  dimensions: [],
  async compute(db, periods) {
    const years = yearSpans(periods, 'reporting_year');
    // date − interval '18 months' keeps the day of the month, or takes the month's last day where it does
    // not exist (as calendarMonthsBefore in periods.ts). A registration is never its own predecessor.
    const rows = await db.query<{ last_day: string; registrations: number; reregistrations: number }>(
      `select reporting_year.last_day,
              count(registration.registration_id)::int as registrations,
              count(registration.registration_id) filter (where registration.follows_deregistration)::int as reregistrations
         from unnest($1::date[], $2::date[]) as reporting_year (first_day, last_day)
         left join (
           select later.registration_id, later.registered_date,
                  exists (
                    select 1
                      from cp_registrations earlier
                     where earlier.child_id = later.child_id
                       and earlier.registration_id <> later.registration_id
                       and earlier.deregistered_date >= (later.registered_date - interval '18 months')::date
                       and earlier.deregistered_date <= later.registered_date
                  ) as follows_deregistration
             from cp_registrations later
         ) registration
           on registration.registered_date between reporting_year.first_day and reporting_year.last_day
        group by reporting_year.last_day
        order by reporting_year.last_day`,
      [years.firstDays, years.lastDays],
    );
    return rows.flatMap((row) => {
      const value = percentage(row.reregistrations, row.registrations, cpReregistrations18mPct.places);
      return value === undefined ? [] : [statsRow(cpReregistrations18mPct.id, years.labelOf(row.last_day), value)];
    });
  },
};

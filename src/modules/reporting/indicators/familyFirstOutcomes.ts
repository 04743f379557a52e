/** @module `family_first.outcomes`: what happened, within the window, to children referred to Family First in it. */
import { windowPeriod } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';
import { fosterPlacementTypes } from '../../../platform/codes/careCodes.js';

/** Every outcome has a row, in this order, 0 included. */
export const familyFirstOutcomeNames = ['looked_after', 'accommodated', 'fostered', 'secure', 'external_placement', 'cp_registered'] as const;
export type FamilyFirstOutcome = (typeof familyFirstOutcomeNames)[number];

export const familyFirstOutcomes: Indicator = {
  id: 'family_first.outcomes',
  kind: 'window',
  definition:
    'among children with a `family_first` referral received in the window, the distinct children for whom, on or after their first such referral and within the window, this happened: `looked_after` (an episode started), `accommodated` (a placement other than `at_home` started), `fostered` (a `foster_la` or `foster_purchased` placement started), `secure` (a `secure` placement started), `external_placement` (an external placement started), `cp_registered` (a registration started). Every outcome has a row, 0 included',
  places: 0,
  dimensions: ['outcome'],
  async compute(db, periods) {
    if (!periods.window) return [];
    const window = windowPeriod(periods.window);
    // "Their first such referral": the child's first family_first referral received in the window. Each
    // outcome counts from that day to the window's last day, both included. Set-based (events joined to
    // first referrals) rather than a probe per child: placements have no index on child_id of their own.
    const rows = await db.query<{ outcome: FamilyFirstOutcome; children: number }>(
      `with first_referral as (
         select referral.child_id, min(referral.received_date) as received_date
           from referrals referral
          where referral.pathway = 'family_first'
            and referral.received_date between $1::date and $2::date
          group by referral.child_id
       ), happened (child_id, happened_on, outcome) as (
         select episode.child_id, episode.start_date, 'looked_after'
           from looked_after_episodes episode
          where episode.start_date between $1::date and $2::date
         union all
         select placement.child_id, placement.start_date, 'accommodated'
           from placements placement
          where placement.placement_type <> 'at_home'
            and placement.start_date between $1::date and $2::date
         union all
         select placement.child_id, placement.start_date, 'fostered'
           from placements placement
          where placement.placement_type = any($3::text[])
            and placement.start_date between $1::date and $2::date
         union all
         select placement.child_id, placement.start_date, 'secure'
           from placements placement
          where placement.placement_type = 'secure'
            and placement.start_date between $1::date and $2::date
         union all
         select placement.child_id, placement.start_date, 'external_placement'
           from placements placement
           join providers provider
             on provider.provider_id = placement.provider_id
            and provider.provider_type <> 'local_authority'
          where placement.start_date between $1::date and $2::date
         union all
         select registration.child_id, registration.registered_date, 'cp_registered'
           from cp_registrations registration
          where registration.registered_date between $1::date and $2::date
       )
       select happened.outcome, count(distinct happened.child_id collate "C")::int as children
         from happened
         join first_referral
           on first_referral.child_id = happened.child_id
          and happened.happened_on >= first_referral.received_date
        group by happened.outcome`,
      [window.first, window.last, fosterPlacementTypes],
    );
    const counts = new Map(rows.map((row) => [row.outcome, row.children]));
    return familyFirstOutcomeNames.map((outcome) => statsRow(familyFirstOutcomes.id, window.label, counts.get(outcome) ?? 0, { outcome }));
  },
};

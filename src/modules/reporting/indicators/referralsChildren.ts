/** @module `referrals.children`: distinct children referred in the window, by cluster and pathway. */
import { windowPeriod } from '../periods.js';
import { notRecorded } from '../placementTypes.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const referralsChildren: Indicator = {
  id: 'referrals.children',
  kind: 'window',
  definition: 'distinct children with a referral received in the window',
  places: 0,
  dimensions: ['school_cluster', 'pathway'],
  async compute(db, periods) {
    if (!periods.window) return [];
    const window = windowPeriod(periods.window);
    // A referral's cluster is its own, falling back to the child's, else not_recorded.
    const rows = await db.query<{ school_cluster: string; pathway: string; children: number }>(
      `select coalesce(nullif(referral.school_cluster, ''), nullif(child.school_cluster, ''), $3) as school_cluster,
              referral.pathway,
              count(distinct referral.child_id collate "C")::int as children
         from referrals referral
         join children child on child.child_id = referral.child_id
        where referral.received_date between $1::date and $2::date
        group by 1, 2
        order by 1, 2`,
      [window.first, window.last, notRecorded],
    );
    return rows.map((row) =>
      statsRow(referralsChildren.id, window.label, row.children, { school_cluster: row.school_cluster, pathway: row.pathway }),
    );
  },
};

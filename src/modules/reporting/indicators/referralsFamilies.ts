/** @module `referrals.families`: distinct families among the children referred in the window, by cluster and pathway. */
import { windowPeriod } from '../periods.js';
import { notRecorded } from '../placementTypes.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const referralsFamilies: Indicator = {
  id: 'referrals.families',
  kind: 'window',
  definition: 'distinct families among them (a child with no `family_id` is a family of one)',
  places: 0,
  dimensions: ['school_cluster', 'pathway'],
  async compute(db, periods) {
    if (!periods.window) return [];
    const window = windowPeriod(periods.window);
    // Ids never contain ':', so 'family:' and 'child:' keys cannot collide.
    const rows = await db.query<{ school_cluster: string; pathway: string; families: number }>(
      `select coalesce(nullif(referral.school_cluster, ''), nullif(child.school_cluster, ''), $3) as school_cluster,
              referral.pathway,
              count(distinct coalesce('family:' || child.family_id, 'child:' || child.child_id) collate "C")::int as families
         from referrals referral
         join children child on child.child_id = referral.child_id
        where referral.received_date between $1::date and $2::date
        group by 1, 2
        order by 1, 2`,
      [window.first, window.last, notRecorded],
    );
    return rows.map((row) =>
      statsRow(referralsFamilies.id, window.label, row.families, { school_cluster: row.school_cluster, pathway: row.pathway }),
    );
  },
};

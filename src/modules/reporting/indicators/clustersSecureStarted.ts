/** @module `clusters.secure_started`: secure placements starting in the window, by the child's cluster. */
import { windowPeriod } from '../periods.js';
import { notRecorded } from '../placementTypes.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const clustersSecureStarted: Indicator = {
  id: 'clusters.secure_started',
  kind: 'window',
  definition: 'placements of type `secure` starting in the window',
  places: 0,
  dimensions: ['school_cluster'],
  async compute(db, periods) {
    if (!periods.window) return [];
    const window = windowPeriod(periods.window);
    const rows = await db.query<{ school_cluster: string; placements: number }>(
      `select coalesce(nullif(child.school_cluster, ''), $3) as school_cluster,
              count(placement.placement_id)::int as placements
         from placements placement
         join children child on child.child_id = placement.child_id
        where placement.placement_type = 'secure'
          and placement.start_date between $1::date and $2::date
        group by 1
        order by 1`,
      [window.first, window.last, notRecorded],
    );
    return rows.map((row) => statsRow(clustersSecureStarted.id, window.label, row.placements, { school_cluster: row.school_cluster }));
  },
};

/** @module `clusters.cp_registrations`: child protection registrations in the window, by the child's cluster. */
import { windowPeriod } from '../periods.js';
import { notRecorded } from '../placementTypes.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const clustersCpRegistrations: Indicator = {
  id: 'clusters.cp_registrations',
  kind: 'window',
  definition: 'registrations in the window',
  places: 0,
  dimensions: ['school_cluster'],
  async compute(db, periods) {
    if (!periods.window) return [];
    const window = windowPeriod(periods.window);
    const rows = await db.query<{ school_cluster: string; registrations: number }>(
      `select coalesce(nullif(child.school_cluster, ''), $3) as school_cluster,
              count(registration.registration_id)::int as registrations
         from cp_registrations registration
         join children child on child.child_id = registration.child_id
        where registration.registered_date between $1::date and $2::date
        group by 1
        order by 1`,
      [window.first, window.last, notRecorded],
    );
    return rows.map((row) => statsRow(clustersCpRegistrations.id, window.label, row.registrations, { school_cluster: row.school_cluster }));
  },
};

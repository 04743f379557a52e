/** @module `clusters.lac_started`: children who started to be looked after in the window, by cluster and first placement type. */
import { windowPeriod } from '../periods.js';
import { notRecorded } from '../placementTypes.js';
import type { Indicator } from '../statsTypes.js';
import { statsRow } from './rows.js';

export const clustersLacStarted: Indicator = {
  id: 'clusters.lac_started',
  kind: 'window',
  definition:
    'distinct children whose episode started in the window, by the type of the first placement of that episode (`not_recorded` where it has none)',
  places: 0,
  dimensions: ['school_cluster', 'placement_type'],
  async compute(db, periods) {
    if (!periods.window) return [];
    const window = windowPeriod(periods.window);
    // The first placement is the earliest to start (ties broken by id, so the answer is stable).
    const rows = await db.query<{ school_cluster: string; placement_type: string; children: number }>(
      `select coalesce(nullif(child.school_cluster, ''), $3) as school_cluster,
              coalesce(first_placement.placement_type, $3) as placement_type,
              count(distinct episode.child_id collate "C")::int as children
         from looked_after_episodes episode
         join children child on child.child_id = episode.child_id
         left join lateral (
           select placement.placement_type
             from placements placement
            where placement.episode_id = episode.episode_id
            order by placement.start_date, placement.placement_id
            limit 1
         ) first_placement on true
        where episode.start_date between $1::date and $2::date
        group by 1, 2
        order by 1, 2`,
      [window.first, window.last, notRecorded],
    );
    return rows.map((row) =>
      statsRow(clustersLacStarted.id, window.label, row.children, { school_cluster: row.school_cluster, placement_type: row.placement_type }),
    );
  },
};

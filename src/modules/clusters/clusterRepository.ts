/**
 * @module SQL for the children behind a cluster figure. Each query follows its indicator's definition in
 * src/modules/reporting/indicators/ exactly (the tests check the counts agree); the figures themselves come
 * from the indicator registry.
 */
import type { Queryable } from '../../db/database.js';
import { notRecorded } from '../reporting/placementTypes.js';
import type { FigureQuery, FigureRecord } from './cluster.js';
import { fosterPlacementTypes } from '../../platform/codes/careCodes.js';

interface RecordRow { child_id: string; forename: string | null; surname: string | null; date_of_birth: string; family_key: string; cluster: string; date: string }

const childCluster = `coalesce(nullif(child.school_cluster, ''), '${notRecorded}')`;
const familyKey = `coalesce('family:' || child.family_id, 'child:' || child.child_id)`;
// $1 from, $2 to, $3 cluster, $4 others, $5 dimension value
const inCluster = (expression: string) => `(case when $4::boolean then ${expression} <> $3 else ${expression} = $3 end)`;

/** One query per figure; each returns the records (see FigureRecord) that the indicator counts. */
const queries: Record<FigureQuery['indicator'], string> = {
  // Distinct children per referral cluster and pathway: one row per (child, cluster).
  'referrals.children': `
    select child.child_id, child.forename, child.surname, child.date_of_birth, ${familyKey} as family_key, referred.cluster, min(referred.received_date) as date
      from (select referral.child_id, referral.received_date,
                   coalesce(nullif(referral.school_cluster, ''), nullif(c.school_cluster, ''), '${notRecorded}') as cluster
              from referrals referral join children c on c.child_id = referral.child_id
             where referral.received_date between $1::date and $2::date and referral.pathway = $5) referred
      join children child on child.child_id = referred.child_id
     where ${inCluster('referred.cluster')}
     group by child.child_id, referred.cluster`,
  'referrals.families': '',
  // Distinct children per child's cluster and first placement type of an episode starting in the window.
  'clusters.lac_started': `
    select child.child_id, child.forename, child.surname, child.date_of_birth, ${familyKey} as family_key, ${childCluster} as cluster, min(episode.start_date) as date
      from looked_after_episodes episode
      join children child on child.child_id = episode.child_id
      left join lateral (
        select placement.placement_type from placements placement
         where placement.episode_id = episode.episode_id
         order by placement.start_date, placement.placement_id limit 1
      ) first_placement on true
     where episode.start_date between $1::date and $2::date
       and coalesce(first_placement.placement_type, '${notRecorded}') = $5
       and ${inCluster(childCluster)}
     group by child.child_id`,
  'clusters.cp_registrations': `
    select child.child_id, child.forename, child.surname, child.date_of_birth, ${familyKey} as family_key, ${childCluster} as cluster, registration.registered_date as date
      from cp_registrations registration
      join children child on child.child_id = registration.child_id
     where registration.registered_date between $1::date and $2::date and ${inCluster(childCluster)} and $5 = ''`,
  'clusters.external_placements_started': `
    select child.child_id, child.forename, child.surname, child.date_of_birth, ${familyKey} as family_key, ${childCluster} as cluster, placement.start_date as date
      from placements placement
      join providers provider on provider.provider_id = placement.provider_id and provider.provider_type <> 'local_authority'
      join children child on child.child_id = placement.child_id
     where placement.start_date between $1::date and $2::date and ${inCluster(childCluster)} and $5 = ''`,
  'clusters.secure_started': `
    select child.child_id, child.forename, child.surname, child.date_of_birth, ${familyKey} as family_key, ${childCluster} as cluster, placement.start_date as date
      from placements placement
      join children child on child.child_id = placement.child_id
     where placement.placement_type = 'secure' and placement.start_date between $1::date and $2::date and ${inCluster(childCluster)} and $5 = ''`,
  // Authority-wide (no cluster dimension): $3 and $4 are unused but typed so both engines accept them.
  'family_first.outcomes': `
    with first_referral as (
      select referral.child_id, min(referral.received_date) as received_date
        from referrals referral
       where referral.pathway = 'family_first' and referral.received_date between $1::date and $2::date
       group by referral.child_id
    ), happened (child_id, happened_on, outcome) as (
      select episode.child_id, episode.start_date, 'looked_after' from looked_after_episodes episode
       where episode.start_date between $1::date and $2::date
      union all
      select placement.child_id, placement.start_date, 'accommodated' from placements placement
       where placement.placement_type <> 'at_home' and placement.start_date between $1::date and $2::date
      union all
      select placement.child_id, placement.start_date, 'fostered' from placements placement
       where placement.placement_type = any($6::text[]) and placement.start_date between $1::date and $2::date
      union all
      select placement.child_id, placement.start_date, 'secure' from placements placement
       where placement.placement_type = 'secure' and placement.start_date between $1::date and $2::date
      union all
      select placement.child_id, placement.start_date, 'external_placement' from placements placement
        join providers provider on provider.provider_id = placement.provider_id and provider.provider_type <> 'local_authority'
       where placement.start_date between $1::date and $2::date
      union all
      select registration.child_id, registration.registered_date, 'cp_registered' from cp_registrations registration
       where registration.registered_date between $1::date and $2::date
    )
    select child.child_id, child.forename, child.surname, child.date_of_birth, ${familyKey} as family_key, ${childCluster} as cluster, min(happened.happened_on) as date
      from happened
      join first_referral on first_referral.child_id = happened.child_id and happened.happened_on >= first_referral.received_date
      join children child on child.child_id = happened.child_id
     where happened.outcome = $5 and ($3::text is not null or $4::boolean is not null)
     group by child.child_id`,
};
// Families: the same referred children; the figure is their distinct families per cluster.
queries['referrals.families'] = queries['referrals.children'];

/** @example await clusterRepository().recordsBehind(db, { from, to, cluster: 'Corsebank', others: false, indicator: 'clusters.secure_started', dimension: '' }) */
export function clusterRepository() {
  return {
    /** The records behind one figure, in date order. */
    async recordsBehind(db: Queryable, figure: FigureQuery): Promise<FigureRecord[]> {
      const params = [figure.from, figure.to, figure.cluster, figure.others, figure.dimension];
      const rows = await db.query<RecordRow>(
        `select * from (${queries[figure.indicator]}) behind order by date, surname, forename, child_id`,
        figure.indicator === 'family_first.outcomes' ? [...params, fosterPlacementTypes] : params,
      );
      return rows.map((row) => ({
        childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: row.date_of_birth, familyKey: row.family_key, cluster: row.cluster, date: row.date,
      }));
    },

    /** Every cluster named on a child or a referral, for the page's choice of cluster. */
    async clusters(db: Queryable): Promise<string[]> {
      const rows = await db.query<{ cluster: string }>(
        `select distinct cluster from (
           select nullif(school_cluster, '') as cluster from children
           union select nullif(school_cluster, '') from referrals
         ) named where cluster is not null order by cluster`,
      );
      return rows.map((row) => row.cluster);
    },
  };
}
export type ClusterRepository = ReturnType<typeof clusterRepository>;

/** @module The cluster outcomes page: window figures from the indicator registry for each cluster, and the children behind one figure (audited). */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import { indicators } from '../reporting/indicators/index.js';
import { sharingIdenticalQueries } from '../reporting/statsService.js';
import type { StatsRow } from '../reporting/statsTypes.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { clusterIndicatorIds, figureFromRecords, outcomesIndicatorId, type FigureQuery, type FigureRecord } from './cluster.js';
import type { ClusterRepository } from './clusterRepository.js';
import { may } from '../../platform/access/access.js';

/** Every row of the page's indicators for the window, straight from the registry. */
export interface ClusterFigures {
  from: string;
  to: string;
  clusters: string[];
  rows: StatsRow[];
}

export type ChildrenBehind =
  | { outcome: 'shown'; figure: number; records: (FigureRecord & { named: boolean; restricted: boolean })[] }
  | { outcome: 'forbidden' };

/** @example const clusterOutcomes = clusterService(db, clusterRepository(), children, audit) */
export function clusterService(db: Database, repository: ClusterRepository, children: ChildService, audit: AuditService) {
  const wanted = indicators.filter((indicator) => (clusterIndicatorIds as readonly string[]).includes(indicator.id) || indicator.id === outcomesIndicatorId);

  return {
    /** The clusters a person can choose. */
    clusters: () => repository.clusters(db),

    /**
     * The page's window indicators, computed by the registry on one snapshot.
     * @example await clusterOutcomes.figures('2021-07-01', '2022-04-30')
     */
    async figures(from: string, to: string): Promise<ClusterFigures> {
      return db.transaction(async (tx) => {
        await tx.query('set transaction isolation level repeatable read, read only');
        const shared = sharingIdenticalQueries(tx);
        const periods = { years: [], baseline: 0, window: { from, to } };
        const computed = await Promise.all(wanted.map((indicator) => indicator.compute(shared, periods)));
        const clusters = await repository.clusters(tx);
        const rows = computed.flat();
        const inRows = rows.map((row) => row.school_cluster).filter((c): c is string => typeof c === 'string');
        return { from, to, clusters: [...new Set([...clusters, ...inRows])].sort(), rows };
      });
    },

    /**
     * The records behind one figure, for managers. Children the person may not open are counted but not named.
     * @example await clusterOutcomes.childrenBehind(manager, { from, to, cluster: 'Corsebank', others: false, indicator: 'clusters.secure_started', dimension: '' })
     */
    async childrenBehind(user: SignedInUser, figure: FigureQuery): Promise<ChildrenBehind> {
      if (!may(user, 'clusters:children')) return { outcome: 'forbidden' };
      const records = await repository.recordsBehind(db, figure);
      // A restricted record closed to this person is listed by id only (issue 16, ADR 0044); others not in scope are counted.
      const { open: allowed, restricted } = await children.standingAmong(user, records.map((r) => r.childId));
      const named = records.filter((r) => allowed.has(r.childId));
      await audit.record({ kind: 'user', user }, {
        action: 'cluster.children_viewed',
        subject: `${figure.indicator} ${figure.dimension}`.trim(),
        details: { ...figure, named: [...new Set(named.map((r) => r.childId))] },
      });
      return { outcome: 'shown', figure: figureFromRecords(figure.indicator, records), records: records.map((r) => ({ ...r, named: allowed.has(r.childId), restricted: restricted.has(r.childId) })) };
    },
  };
}
export type ClusterService = ReturnType<typeof clusterService>;

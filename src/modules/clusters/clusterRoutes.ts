/** @module Thin handlers for the cluster outcomes page (figures for managers and analysts) and the children behind a figure (managers). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import { may } from '../../platform/access/access.js';
import { isIsoDate } from '../../platform/dates/isoDates.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { clusterIndicatorIds, outcomesIndicatorId } from './cluster.js';
import { comparisonChartSvg } from './clusterChart.js';
import { clusterItems, presentChildrenBehind, presentClusterOutcomes } from './clusterPresenter.js';
import type { ClusterService } from './clusterService.js';
import type { ReferenceService } from '../references/referenceService.js';

/** What clusterRoutes needs from the composition root. */
export interface ClusterRoutesNeeds {
  clusterOutcomes: ClusterService;
  references: Pick<ReferenceService, 'choices'>;
}

const isoDate = z.string().refine(isIsoDate, 'Enter a real date');
const figureQuery = z.object({
  from: isoDate,
  to: isoDate,
  cluster: z.string().min(1).max(100),
  others: z.enum(['yes', 'no']),
  indicator: z.enum([...clusterIndicatorIds, outcomesIndicatorId]),
  dimension: z.string().max(64),
});

/** `2022-03-01` into the day, month and year fields of a date input called `name`. */
function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
}

/** @example await clusterRoutes(app, services) */
export async function clusterRoutes(app: FastifyInstance, services: ClusterRoutesNeeds): Promise<void> {
  app.get(paths.clusters.outcomes.pattern, { config: { access: { permission: 'clusters:view' } } }, async (request, reply) => {
    const query = postedValues(request.query);
    // Links carry ISO dates (from, to); the form sends day, month and year fields.
    const values = { ...(query.from && isIsoDate(query.from) ? dateFields('from', query.from) : {}), ...(query.to && isIsoDate(query.to) ? dateFields('to', query.to) : {}), ...query };
    // The clusters records name, and the school clusters list's current entries (ADR 0029).
    const listed = (await services.references.choices('school_cluster')).filter((choice) => !choice.retired).map((choice) => choice.value);
    const clusters = [...new Set([...(await services.clusterOutcomes.clusters()), ...listed])].sort();
    const asked = Object.keys(query).length > 0;
    const errors: FieldErrors = {};
    let comparison: (ReturnType<typeof presentClusterOutcomes> & { chartSvg: string }) | undefined;
    if (asked) {
      const from = readDateField(values, 'from', 'Start of the period', errors);
      const to = readDateField(values, 'to', 'End of the period', errors);
      if (from && to && from > to) errors['to-day'] = 'End of the period must be on or after its start';
      const cluster = values.cluster ?? '';
      if (!cluster || (clusters.length && !clusters.includes(cluster) && cluster !== 'not_recorded')) errors.cluster = 'Select a cluster';
      if (from && to && Object.keys(errors).length === 0) {
        const figures = await services.clusterOutcomes.figures(from, to);
        const presented = presentClusterOutcomes({ ...figures, clusters: figures.clusters.includes(cluster) ? figures.clusters : [...figures.clusters, cluster] }, cluster, may(request.user, 'clusters:children'));
        comparison = { ...presented, chartSvg: await comparisonChartSvg(presented.chartTitle, presented.chartDescription, presented.chartBars) };
      }
    }
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('clusters/views/outcomes.njk', {
      title: 'Cluster outcomes',
      values,
      clusterItems: [{ value: '', text: 'Choose a cluster' }, ...clusterItems(clusters, values.cluster)],
      comparison,
      ...presentErrors(errors, ['from-day', 'to-day', 'cluster']),
    });
  });

  app.get(paths.clusters.children.pattern, { config: { access: { permission: 'clusters:children' } } }, async (request, reply) => {
    const parsed = figureQuery.safeParse(request.query);
    if (!parsed.success) throw new HttpError(404, 'There is no such figure');
    const figure = { ...parsed.data, others: parsed.data.others === 'yes' };
    if (figure.from > figure.to) throw new HttpError(404, 'There is no such figure');
    const behind = await services.clusterOutcomes.childrenBehind(request.user!, figure);
    if (behind.outcome !== 'shown') throw new HttpError(403, 'You may see the figures but not the children behind them');
    reply.header('cache-control', 'no-store');
    const list = presentChildrenBehind(figure, behind.figure, behind.records);
    return reply.view('clusters/views/children.njk', { title: list.heading, list });
  });
}

/** @module View models for the cluster outcomes page and the list of children behind a figure. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import { restrictedRecordLabel } from '../children/child.js';
import { familyFirstOutcomeNames } from '../reporting/indicators/familyFirstOutcomes.js';
import type { StatsRow } from '../reporting/statsTypes.js';
import type { ChartBar } from './clusterChart.js';
import type { DrillableIndicatorId, FigureQuery, FigureRecord } from './cluster.js';
import type { ClusterFigures } from './clusterService.js';
import { pathways, type Pathway } from '../../platform/codes/referralCodes.js';
import { pathwayLabels } from '../../platform/codes/referralCodes.js';
import { placementType } from '../../platform/codes/careCodes.js';

const clusterName = (cluster: string) => (cluster === 'not_recorded' ? 'Cluster not recorded' : cluster);

const outcomeLabels: Record<(typeof familyFirstOutcomeNames)[number], string> = {
  looked_after: 'Became looked after',
  accommodated: 'Accommodated (a placement away from home)',
  fostered: 'Placed in foster care',
  secure: 'Placed in secure care',
  external_placement: 'Placed with an external provider',
  cp_registered: 'Placed on the child protection register',
};

const figureLabels: Record<DrillableIndicatorId, string> = {
  'referrals.children': 'Children referred',
  'referrals.families': 'Families referred',
  'clusters.lac_started': 'Children who became looked after',
  'clusters.cp_registrations': 'Child protection registrations',
  'clusters.external_placements_started': 'External placements started',
  'clusters.secure_started': 'Secure placements started',
  'family_first.outcomes': 'Family First outcomes',
};

interface FigureLine {
  indicator: DrillableIndicatorId;
  dimension: string;
  label: string;
}

/** The rows of the comparison table, in the spec's order; placement types only where some cluster has one. */
function figureLines(rows: readonly StatsRow[]): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const indicator of ['referrals.children', 'referrals.families'] as const) {
    for (const pathway of pathways) lines.push({ indicator, dimension: pathway, label: `${figureLabels[indicator]}: ${pathwayLabels[pathway as Pathway]}` });
  }
  const types = [...new Set(rows.filter((r) => r.indicator === 'clusters.lac_started').map((r) => String(r.placement_type)))].sort();
  for (const type of types) {
    lines.push({ indicator: 'clusters.lac_started', dimension: type, label: `${figureLabels['clusters.lac_started']}, ${type === 'not_recorded' ? 'no placement recorded' : `first placement ${placementType.label(type).toLowerCase()}`}` });
  }
  if (types.length === 0) lines.push({ indicator: 'clusters.lac_started', dimension: '', label: `${figureLabels['clusters.lac_started']}` });
  for (const indicator of ['clusters.cp_registrations', 'clusters.external_placements_started', 'clusters.secure_started'] as const) {
    lines.push({ indicator, dimension: '', label: figureLabels[indicator] });
  }
  return lines;
}

function valueOf(rows: readonly StatsRow[], line: FigureLine, inCluster: (cluster: string) => boolean): number {
  return rows
    .filter((r) => r.indicator === line.indicator && typeof r.school_cluster === 'string' && inCluster(r.school_cluster))
    .filter((r) => line.dimension === '' || String(r.pathway ?? r.placement_type) === line.dimension)
    .reduce((sum, r) => sum + r.value, 0);
}

/**
 * The comparison: the chosen cluster, every other cluster, and all other clusters together.
 * @example presentClusterOutcomes(figures, 'Corsebank', true).columns[0] // 'Corsebank'
 */
export function presentClusterOutcomes(figures: ClusterFigures, cluster: string, mayList: boolean) {
  const others = figures.clusters.filter((c) => c !== cluster);
  const link = (line: FigureLine, column: string, allOthers: boolean) =>
    mayList
      ? paths.clusters.children({ from: figures.from, to: figures.to, cluster: column, others: allOthers ? 'yes' : 'no', indicator: line.indicator, dimension: line.dimension })
      : undefined;
  const lines = figureLines(figures.rows);
  const table = lines.map((line) => ({
    label: line.label,
    cells: [
      ...[cluster, ...others].map((column) => ({ value: valueOf(figures.rows, line, (c) => c === column), href: link(line, column, false) })),
      { value: valueOf(figures.rows, line, (c) => c !== cluster), href: link(line, cluster, true) },
    ],
  }));
  const outcomes = familyFirstOutcomeNames.map((outcome) => ({
    label: outcomeLabels[outcome],
    value: figures.rows.find((r) => r.indicator === 'family_first.outcomes' && r.outcome === outcome)?.value ?? 0,
    href: mayList ? paths.clusters.children({ from: figures.from, to: figures.to, cluster, others: 'no', indicator: 'family_first.outcomes', dimension: outcome }) : undefined,
  }));
  const sumOf = (indicator: DrillableIndicatorId, dimension: string | undefined, inCluster: (c: string) => boolean) =>
    lines.filter((l) => l.indicator === indicator && (dimension === undefined || l.dimension === dimension)).reduce((sum, l) => sum + valueOf(figures.rows, l, inCluster), 0);
  const chartFigures: [string, DrillableIndicatorId, string | undefined][] = [
    ['Referred to Family First', 'referrals.children', 'family_first'],
    ['Became looked after', 'clusters.lac_started', undefined],
    ['Child protection registrations', 'clusters.cp_registrations', undefined],
    ['External placements started', 'clusters.external_placements_started', undefined],
    ['Secure placements started', 'clusters.secure_started', undefined],
  ];
  const chartRows = chartFigures.map(([label, indicator, dimension]) => ({
    label,
    chosen: sumOf(indicator, dimension, (c) => c === cluster),
    others: sumOf(indicator, dimension, (c) => c !== cluster),
  }));
  const chartBars: ChartBar[] = chartRows.flatMap((row) => [
    { figure: row.label, series: clusterName(cluster), value: row.chosen },
    { figure: row.label, series: 'All other clusters', value: row.others },
  ]);
  return {
    heading: `${clusterName(cluster)} against every other cluster`,
    window: `${longDateOf(figures.from)} to ${longDateOf(figures.to)}`,
    columns: [clusterName(cluster), ...others.map(clusterName), 'All other clusters'],
    table,
    outcomes,
    chartRows,
    chartBars,
    chartTitle: `${clusterName(cluster)} against all other clusters, ${longDateOf(figures.from)} to ${longDateOf(figures.to)}`,
    chartDescription: chartRows.map((r) => `${r.label}: ${clusterName(cluster)} ${r.chosen}, all other clusters ${r.others}`).join('. '),
    clusterLabel: clusterName(cluster),
  };
}

/**
 * Choices for the cluster select.
 * @example clusterItems(['Belmont'], 'Belmont') // [{ value: 'Belmont', text: 'Belmont', selected: true }]
 */
export function clusterItems(clusters: readonly string[], chosen: string | undefined) {
  return clusters.map((c) => ({ value: c, text: clusterName(c), selected: c === chosen }));
}

/**
 * The list of children behind one figure; those the person may not open are counted, not named.
 * @example presentChildrenBehind(figure, 2, records).notNamed // 1
 */
export function presentChildrenBehind(figure: FigureQuery, total: number, records: readonly (FigureRecord & { named: boolean; restricted?: boolean })[]) {
  const dimensionLabel = figure.indicator === 'family_first.outcomes'
    ? outcomeLabels[figure.dimension as keyof typeof outcomeLabels] ?? figure.dimension
    : (pathwayLabels as Record<string, string>)[figure.dimension] ?? (figure.dimension ? placementType.label(figure.dimension) || figure.dimension : '');
  const where = figure.indicator === 'family_first.outcomes' ? 'all clusters' : figure.others ? `all clusters other than ${clusterName(figure.cluster)}` : clusterName(figure.cluster);
  const named = records.filter((r) => r.named || r.restricted);
  return {
    heading: `${figureLabels[figure.indicator]}${dimensionLabel ? `: ${dimensionLabel}` : ''}`,
    caption: `${where}, ${longDateOf(figure.from)} to ${longDateOf(figure.to)}`,
    total,
    rows: named.map((r) => ({
      name: r.named ? [r.forename, r.surname].filter(Boolean).join(' ') || 'Name not recorded' : restrictedRecordLabel(r.childId),
      href: paths.children.show({ childId: r.childId }),
      dateOfBirth: r.named ? longDateOf(r.dateOfBirth) : '',
      cluster: clusterName(r.cluster),
      date: longDateOf(r.date),
    })),
    notNamed: records.length - named.length,
    back: paths.clusters.outcomes({ from: figure.from, to: figure.to, cluster: figure.cluster }),
  };
}

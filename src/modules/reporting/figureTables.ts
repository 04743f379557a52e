/** @module Lays the rows of `cairn stats` out as the tables the dashboards and the board report show, each with its chart. */
import { censusDate, financialYear, reportingYear } from './periods.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { notRecorded } from './placementTypes.js';
import type { StatsResult, StatsRow } from './statsTypes.js';
import type { Benchmark } from './benchmark.js';
import type { ChartPoint } from '../../platform/documents/charts.js';
import type { FigureCell, FigureTable } from './figureTable.js';
import { placementType, placementTypeLabels } from '../../platform/codes/careCodes.js';

/** A period in words, as a paper prints it: "1 July 2021 to 30 April 2022". */
const inWords = (window: { from: string; to: string }): string => `${longDateOf(window.from)} to ${longDateOf(window.to)}`;


/** Everything the tables are laid out from: the figures, the comparator rows, and the years asked for. */
export interface FigureSource {
  stats: StatsResult;
  benchmarks: readonly Benchmark[];
  years: readonly number[];
  window?: { from: string; to: string };
}

const placementOrder = Object.keys(placementTypeLabels);
const outcomeLabels: Record<string, string> = {
  looked_after: 'Became looked after',
  accommodated: 'Accommodated (placed away from home)',
  fostered: 'Placed with foster carers',
  secure: 'Placed in secure care',
  external_placement: 'Placed with an external provider',
  cp_registered: 'Placed on the child protection register',
};
const areaLabels: Record<string, string> = { scotland: 'Scotland', family_group: 'Family group' };

/**
 * A placement type as the board reads it.
 * @example placementTypeLabel('at_home') // 'At home with parents'
 */
export function placementTypeLabel(code: string): string {
  if (code === notRecorded) return 'Not recorded';
  return placementType.label(code);
}

function clusterLabel(code: string): string {
  return code === notRecorded ? 'Not recorded' : code;
}

/** Finds one figure among the rows; null where the row is absent (a percentage of 0, a rate without population). */
function finder(rows: readonly StatsRow[]) {
  const byKey = new Map<string, number>();
  const keyOf = (indicator: string, period: string, dimensions: Readonly<Record<string, string>>) =>
    JSON.stringify([indicator, period, ...Object.keys(dimensions).sort().map((key) => [key, dimensions[key]])]);
  for (const row of rows) {
    const { indicator, period, value, ...dimensions } = row;
    byKey.set(keyOf(indicator, period, dimensions as Record<string, string>), value);
  }
  return {
    value: (indicator: string, period: string, dimensions: Readonly<Record<string, string>> = {}): number | null =>
      byKey.get(keyOf(indicator, period, dimensions)) ?? null,
    /** Counts whose 0 rows may be left out: 0 where absent. */
    count: (indicator: string, period: string, dimensions: Readonly<Record<string, string>> = {}): number =>
      byKey.get(keyOf(indicator, period, dimensions)) ?? 0,
  };
}

function points(series: string, rows: readonly (readonly FigureCell[])[], column: number): ChartPoint[] {
  return rows.flatMap((row, index) => (typeof row[column] === 'number' ? [{ label: String(row[0]), series, value: row[column] as number, source: { row: index, column } }] : []));
}

/**
 * Every table for these figures, in the order the dashboards and the board report show them: year-by-year
 * tables first, then (with a window) the cluster comparison, then the benchmarks.
 * @example figureTables({ stats, benchmarks: [], years: [2020, 2021] }).map((table) => table.id) // ['balance-of-care', …]
 */
export function figureTables(source: FigureSource): FigureTable[] {
  const { stats, years } = source;
  const find = finder(stats.rows);
  const baseline = stats.baseline;
  const latest = years[years.length - 1];
  const tables: FigureTable[] = [];

  const balance = years.map((year) => {
    const date = censusDate(year);
    return [String(year), find.count('lac.count', date), find.value('lac.rate_per_1000', date), find.value('lac.change_from_baseline_pct', date)];
  });
  tables.push({
    id: 'balance-of-care',
    caption: `Change in the balance of care: children looked after on 31 July each year${baseline ? `, and the change from ${baseline}` : ''}`,
    columns: [
      { heading: 'Year', kind: 'label' },
      { heading: 'Number of children', kind: 'count' },
      { heading: 'Rate per 1,000 children', kind: 'rate', places: 1, derivedFrom: [1] },
      { heading: `Change from ${baseline ?? 'baseline'}`, kind: 'change', places: 0, derivedFrom: [1] },
    ],
    rows: balance,
    additivity: 'none',
    indicators: ['lac.count', 'lac.rate_per_1000', 'lac.change_from_baseline_pct'],
    chart: { kind: 'bar', title: 'Children looked after on 31 July', axisTitle: 'Year', valueTitle: 'Children', points: points('Children looked after', balance, 1) },
  });

  if (latest !== undefined) {
    const date = censusDate(latest);
    const types = [...new Set(stats.rows.filter((row) => row.indicator === 'lac.by_placement_type' && row.period === date).map((row) => String(row.placement_type)))];
    types.sort((a, b) => (placementOrder.indexOf(a) + 1 || 99) - (placementOrder.indexOf(b) + 1 || 99));
    const typeRows: FigureCell[][] = types.map((type) => [placementTypeLabel(type), find.count('lac.by_placement_type', date, { placement_type: type })]);
    const total = typeRows.reduce((sum, row) => sum + (row[1] as number), 0);
    tables.push({
      id: 'placement-types',
      caption: `Children looked after on 31 July ${latest} by type of placement`,
      columns: [
        { heading: 'Placement type', kind: 'label' },
        { heading: 'Number', kind: 'count' },
      ],
      rows: [...typeRows, ['Total', total]],
      additivity: 'total-row',
      indicators: ['lac.by_placement_type'],
      chart: { kind: 'bar', title: `Children looked after on 31 July ${latest} by type of placement`, axisTitle: 'Placement type', valueTitle: 'Children', points: points('Children', typeRows, 1) },
    });
  }

  const community = years.map((year) => [String(year), find.count('lac.count', censusDate(year)), find.value('lac.community_pct', censusDate(year))]);
  tables.push({
    id: 'community',
    caption: 'Balance of care: share of looked after children cared for in the community (LGBF CHN9)',
    columns: [
      { heading: 'Year', kind: 'label' },
      { heading: 'Children looked after', kind: 'count' },
      { heading: 'In the community', kind: 'percent', places: 1, derivedFrom: [1] },
    ],
    rows: community,
    additivity: 'none',
    indicators: ['lac.count', 'lac.community_pct'],
    chart: { kind: 'line', title: 'Looked after children cared for in the community (%)', axisTitle: 'Year', valueTitle: 'Per cent', points: points('In the community', community, 2) },
  });

  const outOfAuthority = years.map((year) => [
    String(year),
    find.count('placements.out_of_authority', censusDate(year)),
    find.value('placements.cost_avoidance_gbp', censusDate(year)),
  ]);
  tables.push({
    id: 'out-of-authority',
    caption: `Placements outwith the authority on 31 July each year, and the cost avoided since ${baseline ?? 'the baseline'}`,
    columns: [
      { heading: 'Year', kind: 'label' },
      { heading: 'Out of authority placements', kind: 'count' },
      { heading: `Cost avoided since ${baseline ?? 'baseline'} (a year)`, kind: 'money' },
    ],
    rows: outOfAuthority,
    additivity: 'none',
    indicators: ['placements.out_of_authority', 'placements.cost_avoidance_gbp'],
    method: `Cost avoided = (out of authority placements on 31 July ${baseline ?? 'of the baseline year'} − on 31 July of the year) × the mean weekly cost of the out of authority placements open on 31 July ${baseline ?? 'of the baseline year'} that have a cost × 52.`,
    chart: { kind: 'bar', title: 'Out of authority placements on 31 July', axisTitle: 'Year', valueTitle: 'Placements', points: points('Out of authority placements', outOfAuthority, 1) },
  });

  const external = years.map((year) => [
    String(year),
    find.count('placements.external', censusDate(year)),
    reportingYear(year).label,
    find.count('placements.external_spend_gbp', reportingYear(year).label),
  ]);
  tables.push({
    id: 'external',
    caption: 'Placements with external providers on 31 July, and spend on external placements in the year to 31 July',
    columns: [
      { heading: 'Year', kind: 'label' },
      { heading: 'External placements on 31 July', kind: 'count' },
      { heading: 'Reporting year', kind: 'label' },
      { heading: 'External spend', kind: 'money' },
    ],
    rows: external,
    additivity: 'none',
    indicators: ['placements.external', 'placements.external_spend_gbp'],
    chart: { kind: 'bar', title: 'Spend on external placements (£)', axisTitle: 'Reporting year', valueTitle: 'Pounds', points: external.map((row, index) => ({ label: String(row[2]), series: 'External spend', value: row[3] as number, source: { row: index, column: 3 } })) },
  });

  const protection = years.map((year) => [
    String(year),
    find.count('cp.registered', censusDate(year)),
    reportingYear(year).label,
    find.count('cp.registrations', reportingYear(year).label),
    find.value('cp.reregistrations_18m_pct', reportingYear(year).label),
  ]);
  tables.push({
    id: 'child-protection',
    caption: 'Child protection: children on the register on 31 July, registrations in the year and re-registrations within 18 months',
    columns: [
      { heading: 'Year', kind: 'label' },
      { heading: 'Children on the register on 31 July', kind: 'count' },
      { heading: 'Reporting year', kind: 'label' },
      { heading: 'Registrations in the year', kind: 'count' },
      { heading: 'Re-registered within 18 months', kind: 'percent', places: 1, derivedFrom: [3] },
    ],
    rows: protection,
    additivity: 'none',
    indicators: ['cp.registered', 'cp.registrations', 'cp.reregistrations_18m_pct'],
    chart: {
      kind: 'bar',
      title: 'Child protection registrations',
      axisTitle: 'Year',
      valueTitle: 'Children or registrations',
      points: [...points('On the register on 31 July', protection, 1), ...points('Registrations in the year', protection, 3)],
    },
  });

  // Years before the first and after the last with any child referred are years the records do not cover (the
  // extract's Reporter history starts and stops): "No data", not a nought that reads as a fall to none.
  const referred = years.map((year) => find.count('scra.children', financialYear(year).label));
  const covered = (index: number) => referred.slice(0, index + 1).some((n) => n > 0) && referred.slice(index).some((n) => n > 0);
  const scra: FigureCell[][] = years.map((year, index) => covered(index)
    ? [financialYear(year).label, referred[index]!, find.count('scra.offence_children', financialYear(year).label)]
    : [financialYear(year).label, 'No data', 'No data']);
  tables.push({
    id: 'scra',
    caption: "Children referred to the Children's Reporter in the financial year",
    columns: [
      { heading: 'Financial year', kind: 'label' },
      { heading: 'Children referred, any ground', kind: 'count' },
      { heading: 'Children referred on offence grounds', kind: 'count' },
    ],
    rows: scra,
    additivity: 'none',
    indicators: ['scra.children', 'scra.offence_children'],
    chart: { kind: 'bar', title: 'Children referred to the Reporter', axisTitle: 'Financial year', valueTitle: 'Children', points: [...points('Any ground', scra, 1), ...points('Offence grounds', scra, 2)] },
  });

  const caseload = years.map((year) => [
    String(year),
    find.count('caseload.open', censusDate(year)),
    find.count('caseload.statutory', censusDate(year)),
    find.value('caseload.statutory_pct', censusDate(year)),
  ]);
  tables.push({
    id: 'caseload',
    caption: 'Statutory share of the caseload on 31 July: children with an open case who are looked after',
    columns: [
      { heading: 'Year', kind: 'label' },
      { heading: 'Children with an open case', kind: 'count' },
      { heading: 'Of whom looked after', kind: 'count' },
      { heading: 'Statutory share', kind: 'percent', places: 1, derivedFrom: [1, 2] },
    ],
    rows: caseload,
    additivity: 'none',
    indicators: ['caseload.open', 'caseload.statutory', 'caseload.statutory_pct'],
    chart: { kind: 'line', title: 'Statutory share of the caseload (%)', axisTitle: 'Year', valueTitle: 'Per cent', points: points('Statutory share', caseload, 3) },
  });

  if (source.window) tables.push(...windowTables(source.window, stats.rows));
  tables.push(...benchmarkTables(source));
  return tables;
}

function windowTables(window: { from: string; to: string }, rows: readonly StatsRow[]): FigureTable[] {
  const period = `${window.from}/${window.to}`;
  const find = finder(rows);
  const inWindow = rows.filter((row) => row.period === period);
  const valuesOf = (indicator: string, dimension: string) =>
    [...new Set(inWindow.filter((row) => row.indicator === indicator).map((row) => String(row[dimension])))].sort();
  const clusterOrder = (a: string, b: string) => (a === notRecorded ? 1 : b === notRecorded ? -1 : a.localeCompare(b));
  const clusters = [...new Set(inWindow.filter((row) => row.school_cluster !== undefined).map((row) => String(row.school_cluster)))].sort(clusterOrder);
  const pathways = valuesOf('referrals.children', 'pathway');
  const tables: FigureTable[] = [];

  const comparison = clusters.map((cluster) => [
    clusterLabel(cluster),
    ...pathways.map((pathway) => find.count('referrals.children', period, { school_cluster: cluster, pathway })),
    find.count('clusters.cp_registrations', period, { school_cluster: cluster }),
    find.count('clusters.external_placements_started', period, { school_cluster: cluster }),
    find.count('clusters.secure_started', period, { school_cluster: cluster }),
  ]);
  tables.push({
    id: 'cluster-comparison',
    caption: `School clusters compared, ${inWords(window)}`,
    columns: [
      { heading: 'School cluster', kind: 'label' },
      ...pathways.map((pathway) => ({ heading: `Children referred: ${pathway.replace(/_/g, ' ')}`, kind: 'count' as const })),
      { heading: 'Child protection registrations', kind: 'count' },
      { heading: 'External placements started', kind: 'count' },
      { heading: 'Secure placements started', kind: 'count' },
    ],
    rows: comparison,
    additivity: 'none',
    indicators: ['referrals.children', 'clusters.cp_registrations', 'clusters.external_placements_started', 'clusters.secure_started'],
    chart: {
      kind: 'bar',
      title: `Children referred by school cluster, ${inWords(window)}`,
      axisTitle: 'School cluster',
      valueTitle: 'Children',
      points: comparison.flatMap((row, rowIndex) =>
        pathways.map((pathway, index) => ({ label: String(row[0]), series: pathway.replace(/_/g, ' '), value: row[index + 1] as number, source: { row: rowIndex, column: index + 1 } })),
      ),
    },
  });

  const types = valuesOf('clusters.lac_started', 'placement_type').sort((a, b) => (placementOrder.indexOf(a) + 1 || 99) - (placementOrder.indexOf(b) + 1 || 99));
  // Every cluster compared, not only those where a child became looked after: a cluster where none did (the Family
  // First cluster, the seed paper's headline) shows its row of noughts.
  const startedClusters = [...new Set([...clusters, ...valuesOf('clusters.lac_started', 'school_cluster')])].sort(clusterOrder);
  if (types.length > 0) {
    const body = startedClusters.map((cluster) => types.map((type) => find.count('clusters.lac_started', period, { school_cluster: cluster, placement_type: type })));
    const withTotals: FigureCell[][] = body.map((row, index) => [clusterLabel(startedClusters[index]!), ...row, row.reduce((sum, value) => sum + value, 0)]);
    const columnTotals = types.map((_, column) => body.reduce((sum, row) => sum + row[column]!, 0));
    withTotals.push(['Total', ...columnTotals, columnTotals.reduce((sum, value) => sum + value, 0)]);
    tables.push({
      id: 'cluster-looked-after',
      caption: `Children who became looked after, ${inWords(window)}, by school cluster and first placement type`,
      columns: [
        { heading: 'School cluster', kind: 'label' },
        ...types.map((type) => ({ heading: placementTypeLabel(type), kind: 'count' as const })),
        { heading: 'Total', kind: 'count' },
      ],
      rows: withTotals,
      additivity: 'grid',
      indicators: ['clusters.lac_started'],
    });
  }

  const outcomes = inWindow.filter((row) => row.indicator === 'family_first.outcomes').map((row) => [outcomeLabels[String(row.outcome)] ?? String(row.outcome), row.value]);
  if (outcomes.length > 0) {
    tables.push({
      id: 'family-first',
      caption: `Outcomes for children referred to Family First, ${inWords(window)}`,
      columns: [
        { heading: 'What happened', kind: 'label' },
        { heading: 'Children', kind: 'count' },
      ],
      rows: outcomes,
      additivity: 'none',
      indicators: ['family_first.outcomes'],
    });
  }
  return tables;
}

function benchmarkTables(source: FigureSource): FigureTable[] {
  const find = finder(source.stats.rows);
  const own = source.stats.authority ?? 'This authority';
  const described: { indicator: string; title: string; kind: 'rate' | 'percent'; places: number }[] = [
    { indicator: 'lac.rate_per_1000', title: 'Looked after children per 1,000 children', kind: 'rate', places: 1 },
    { indicator: 'lac.community_pct', title: 'Looked after children cared for in the community (%)', kind: 'percent', places: 1 },
  ];
  return described.flatMap((description) => {
    const rows = source.benchmarks.filter((row) => row.indicator === description.indicator && source.years.includes(row.year));
    if (rows.length === 0) return [];
    const areas = [...new Set(rows.map((row) => row.area))].sort((a, b) => (a in areaLabels ? -1 : 0) - (b in areaLabels ? -1 : 0) || a.localeCompare(b));
    const tableRows = source.years.map((year) => [
      String(year),
      find.value(description.indicator, censusDate(year)),
      ...areas.map((area) => rows.find((row) => row.year === year && row.area === area)?.value ?? null),
    ]);
    const series = [own, ...areas.map((area) => areaLabels[area] ?? area)];
    const table: FigureTable = {
      id: `benchmark-${description.indicator.replace(/[._]/g, '-')}`,
      caption: `Benchmarking comparison: ${description.title.toLowerCase()}`,
      columns: [{ heading: 'Year', kind: 'label' }, ...series.map((heading) => ({ heading, kind: description.kind, places: description.places }))],
      rows: tableRows,
      additivity: 'none',
      indicators: [description.indicator],
      chart: { kind: 'line', title: description.title, axisTitle: 'Year', valueTitle: description.kind === 'rate' ? 'Per 1,000' : 'Per cent', points: series.flatMap((name, index) => points(name, tableRows, index + 1)) },
    };
    return [table];
  });
}

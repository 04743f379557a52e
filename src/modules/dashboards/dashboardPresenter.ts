/** @module View models for the dashboards page: each section's heading, chart, table of figures, CSV link and definitions. */
import { paths } from '../../web/paths.js';
import { figureSections } from '../../reports/boardReport.js';
import { writeTable, type WrittenTable } from '../../reports/publishTable.js';
import { indicatorById } from '../reporting/indicators/index.js';
import type { Figures } from './dashboardService.js';

export interface DashboardSection {
  id: string;
  heading: string;
  lead: string;
  chartSvg?: string;
  table: WrittenTable;
  csvHref: string;
  method?: string;
  definitions: { id: string; definition: string }[];
}

export interface DashboardView {
  authority: string;
  yearsText: string;
  baseline: number | null;
  windowText?: string;
  sections: DashboardSection[];
  /** Links to each section, for the contents list. */
  contents: { href: string; text: string }[];
}

/**
 * The dashboards page for these figures. Staff see every figure (no disclosure control): the page is not published.
 * @example presentDashboards(figures, 'firstYear=2016&lastYear=2021')
 */
export function presentDashboards(figures: Figures, query: string): DashboardView {
  const authority = figures.authority ?? 'The authority';
  const byId = new Map(figures.tables.map((table) => [table.id, table]));
  const sections = figureSections(authority, figures.tables).flatMap(({ id, heading, lead }) => {
    const table = byId.get(id);
    if (!table) return [];
    return [
      {
        id,
        heading,
        lead,
        chartSvg: figures.charts.get(id),
        table: writeTable(table, { published: false }),
        csvHref: paths.dashboards.csv({ tableId: id }, query),
        method: table.method,
        definitions: table.indicators.flatMap((indicatorId) => {
          const indicator = indicatorById(indicatorId);
          return indicator ? [{ id: indicatorId, definition: indicator.definition }] : [];
        }),
      },
    ];
  });
  const years = figures.years;
  return {
    authority,
    yearsText: years.length ? (years.length === 1 ? String(years[0]) : `${years[0]} to ${years[years.length - 1]}`) : 'no years with data',
    baseline: figures.baseline,
    windowText: figures.window ? `${figures.window.from} to ${figures.window.to}` : undefined,
    sections,
    contents: sections.map((section) => ({ href: `#${section.id}`, text: section.heading })),
  };
}

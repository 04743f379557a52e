/** @module View models for the dashboards page: each section's heading, chart image, table of figures, CSV link and definitions. */
import { paths } from '../../platform/http/paths.js';
import { figureSections } from '../boardReport/boardReport.js';
import { writeTable, type WrittenTable } from '../reporting/publishTable.js';
import { indicatorById } from '../reporting/indicators/index.js';
import { chartToDraw, type Figures } from './dashboardService.js';
import { longDateOf } from '../../platform/dates/formats.js';

/** A chart shown as an image of its own (so the browser keeps it), named by its title; its figures are in the table beside it. */
export interface DashboardChart {
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface DashboardSection {
  id: string;
  heading: string;
  lead: string;
  chart?: DashboardChart;
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
 * The image for a table's chart; none where the table has nothing to draw. Sized as drawn where it has been drawn
 * already (so the page does not jump as it loads); the page does not wait for a chart to be drawn (ADR 0054).
 * @example chartImage('<svg width="580" height="269" …', 'Children looked after', '/dashboards/charts/balance-of-care.svg') // { src, alt, width: 580, height: 269 }
 */
export function chartImage(svg: string | undefined, title: string, src: string): DashboardChart {
  if (!svg) return { src, alt: title };
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const size = (name: string) => {
    const value = new RegExp(`\\s${name}="(\\d+(?:\\.\\d+)?)"`).exec(root)?.[1];
    return value ? Math.round(Number(value)) : undefined;
  };
  return { src, alt: title, width: size('width'), height: size('height') };
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
    const chart = chartToDraw(table);
    return [
      {
        id,
        heading,
        lead,
        chart: chart && chartImage(figures.drawnChart(id), chart.title, paths.dashboards.chart({ tableId: id }, query)),
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
    windowText: figures.window ? `${longDateOf(figures.window.from)} to ${longDateOf(figures.window.to)}` : undefined,
    sections,
    contents: sections.map((section) => ({ href: `#${section.id}`, text: section.heading })),
  };
}

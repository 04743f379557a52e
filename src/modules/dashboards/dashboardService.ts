/** @module The dashboards' figures: the figure tables with their charts drawn when first asked for, briefly kept so busy pages stay fast. */
import { chartSvg, drawnChartSvg, type ChartDescription } from '../../platform/documents/charts.js';
import type { FigureTable } from '../reporting/figureTable.js';
import type { ComputedFigures, FiguresService } from '../reporting/figuresService.js';
import type { StatsOptions } from '../reporting/statsTypes.js';

/** The tables for one choice of years, baseline and window, each chart drawn when first asked for. */
export interface Figures extends ComputedFigures {
  /**
   * The chart of a table as SVG, drawn the first time it is asked for; undefined where the table has no chart or
   * nothing to draw. The page itself draws none: each chart is an image the browser asks for.
   */
  chart(tableId: string): Promise<string | undefined>;
  /** The chart if it has already been drawn (for its size on the page), without drawing it. */
  drawnChart(tableId: string): string | undefined;
  /** When kept figures are next worked out again (ms since 1970). */
  keptUntil?: number;
}

/** How long computed figures are kept: records change through the day, so a page may be this far behind. */
export const figuresKeptForMs = 30_000;
const kept = 50;

/**
 * A table's chart if it has something to draw; the page shows an image for exactly these.
 * @example chartToDraw(table)?.title // 'Children looked after on 31 July'
 */
export const chartToDraw = (table: FigureTable): ChartDescription | undefined => (table.chart && table.chart.points.length > 0 ? table.chart : undefined);

/** The figures with their charts drawn on demand (`chartSvg` keeps each drawing, shared while in progress). */
export function withChartsOnDemand(computed: ComputedFigures): Omit<Figures, 'keptUntil'> {
  const chartOf = (tableId: string) => {
    const table = computed.tables.find((candidate) => candidate.id === tableId);
    return table && chartToDraw(table);
  };
  return {
    ...computed,
    chart(tableId) {
      const chart = chartOf(tableId);
      return chart ? chartSvg(chart, `chart-${tableId}`) : Promise.resolve(undefined);
    },
    drawnChart(tableId) {
      const chart = chartOf(tableId);
      return chart ? drawnChartSvg(chart, `chart-${tableId}`) : undefined;
    },
  };
}

/** @example const figures = await dashboardService(figuresService(stats, benchmarks)).figures({}) */
export function dashboardService(source: FiguresService, now: () => number = Date.now) {
  const recent = new Map<string, { at: number; figures: Promise<Figures> }>();

  async function compute(options: StatsOptions): Promise<Omit<Figures, 'keptUntil'>> {
    return withChartsOnDemand(await source.compute(options));
  }

  return {
    /**
     * Every dashboard table for these options, charts drawn when asked for; the same options within `figuresKeptForMs` share one computation.
     * @example const { tables } = await dashboards.figures({ baseline: 2016 })
     */
    figures(options: StatsOptions): Promise<Figures> {
      const key = JSON.stringify(options);
      const hit = recent.get(key);
      if (hit && now() - hit.at < figuresKeptForMs) return hit.figures;
      const at = now();
      const figures = compute(options).then((computed) => ({ ...computed, keptUntil: at + figuresKeptForMs }));
      figures.catch(() => recent.delete(key));
      recent.set(key, { at, figures });
      if (recent.size > kept) recent.delete(recent.keys().next().value!);
      return figures;
    },
  };
}
export type DashboardService = ReturnType<typeof dashboardService>;

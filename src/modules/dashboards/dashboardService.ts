/** @module The dashboards' figures: the figure tables with their charts drawn when first asked for, kept while the records under them are unchanged. */
import { chartSvg, drawnChartSvg, type ChartDescription } from '../../platform/documents/charts.js';
import type { FigureTable } from '../reporting/figureTable.js';
import type { ComputedFigures, FiguresService } from '../reporting/figuresService.js';
import type { StatsOptions } from '../reporting/statsTypes.js';
import type { Queryable } from '../../db/database.js';
import { keptWhileUnchanged } from '../../db/keptWhileUnchanged.js';

/** The tables for one choice of years, baseline and window, each chart drawn when first asked for. */
export interface Figures extends ComputedFigures {
  /**
   * The chart of a table as SVG, drawn the first time it is asked for; undefined where the table has no chart or
   * nothing to draw. The page itself draws none: each chart is an image the browser asks for.
   */
  chart(tableId: string): Promise<string | undefined>;
  /** The chart if it has already been drawn (for its size on the page), without drawing it. */
  drawnChart(tableId: string): string | undefined;
}

/**
 * A table's chart if it has something to draw; the page shows an image for exactly these.
 * @example chartToDraw(table)?.title // 'Children looked after on 31 July'
 */
export const chartToDraw = (table: FigureTable): ChartDescription | undefined => (table.chart && table.chart.points.length > 0 ? table.chart : undefined);

/** The figures with their charts drawn on demand (`chartSvg` keeps each drawing, shared while in progress). */
export function withChartsOnDemand(computed: ComputedFigures): Figures {
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

/**
 * Without `db` (a test's own figures), worked out on every call.
 * @example const figures = await dashboardService(figuresService(stats, benchmarks), db).figures({})
 */
export function dashboardService(source: FiguresService, db?: Queryable) {
  const kept = keptWhileUnchanged<Figures>(50, { watching: source.tablesRead });
  const compute = async (options: StatsOptions): Promise<Figures> => withChartsOnDemand(await source.compute(options));

  return {
    /**
     * Every dashboard table for these options, charts drawn when asked for. The same choice is given the very same
     * figures while no record under them changes (ADR 0055), so its page and charts are drawn once.
     * @example const { tables } = await dashboards.figures({ baseline: 2016 })
     */
    figures(options: StatsOptions): Promise<Figures> {
      return db ? kept.get(db, JSON.stringify(options), () => compute(options)) : compute(options);
    },
  };
}
export type DashboardService = ReturnType<typeof dashboardService>;

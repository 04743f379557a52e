/** @module The dashboards' figures: the figure tables with their charts drawn, briefly kept so busy pages stay fast. */
import { chartSvg } from '../../platform/documents/charts.js';
import type { ComputedFigures, FiguresService } from '../reporting/figuresService.js';
import type { StatsOptions } from '../reporting/statsTypes.js';

/** The tables for one choice of years, baseline and window, with each chart drawn once. */
export interface Figures extends ComputedFigures {
  /** Chart SVG by table id. */
  charts: Map<string, string>;
  /** When kept figures are next worked out again (ms since 1970). */
  keptUntil?: number;
}

/** How long computed figures are kept: records change through the day, so a page may be this far behind. */
export const figuresKeptForMs = 30_000;
const kept = 50;

/** @example const figures = await dashboardService(figuresService(stats, benchmarks)).figures({}) */
export function dashboardService(source: FiguresService, now: () => number = Date.now) {
  const recent = new Map<string, { at: number; figures: Promise<Figures> }>();

  async function compute(options: StatsOptions): Promise<Figures> {
    const computed = await source.compute(options);
    const charts = new Map<string, string>();
    for (const table of computed.tables) if (table.chart && table.chart.points.length > 0) charts.set(table.id, await chartSvg(table.chart, `chart-${table.id}`));
    return { ...computed, charts };
  }

  return {
    /**
     * Every dashboard table for these options, charts drawn; the same options within `figuresKeptForMs` share one computation.
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

/** @module The dashboards' figures: `cairn stats` rows and benchmark rows laid out as tables with charts, briefly kept so busy pages stay fast. */
import type { Database } from '../../db/database.js';
import type { StatsService } from '../reporting/statsService.js';
import type { StatsOptions } from '../reporting/statsTypes.js';
import { yearsOf } from '../reporting/periods.js';
import { chartSvg } from '../../platform/documents/charts.js';
import type { FigureTable } from '../reporting/figureTable.js';
import { figureTables } from '../reporting/figureTables.js';
import type { BenchmarkRepository } from '../benchmarks/benchmarkRepository.js';

/** The tables for one choice of years, baseline and window, with each chart drawn once. */
export interface Figures {
  authority: string | null;
  years: number[];
  baseline: number | null;
  window?: { from: string; to: string };
  tables: FigureTable[];
  /** Chart SVG by table id. */
  charts: Map<string, string>;
  /** When kept figures are next worked out again (ms since 1970); none for figures worked out afresh. */
  keptUntil?: number;
}

/** How long computed figures are kept: records change through the day, so a page may be this far behind. */
export const figuresKeptForMs = 30_000;
const kept = 50;

/** @example const figures = await dashboardService(db, stats, benchmarkRepository()).figures({}) */
export function dashboardService(db: Database, stats: StatsService, benchmarks: BenchmarkRepository, now: () => number = Date.now) {
  const recent = new Map<string, { at: number; figures: Promise<Figures> }>();

  async function compute(options: StatsOptions, withCharts: boolean): Promise<Figures> {
    const [result, benchmarkRows] = await Promise.all([stats.compute(options), benchmarks.forIndicators(db, ['lac.rate_per_1000', 'lac.community_pct'])]);
    const years = options.years ? yearsOf(options.years) : [...new Set(result.rows.filter((row) => row.indicator === 'lac.count').map((row) => Number(row.period.slice(0, 4))))];
    const window = options.from && options.to ? { from: options.from, to: options.to } : undefined;
    const tables = figureTables({ stats: result, benchmarks: benchmarkRows, years, window });
    const charts = new Map<string, string>();
    if (withCharts) {
      for (const table of tables) if (table.chart && table.chart.points.length > 0) charts.set(table.id, await chartSvg(table.chart, `chart-${table.id}`));
    }
    return { authority: result.authority, years, baseline: result.baseline, window, tables, charts };
  }

  return {
    /**
     * Every dashboard table for these options, charts drawn; the same options within `figuresKeptForMs` share one computation.
     * @example const { tables } = await dashboardService(db, stats, benchmarkRepository()).figures({ baseline: 2016 })
     */
    figures(options: StatsOptions): Promise<Figures> {
      const key = JSON.stringify(options);
      const hit = recent.get(key);
      if (hit && now() - hit.at < figuresKeptForMs) return hit.figures;
      const at = now();
      const figures = compute(options, true).then((computed) => ({ ...computed, keptUntil: at + figuresKeptForMs }));
      figures.catch(() => recent.delete(key));
      recent.set(key, { at, figures });
      if (recent.size > kept) recent.delete(recent.keys().next().value!);
      return figures;
    },

    /**
     * The tables without charts, computed afresh (for reports, which must show the records as they are now).
     * @example const { tables } = await dashboardService(db, stats, benchmarkRepository()).freshTables({})
     */
    freshTables(options: StatsOptions): Promise<Figures> {
      return compute(options, false);
    },
  };
}
export type DashboardService = ReturnType<typeof dashboardService>;

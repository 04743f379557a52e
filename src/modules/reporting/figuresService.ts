/**
 * @module The figures as tables, computed afresh: `cairn stats` rows and published benchmark rows laid out by figureTables,
 * for a choice of years, baseline and window. The dashboards keep these briefly and draw their charts; the board report
 * always asks afresh.
 */
import { yearsOf } from './periods.js';
import type { FigureTable } from './figureTable.js';
import { figureTables } from './figureTables.js';
import { tablesTheFiguresRead, type StatsService } from './statsService.js';
import type { StatsOptions, StatsRow } from './statsTypes.js';
import type { BenchmarkSource } from './benchmark.js';

/** The tables for one choice of years, baseline and window. */
export interface ComputedFigures {
  authority: string | null;
  years: number[];
  baseline: number | null;
  window?: { from: string; to: string };
  tables: FigureTable[];
  /** The `cairn stats` rows the tables were laid out from. */
  rows: StatsRow[];
}

/** The indicators that have published comparators in the tables. */
export const benchmarkedIndicators = ['lac.rate_per_1000', 'lac.community_pct'];

/** @example const { tables } = await figuresService(stats, benchmarks).compute({ years: { first: 2016, last: 2021 } }) */
export function figuresService(stats: StatsService, benchmarks: BenchmarkSource) {
  return {
    /** Every table the figure tables are made from: the statistics' and the benchmarks' (ADR 0076). */
    tablesRead: [...tablesTheFiguresRead, ...benchmarks.tablesRead] as readonly string[],
    async compute(options: StatsOptions): Promise<ComputedFigures> {
      const [result, benchmarkRows] = await Promise.all([stats.compute(options), benchmarks.forIndicators(benchmarkedIndicators)]);
      const years = options.years ? yearsOf(options.years) : [...new Set(result.rows.filter((row) => row.indicator === 'lac.count').map((row) => Number(row.period.slice(0, 4))))];
      const window = options.from && options.to ? { from: options.from, to: options.to } : undefined;
      return { authority: result.authority, years, baseline: result.baseline, window, tables: figureTables({ stats: result, benchmarks: benchmarkRows, years, window }), rows: result.rows };
    },
  };
}
export type FiguresService = ReturnType<typeof figuresService>;

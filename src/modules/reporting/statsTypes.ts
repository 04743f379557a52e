/** @module The shapes every indicator and `cairn stats` share: kinds of period, what a computation covers, rows and the result. */
import type { Queryable } from '../../db/database.js';

/** How an indicator's periods are made (indicators.md, "Periods"). */
export type IndicatorKind = 'census' | 'reporting_year' | 'financial_year' | 'window';

/** Dates chosen by the user, both included, as `YYYY-MM-DD`. */
export interface DateWindow {
  from: string;
  to: string;
}

/**
 * What one computation covers. Year Y stands for the census date 31 July Y, the reporting year
 * ending on it (1 August Y−1 to 31 July Y) and the financial year ending in it (1 April Y−1 to 31 March Y).
 */
export interface StatsPeriods {
  /** Ascending census years; may be empty. */
  years: readonly number[];
  /** The census year that `lac.change_from_baseline_pct` and `placements.cost_avoidance_gbp` compare with. */
  baseline: number;
  /** Present only when window indicators are wanted. */
  window?: DateWindow;
}

/**
 * One figure: an indicator for one period and one combination of dimension values. Each dimension
 * (`placement_type`, `school_cluster`, `pathway`, `outcome`) is a key of its own.
 */
export interface StatsRow {
  indicator: string;
  period: string;
  value: number;
  [dimension: string]: string | number;
}

/** One indicator of indicators.md: its definition, copied from the spec, and the one way it is computed. */
export interface Indicator {
  id: string;
  kind: IndicatorKind;
  /** The definition, word for word from indicators.md. */
  definition: string;
  /** Decimal places the value is rounded to, half away from zero. */
  places: number;
  /** Dimension keys each row carries besides `indicator`, `period` and `value`. */
  dimensions: readonly string[];
  /**
   * Every row for the periods of this indicator's kind in `periods`. An indicator without dimensions has a
   * row for every period, 0 included (as the worked example does), unless its value is absent (a percentage
   * of 0, a rate without population). Rows of 0 for a combination of dimension values are left out, except
   * for `family_first.outcomes`, where every outcome has a row.
   */
  compute(db: Queryable, periods: StatsPeriods): Promise<StatsRow[]>;
}

/** An inclusive range of census years, e.g. 2016–2021. */
export interface YearRange {
  first: number;
  last: number;
}

/** What `cairn stats` was asked for; anything left out takes its default. */
export interface StatsOptions {
  years?: YearRange;
  baseline?: number;
  from?: string;
  to?: string;
}

/** The object `cairn stats --json` prints. */
export interface StatsResult {
  /** The authority's name, or null before an extract with `authority.csv` has been imported. */
  authority: string | null;
  /** Null only when there are no census years and none was asked for. */
  baseline: number | null;
  rows: StatsRow[];
}

/** @module Small helpers that turn query results into indicator rows and year periods into query parameters. */
import { financialYear, reportingYear, type Period } from '../periods.js';
import type { StatsPeriods, StatsRow } from '../statsTypes.js';

/**
 * One row: dimensions become keys of their own, between `period` and `value`.
 * @example statsRow('lac.by_placement_type', '2021-07-31', 61, { placement_type: 'at_home' })
 */
export function statsRow(indicator: string, period: string, value: number, dimensions: Readonly<Record<string, string>> = {}): StatsRow {
  return { indicator, period, ...dimensions, value };
}

/** Reporting or financial years as parallel arrays for `unnest($1::date[], $2::date[])`, and their labels by last day. */
export interface YearSpans {
  firstDays: string[];
  lastDays: string[];
  labelOf(lastDay: string): string;
}

/**
 * The reporting or financial years ending in the years of `periods`.
 * @example yearSpans({ years: [2021], baseline: 2021 }, 'reporting_year').firstDays // ['2020-08-01']
 */
export function yearSpans(periods: StatsPeriods, kind: 'reporting_year' | 'financial_year'): YearSpans {
  const spans: Period[] = periods.years.map(kind === 'reporting_year' ? reportingYear : financialYear);
  const labels = new Map(spans.map((span) => [span.last, span.label]));
  return {
    firstDays: spans.map((span) => span.first),
    lastDays: spans.map((span) => span.last),
    labelOf(lastDay) {
      const label = labels.get(lastDay);
      if (label === undefined) throw new Error(`no ${kind} ends on ${lastDay}`);
      return label;
    },
  };
}

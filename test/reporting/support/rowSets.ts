/** @module Comparing indicator rows as sets: order-free, key-order-free. */
import type { StatsRow } from '../../../src/modules/reporting/statsTypes.js';

/**
 * Each row as JSON with its keys sorted, the list sorted: equal lists mean equal sets of rows.
 * @example expect(rowSet(actual)).toEqual(rowSet(expected))
 */
export function rowSet(rows: readonly Readonly<Record<string, string | number>>[]): string[] {
  return rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))).sort();
}

/**
 * The rows of one indicator.
 * @example rowsOf(result.rows, 'lac.count')
 */
export function rowsOf(rows: readonly StatsRow[], indicator: string): StatsRow[] {
  return rows.filter((row) => row.indicator === indicator);
}

/**
 * @module Census dates as bits (ADR 0051): each record open over a span of days covers a run of the census dates
 * asked for, written as one 64-bit mask, so a census indicator reads each table once, whatever the number of dates,
 * and counts distinct children by grouping each child's masks once rather than once a date.
 */
import type { Queryable, SqlValue } from '../../../db/database.js';

/** Dates a mask holds at most: bits 0–61, so `1 << 62` and the masks themselves stay positive in a bigint. */
export const datesPerMask = 62;

/**
 * A SQL bigint: bit i set when the i-th census date of `$1` (a sorted `date[]` with no repeats) lies in
 * [`start`, `end`), `end` null meaning still open. `width_bucket(x, dates)` counts the dates on or before x,
 * so the dates covered are those after `start - 1` and on or before `end - 1`, a run of bits.
 * @example censusMask('placement.start_date', 'placement.end_date') // '(case when … end)'
 */
export function censusMask(start: string, end: string): string {
  const before = `width_bucket(${start} - 1, $1::date[])`;
  const through = `coalesce(width_bucket(${end} - 1, $1::date[]), cardinality($1::date[]))`;
  return `(case when ${through} > ${before} then (1::int8 << ${through}) - (1::int8 << ${before}) else 0::int8 end)`;
}

/**
 * The census dates of `$1` with their bit, to spread rows grouped by mask over the dates:
 * `from ${censusBits} join … on mask & census.bit <> 0`.
 */
export const censusBits = `(select census_date, 1::int8 << (position::int - 1) as bit from unnest($1::date[]) with ordinality as dates (census_date, position)) census`;

/**
 * Run `sql` (whose `$1` is a sorted `date[]` with no repeats, as `censusMask` needs) for `dates` in runs of at most
 * `datesPerMask` dates, and return every run's rows. Dates are sorted and repeats dropped first, so the same
 * set of dates always sends the same parameters (`sharingIdenticalQueries` then runs it once).
 * @example await inCensusRuns(db, sql, ['2021-07-31', '2020-07-31']) // rows for both dates
 */
export async function inCensusRuns<Row>(db: Queryable, sql: string, dates: readonly string[], params: readonly SqlValue[] = []): Promise<Row[]> {
  const sorted = [...new Set(dates)].sort();
  const rows: Row[] = [];
  for (let from = 0; from < sorted.length; from += datesPerMask) {
    rows.push(...(await db.query<Row>(sql, [sorted.slice(from, from + datesPerMask), ...params])));
  }
  return rows;
}

/**
 * @module Census dates as bits (ADR 0051): each record open over a span of days covers a run of the census dates
 * asked for, written as one 32-bit mask, so a census indicator reads each table once, whatever the number of dates,
 * and counts distinct children by grouping each child's masks once rather than once a date.
 */
import type { Queryable, SqlValue } from '../../../db/database.js';

/**
 * Dates a mask holds at most: bits 0–29, so `1 << 30` and the masks themselves stay positive in an `integer`. Not a
 * `bigint` (62 dates), though eight census years fit either: PGlite is PostgreSQL built for 32-bit WebAssembly, where
 * an 8-byte value is passed by reference, so every mask worked out and every OR of two was a memory allocation. With
 * 4-byte masks the children on eight census dates of the large extract take 211–217 ms on PGlite rather than 240–255
 * (ADR 0072); on PostgreSQL both are passed by value. Thirty census dates are thirty years: more come in runs.
 */
export const datesPerMask = 30;

/** SQL to put after a table in `from`, and the mask it gives each of the table's rows. */
export interface CensusMask {
  /** `cross join lateral (…) name`: where each row's first and last census date fall, worked out once a row. */
  join: string;
  /** A bigint: bit i set when the i-th census date lies in the row's span. */
  mask: string;
  /**
   * True when the row is open on at least one of the dates (its mask is not 0): a filter that compares the two
   * counts rather than working the mask out once more (a filter on the mask itself computes it twice a row).
   */
  covers: string;
}

/**
 * For rows open from `start` to the day before `end` (`end` null: still open), the mask of the census dates of
 * `$1` (a sorted `date[]` with no repeats) in that span. `width_bucket(x, dates)` counts the dates on or before x,
 * so the dates covered are those after `start - 1` and on or before `end - 1`: a run of bits. The two counts are
 * worked out once a row in a lateral subquery (three times faster on PGlite than repeating them in the mask).
 * @example const open = censusMask('placement.start_date', 'placement.end_date', 'open') // { join: 'cross join lateral (…) open', mask: '(case … end)', covers: 'open.through > open.before' }
 */
export function censusMask(start: string, end: string, name: string): CensusMask {
  return {
    join: `cross join lateral (
             select width_bucket(${start} - 1, $1::date[]) as before,
                    coalesce(width_bucket(${end} - 1, $1::date[]), cardinality($1::date[])) as through
           ) ${name}`,
    mask: `(case when ${name}.through > ${name}.before then (1 << ${name}.through) - (1 << ${name}.before) else 0 end)`,
    covers: `${name}.through > ${name}.before`,
  };
}

/**
 * The census dates of `$1` with their bit, to spread rows grouped by mask over the dates:
 * `from ${censusBits} join … on mask & census.bit <> 0`.
 */
export const censusBits = `(select census_date, 1 << (position::int - 1) as bit from unnest($1::date[]) with ordinality as dates (census_date, position)) census`;

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

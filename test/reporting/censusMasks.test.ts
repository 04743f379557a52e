/**
 * @module Census dates as bits (ADR 0051, 0072), on either engine: a record open on every date of a full run sets
 * every bit a mask holds, and dates beyond one mask come in runs that give each date exactly the records open on it,
 * a record whose span crosses from one run into the next included. A mask too wide for its type would stop the
 * query with "integer out of range" or give a date the wrong records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { censusBits, censusMask, datesPerMask, inCensusRuns } from '../../src/modules/reporting/indicators/censusMasks.js';

describe(`census dates as bits (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  // Three records: open since before the first date and still open; 1990-08-01 to 2000-08-01 (census dates 1991–2000);
  // 2005-01-01 to 2012-01-01 (2005–2011, across the boundary between the second and third runs of thirty).
  const open = censusMask('record.start_date', 'record.end_date', 'open');
  const recordsOnEachDate = `
    with alike as (
      select ${open.mask} as mask, count(*) as records
        from (values ('1940-01-01'::date, null::date), ('1990-08-01', '2000-08-01'), ('2005-01-01', '2012-01-01'))
             as record (start_date, end_date) ${open.join}
       where ${open.covers}
       group by 1
    )
    select census.census_date, sum(alike.records)::int as records
      from ${censusBits}
      join alike on alike.mask & census.bit <> 0
     group by 1
     order by 1`;

  it('gives every date of 72, in runs, exactly the records open on it', async () => {
    const dates = Array.from({ length: 72 }, (_, i) => `${1950 + i}-07-31`);
    expect(dates.length).toBeGreaterThan(2 * datesPerMask);
    const rows = await inCensusRuns<{ census_date: string; records: number }>(database.db, recordsOnEachDate, dates);
    const expected = dates.map((date) => {
      const year = Number(date.slice(0, 4));
      return { census_date: date, records: 1 + (year >= 1991 && year <= 2000 ? 1 : 0) + (year >= 2005 && year <= 2011 ? 1 : 0) };
    });
    expect(rows).toEqual(expected);
  });

  it('holds a full run of dates in one mask: a record open on all of them sets every bit', async () => {
    const dates = Array.from({ length: datesPerMask }, (_, i) => `${1950 + i}-07-31`);
    const [row] = await database.db.query<{ mask: number }>(
      `select ${open.mask} as mask from (values ('1940-01-01'::date, null::date)) as record (start_date, end_date) ${open.join}`,
      [dates],
    );
    expect(row!.mask).toBe(2 ** datesPerMask - 1);
  });
});

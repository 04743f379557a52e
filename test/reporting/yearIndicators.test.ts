import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { statsService, type StatsService } from '../../src/modules/reporting/statsService.js';
import type { StatsRow } from '../../src/modules/reporting/statsTypes.js';
import { calendarMonthsBefore } from '../../src/modules/reporting/periods.js';
import { yearsFixture } from '../fixtures/stats/years.js';
import { insertExtract } from './support/extractLoader.js';
import { rowSet, rowsOf } from './support/rowSets.js';

// Worked by hand from test/fixtures/stats/years.ts, --years 2020-2022:
//   reporting years 2019-20 (2019-08-01…2020-07-31, 366 days), 2020-21 (2020-08-01…2021-07-31), 2021-22 (2021-08-01…2022-07-31);
//   financial years 2019-20 (2019-04-01…2020-03-31), 2020-21 (2020-04-01…2021-03-31), 2021-22 (2021-04-01…2022-03-31).
const row = (indicator: string, period: string, value: number): StatsRow => ({ indicator, period, value });

describe(`reporting-year and financial-year indicators on hand-worked edges (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let stats: StatsService;
  let rows: StatsRow[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertExtract(database.db, yearsFixture);
    stats = statsService(database.db);
    rows = (await stats.compute({ years: { first: 2020, last: 2022 } })).rows;
  });
  afterAll(() => database.drop());

  const expectRows = (indicator: string, expected: StatsRow[]) => expect(rowSet(rowsOf(rows, indicator))).toEqual(rowSet(expected));

  it('lac.started: distinct children, first and last days of the year included', () => {
    // 2019-20: Y1 (2019-08-01), Y2 (E22 2020-07-31; E21 on 2019-07-31 is the year before), Y4, Y6 = 4
    // 2020-21: Y3 (two episodes, one child), Y5, Y7 (2021-07-31) = 3;  2021-22: Y8 (2021-08-01) = 1
    expectRows('lac.started', [row('lac.started', '2019-20', 4), row('lac.started', '2020-21', 3), row('lac.started', '2021-22', 1)]);
  });

  it('placements.secure_started', () => {
    // 2019-20: P11 (P21 starts 2019-07-31, the year before); 2020-21: P12, P31 (both 2020-08-01); 2021-22: none
    expectRows('placements.secure_started', [
      row('placements.secure_started', '2019-20', 1),
      row('placements.secure_started', '2020-21', 2),
      row('placements.secure_started', '2021-22', 0),
    ]);
  });

  it('placements.external_spend_gbp: days inside the year, start day in and end day out, rounded once', () => {
    // External with a cost (P12 is the council's own, P41 has no provider, P31 no cost):
    // 2019-20: P11 £350.35 × 366 (2019-08-01…2020-07-31; out on its end day 2020-08-01) = 128,228.10
    //          P21 £700 × 153 (2019-08-01…2019-12-31)                                   = 107,100
    //          P61 £70 × 61 (2020-06-01…2020-07-31)                                      =   4,270
    //          239,598.10 ÷ 7 = 34,228.3 → 34,228
    // 2020-21: P32 £100 × 181 (2021-02-01…2021-07-31) = 18,100; P51 and P52 £1 × 3 each = 6; P61 £70 × 31 = 2,170;
    //          P71 £7 × 1 (2021-07-31) = 7: 20,283 ÷ 7 = 2,897.57 → 2,898 (rounding each placement would give 2,897)
    // 2021-22: P71 £7 × 365 (open, to the year's end) = 2,555 ÷ 7 = 365
    expectRows('placements.external_spend_gbp', [
      row('placements.external_spend_gbp', '2019-20', 34228),
      row('placements.external_spend_gbp', '2020-21', 2898),
      row('placements.external_spend_gbp', '2021-22', 365),
    ]);
  });

  it('cp.registrations and cp.reregistrations_18m_pct: the 18-month boundary, 31 August → 28/29 February', () => {
    // 2019-20: R5, R7, R10, R12 = 4, none follows a de-registration: 0 ÷ 4 = 0.0
    // 2020-21: R2, R4, R9, R11, R13, R14 = 6. R2 (2020-08-31): R1 de-registered 2019-02-28, the boundary: yes.
    //          R4: R3 de-registered 2019-02-27, a day early: no. R11: R10 de-registered after it: no.
    //          R13: R12 de-registered the same day: yes. R9, R14: no. 2 ÷ 6 = 33.33 → 33.3
    // 2021-22: R6, R8 = 2. R6 (2021-08-31): R5 de-registered 2020-02-29, the boundary: yes. R8: R7 2020-02-28: no. 50.0
    expectRows('cp.registrations', [row('cp.registrations', '2019-20', 4), row('cp.registrations', '2020-21', 6), row('cp.registrations', '2021-22', 2)]);
    expectRows('cp.reregistrations_18m_pct', [
      row('cp.reregistrations_18m_pct', '2019-20', 0),
      row('cp.reregistrations_18m_pct', '2020-21', 33.3),
      row('cp.reregistrations_18m_pct', '2021-22', 50),
    ]);
  });

  it('scra.children and scra.offence_children: financial years, not reporting years', () => {
    // 2019-20: Y1 (S1 2019-04-01 and S2, ground j), Y2 (S3 2020-03-31, ground b) = 2; offence: Y1 = 1
    // 2020-21: Y2 (S4 2020-04-01, j), Y3 (S6 2021-03-31, c) = 2; offence: Y2 = 1   (S5 2019-03-31 is 2018-19)
    // 2021-22: Y4 (S7 2021-07-31, k) = 1; offence 0
    expectRows('scra.children', [row('scra.children', '2019-20', 2), row('scra.children', '2020-21', 2), row('scra.children', '2021-22', 1)]);
    expectRows('scra.offence_children', [
      row('scra.offence_children', '2019-20', 1),
      row('scra.offence_children', '2020-21', 1),
      row('scra.offence_children', '2021-22', 0),
    ]);
  });

  it('a single year: reporting year 2018-19 and financial year 2018-19, re-registrations absent without registrations', async () => {
    // RY 2018-19 (2018-08-01…2019-07-31): Y2's E21 and P21 start 2019-07-31: started 1, secure 1; spend £700 × 1 day ÷ 7 = 100;
    // no registrations (R1, R3 are 2018-06-01): 0, and the percentage absent. FY 2018-19: S5 (2019-03-31, j).
    const result = await stats.compute({ years: { first: 2019, last: 2019 } });
    const yearRows = result.rows.filter((r) => r.period === '2018-19');
    expect(rowSet(yearRows)).toEqual(
      rowSet([
        row('lac.started', '2018-19', 1),
        row('placements.secure_started', '2018-19', 1),
        row('placements.external_spend_gbp', '2018-19', 100),
        row('cp.registrations', '2018-19', 0),
        row('scra.children', '2018-19', 1),
        row('scra.offence_children', '2018-19', 1),
      ]),
    );
  });

  it('PostgreSQL’s "18 months before" is the rule of periods.ts on every day of two years', async () => {
    const rows = await database.db.query<{ day: string; before: string }>(
      `select day::date::text as day, (day::date - interval '18 months')::date::text as before
         from generate_series(date '2021-01-01', date '2022-12-31', interval '1 day') as day`,
    );
    expect(rows).toHaveLength(730);
    for (const { day, before } of rows) expect(before, day).toBe(calendarMonthsBefore(day, 18));
  });
});

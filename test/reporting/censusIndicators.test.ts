import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { statsService, type StatsService } from '../../src/modules/reporting/statsService.js';
import type { StatsRow } from '../../src/modules/reporting/statsTypes.js';
import { censusFixture } from '../fixtures/stats/census.js';
import { insertExtract } from './support/extractLoader.js';
import { rowSet, rowsOf } from './support/rowSets.js';

// Worked by hand from test/fixtures/stats/census.ts. On each census day, who is open:
//            looked after (placement)                            OOA placements      external      cases open (LAC?)
// 2019-07-31 C1 (P1 foster_purchased), C2 (none: E2 starts on     P1, P4, P6 = 3      P1, P4, P6    C1 (yes), C5 (no)
//            the day), C3 (P4 kinship: E3/P3 end on the day,                          = 3
//            E4/P4 start on it), C6 (P6 foster_la) = 4
// 2020-07-31 C1 (P2 la_home: P1 ends, P2 starts on the day), C2,   P4, P5, P6, P7 = 4  P4, P5, P6    C1 (yes), C5 (no: K2 closes,
//            C3 (kinship), C4 (P5 residential_school), C6          (P1 ended)          = 3 (P7 has    K3 opens on the day),
//            (foster_la), C7 (P7 other_residential) = 6                                no provider)  C2 (yes)
// 2021-07-31 C1 (la_home), C3 (kinship), C7 (other_residential)    P4, P7 = 2          P4 = 1        C1 (yes), C5 (no), C8 (no:
//            = 3 (C2's episode ends on the day)                                                      opened on the day); C2's
//                                                                                                    K5 closes on the day
const row = (indicator: string, period: string, value: number, dimensions: Record<string, string> = {}): StatsRow => ({ indicator, period, ...dimensions, value });

describe(`census indicators on hand-worked edges (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let stats: StatsService;
  let rows: StatsRow[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertExtract(database.db, censusFixture);
    stats = statsService(database.db);
    rows = (await stats.compute({ years: { first: 2019, last: 2021 } })).rows;
  });
  afterAll(() => database.drop());

  const expectRows = (indicator: string, expected: StatsRow[]) => expect(rowSet(rowsOf(rows, indicator))).toEqual(rowSet(expected));

  it('lac.count: open on the census day, not when ending on it; one child with two episodes counts once', () => {
    expectRows('lac.count', [row('lac.count', '2019-07-31', 4), row('lac.count', '2020-07-31', 6), row('lac.count', '2021-07-31', 3)]);
  });

  it('lac.rate_per_1000: rounded half away from zero, absent without a population row', () => {
    // 2019: 4 × 1000 ÷ 4000 = 1.0; 2020: no population row; 2021: 3 × 1000 ÷ 4000 = 0.75 → 0.8
    expectRows('lac.rate_per_1000', [row('lac.rate_per_1000', '2019-07-31', 1), row('lac.rate_per_1000', '2021-07-31', 0.8)]);
  });

  it('lac.change_from_baseline_pct: against 2019', () => {
    // (4 − 4) ÷ 4 = 0; (6 − 4) ÷ 4 × 100 = 50; (3 − 4) ÷ 4 × 100 = −25
    expectRows('lac.change_from_baseline_pct', [
      row('lac.change_from_baseline_pct', '2019-07-31', 0),
      row('lac.change_from_baseline_pct', '2020-07-31', 50),
      row('lac.change_from_baseline_pct', '2021-07-31', -25),
    ]);
  });

  it('lac.by_placement_type: the placement open on the day, not_recorded for an episode without one', () => {
    const t = (period: string, placement_type: string) => row('lac.by_placement_type', period, 1, { placement_type });
    expectRows('lac.by_placement_type', [
      t('2019-07-31', 'foster_purchased'), t('2019-07-31', 'not_recorded'), t('2019-07-31', 'kinship'), t('2019-07-31', 'foster_la'),
      t('2020-07-31', 'la_home'), t('2020-07-31', 'not_recorded'), t('2020-07-31', 'kinship'), t('2020-07-31', 'residential_school'),
      t('2020-07-31', 'foster_la'), t('2020-07-31', 'other_residential'),
      t('2021-07-31', 'la_home'), t('2021-07-31', 'kinship'), t('2021-07-31', 'other_residential'),
    ]);
  });

  it('lac.community_pct: residential types out, an unplaced child in', () => {
    // 2019: (4 − 0) ÷ 4 = 100.0 (P3 secure ended on the day); 2020: la_home, residential_school, other_residential:
    // (6 − 3) ÷ 6 = 50.0; 2021: la_home, other_residential: (3 − 2) ÷ 3 = 33.33 → 33.3
    expectRows('lac.community_pct', [
      row('lac.community_pct', '2019-07-31', 100),
      row('lac.community_pct', '2020-07-31', 50),
      row('lac.community_pct', '2021-07-31', 33.3),
    ]);
  });

  it('placements.out_of_authority and placements.external: placements open on the day', () => {
    expectRows('placements.out_of_authority', [
      row('placements.out_of_authority', '2019-07-31', 3),
      row('placements.out_of_authority', '2020-07-31', 4),
      row('placements.out_of_authority', '2021-07-31', 2),
    ]);
    expectRows('placements.external', [
      row('placements.external', '2019-07-31', 3),
      row('placements.external', '2020-07-31', 3),
      row('placements.external', '2021-07-31', 1),
    ]);
  });

  it('cp.registered: distinct children, registered on the day counts, de-registered on it does not', () => {
    // 2019: C1 (R1 from the day; R3 ends on it) = 1; 2020: C1 (R2 from the day), C8 (R4 and R5 both open) = 2;
    // 2021: C1 (R4 ends on the day) = 1
    expectRows('cp.registered', [row('cp.registered', '2019-07-31', 1), row('cp.registered', '2020-07-31', 2), row('cp.registered', '2021-07-31', 1)]);
  });

  it('caseload.open, caseload.statutory and caseload.statutory_pct', () => {
    expectRows('caseload.open', [row('caseload.open', '2019-07-31', 2), row('caseload.open', '2020-07-31', 3), row('caseload.open', '2021-07-31', 3)]);
    // C4 is looked after in 2020 but has no case: not in the statutory caseload
    expectRows('caseload.statutory', [
      row('caseload.statutory', '2019-07-31', 1),
      row('caseload.statutory', '2020-07-31', 2),
      row('caseload.statutory', '2021-07-31', 1),
    ]);
    // 1 ÷ 2 = 50.0; 2 ÷ 3 = 66.67 → 66.7; 1 ÷ 3 = 33.33 → 33.3
    expectRows('caseload.statutory_pct', [
      row('caseload.statutory_pct', '2019-07-31', 50),
      row('caseload.statutory_pct', '2020-07-31', 66.7),
      row('caseload.statutory_pct', '2021-07-31', 33.3),
    ]);
  });

  it('placements.cost_avoidance_gbp: the baseline mean cost of costed OOA placements, halves away from zero', () => {
    // Baseline 2019: 3 OOA placements (P1, P4, P6); costed P1 £800 and P4 £1,000.25 (P6 has no cost, P3 ended on
    // the day): mean £900.125; × 52 = £46,806.50 a placement.
    // 2019: (3 − 3) = 0; 2020: (3 − 4) × 46,806.5 = −46,806.5 → −46,807; 2021: (3 − 2) × 46,806.5 → 46,807
    expectRows('placements.cost_avoidance_gbp', [
      row('placements.cost_avoidance_gbp', '2019-07-31', 0),
      row('placements.cost_avoidance_gbp', '2020-07-31', -46807),
      row('placements.cost_avoidance_gbp', '2021-07-31', 46807),
    ]);
  });

  it('keeps the baseline when it lies outside --years', async () => {
    const result = await stats.compute({ years: { first: 2021, last: 2021 }, baseline: 2019 });
    expect(result.baseline).toBe(2019);
    expect(rowsOf(result.rows, 'lac.change_from_baseline_pct')).toEqual([row('lac.change_from_baseline_pct', '2021-07-31', -25)]);
    expect(rowsOf(result.rows, 'placements.cost_avoidance_gbp')).toEqual([row('placements.cost_avoidance_gbp', '2021-07-31', 46807)]);
    expect(result.rows.some((r) => r.period === '2019-07-31')).toBe(false);
  });

  it('in a year with nothing open: counts of 0, percentages of nothing absent, rate 0.0 with a population', async () => {
    // 2016: nobody looked after, no case, no registration; population 3000 → rate 0 × 1000 ÷ 3000 = 0.0.
    // Baseline 2016 has 0 looked after (change absent) and no costed OOA placement (cost avoidance absent).
    const result = await stats.compute({ years: { first: 2016, last: 2016 } });
    expect(rowSet(result.rows)).toEqual(
      rowSet([
        row('lac.count', '2016-07-31', 0),
        row('lac.rate_per_1000', '2016-07-31', 0),
        row('placements.out_of_authority', '2016-07-31', 0),
        row('placements.external', '2016-07-31', 0),
        row('cp.registered', '2016-07-31', 0),
        row('caseload.open', '2016-07-31', 0),
        row('caseload.statutory', '2016-07-31', 0),
        row('lac.started', '2015-16', 0),
        row('placements.secure_started', '2015-16', 0),
        row('placements.external_spend_gbp', '2015-16', 0),
        row('cp.registrations', '2015-16', 0),
        row('scra.children', '2015-16', 0),
        row('scra.offence_children', '2015-16', 0),
      ]),
    );
  });
});

describe(`census rounding halves on a generated authority (${engineUnderTest})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    // 201 children: G1–G199 looked after from 2018 on; G200 from 2018 to 2021-01-01; G201 during 2020 only.
    // Looked after: 2019-07-31 200, 2020-07-31 201, 2021-07-31 199.
    await db.query(`insert into children (child_id, date_of_birth) select 'G' || i, '2010-01-01' from generate_series(1, 201) as i`);
    await db.query(
      `insert into looked_after_episodes (episode_id, child_id, start_date, end_date, legal_reason)
       select 'GE' || i, 'G' || i,
              case when i = 201 then date '2020-01-01' else date '2018-01-01' end,
              case when i >= 200 then date '2021-01-01' end,
              'cso_home'
         from generate_series(1, 201) as i`,
    );
    await db.query('insert into population (year, age_0_17) values (2019, 32000)');
  });
  afterAll(() => database.drop());

  it('rounds 0.5 up to 1, −0.5 down to −1 and 6.25 to 6.3', async () => {
    const { rows } = await statsService(database.db).compute({ years: { first: 2019, last: 2021 } });
    // change: (201 − 200) ÷ 200 × 100 = 0.5 → 1; (199 − 200) ÷ 200 × 100 = −0.5 → −1
    expect(rowSet(rowsOf(rows, 'lac.change_from_baseline_pct'))).toEqual(
      rowSet([
        row('lac.change_from_baseline_pct', '2019-07-31', 0),
        row('lac.change_from_baseline_pct', '2020-07-31', 1),
        row('lac.change_from_baseline_pct', '2021-07-31', -1),
      ]),
    );
    // rate 2019: 200 × 1000 ÷ 32,000 = 6.25 → 6.3 (no population for 2020 or 2021)
    expect(rowsOf(rows, 'lac.rate_per_1000')).toEqual([row('lac.rate_per_1000', '2019-07-31', 6.3)]);
    // all 200 unplaced children are in the community: 100.0
    expect(rowsOf(rows, 'lac.community_pct').map((r) => r.value)).toEqual([100, 100, 100]);
  });
});

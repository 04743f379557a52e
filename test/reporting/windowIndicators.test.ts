import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { statsService, type StatsService } from '../../src/modules/reporting/statsService.js';
import type { StatsRow } from '../../src/modules/reporting/statsTypes.js';
import { windowFixture } from '../fixtures/stats/window.js';
import { insertExtract } from './support/extractLoader.js';
import { rowSet, rowsOf } from './support/rowSets.js';

// Worked by hand from test/fixtures/stats/window.ts. Clusters: W1, W2, W6 North; W3, W5, W7 South; W4 none.
// Families: W1 and W2 are F1; W4 and W5 are F2 (in different clusters); W3, W6, W7 have none.
const window = '2021-04-01/2021-07-31';
const row = (indicator: string, value: number, dimensions: Record<string, string>, period = window): StatsRow => ({ indicator, period, ...dimensions, value });

describe(`window indicators on hand-worked edges (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let stats: StatsService;
  let rows: StatsRow[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertExtract(database.db, windowFixture);
    stats = statsService(database.db);
    rows = (await stats.compute({ years: { first: 2021, last: 2021 }, from: '2021-04-01', to: '2021-07-31' })).rows;
  });
  afterAll(() => database.drop());

  const expectRows = (indicator: string, expected: StatsRow[]) => expect(rowSet(rowsOf(rows, indicator))).toEqual(rowSet(expected));

  it('referrals.children: both ends of the window in, the referral’s cluster, else the child’s, else not_recorded', () => {
    // North/family_first: W1 (RA 04-01 falls back to North; RG), W2 (RJ falls back to North), W6 (RH) = 3
    // Belmont/family_first: W2 (RB 07-31, its own cluster). South/family_first: W7 (RK); RC 03-31 and RF 08-01 are outside.
    // not_recorded/social_work_assessment: W4 (no cluster anywhere). South/social_work_assessment: W5. South/signposted: W3.
    const r = (value: number, school_cluster: string, pathway: string) => row('referrals.children', value, { school_cluster, pathway });
    expectRows('referrals.children', [
      r(3, 'North', 'family_first'),
      r(1, 'Belmont', 'family_first'),
      r(1, 'South', 'family_first'),
      r(1, 'not_recorded', 'social_work_assessment'),
      r(1, 'South', 'social_work_assessment'),
      r(1, 'South', 'signposted'),
    ]);
  });

  it('referrals.families: siblings are one family, a child with no family is a family of one', () => {
    // North/family_first: F1 (W1, W2) and W6 = 2; each other row has one child, so one family
    const r = (value: number, school_cluster: string, pathway: string) => row('referrals.families', value, { school_cluster, pathway });
    expectRows('referrals.families', [
      r(2, 'North', 'family_first'),
      r(1, 'Belmont', 'family_first'),
      r(1, 'South', 'family_first'),
      r(1, 'not_recorded', 'social_work_assessment'),
      r(1, 'South', 'social_work_assessment'),
      r(1, 'South', 'signposted'),
    ]);
  });

  it('clusters.lac_started: by the first placement of the episode to start, not_recorded without one', () => {
    // W1 EW1 04-01: first placement PW1b foster_la (PW1a sorts first by id but starts later)
    // W2 EW2a and EW2b both start foster_purchased: one child. W3 EW3 07-31: no placement. W4 EW4b: at_home, no cluster
    // (EW4a starts 03-31, outside). W6: secure. W7: at_home. W5 (08-01) is outside.
    const r = (school_cluster: string, placement_type: string) => row('clusters.lac_started', 1, { school_cluster, placement_type });
    expectRows('clusters.lac_started', [
      r('North', 'foster_la'),
      r('North', 'foster_purchased'),
      r('North', 'secure'),
      r('South', 'not_recorded'),
      r('South', 'at_home'),
      r('not_recorded', 'at_home'),
    ]);
  });

  it('clusters.cp_registrations, clusters.external_placements_started and clusters.secure_started', () => {
    // registrations: RW1a 04-01 and RW1b 07-31 (North) = 2; RW4 (no cluster) = 1; RW3 03-31, RW5, RW6 08-01 outside
    expectRows('clusters.cp_registrations', [
      row('clusters.cp_registrations', 2, { school_cluster: 'North' }),
      row('clusters.cp_registrations', 1, { school_cluster: 'not_recorded' }),
    ]);
    // external starting: PW2a (PRIV), PW2b (VOL), PW6 (PRIV) North = 3; PW4c (other authority) = 1.
    // Not: PW1a/PW1b (the council's), PW4b/PW7 (no provider), PW4a (03-31), PW5 (08-01)
    expectRows('clusters.external_placements_started', [
      row('clusters.external_placements_started', 3, { school_cluster: 'North' }),
      row('clusters.external_placements_started', 1, { school_cluster: 'not_recorded' }),
    ]);
    // secure starting: PW6 North, PW4c no cluster; PW4a (03-31) and PW5 (08-01) outside
    expectRows('clusters.secure_started', [
      row('clusters.secure_started', 1, { school_cluster: 'North' }),
      row('clusters.secure_started', 1, { school_cluster: 'not_recorded' }),
    ]);
  });

  it('family_first.outcomes: from each child’s first Family First referral in the window to the window’s end', () => {
    // W1 (from 04-01): episode 04-01, foster_la 04-01, la_home, registration 04-01 → looked_after, accommodated, fostered, cp_registered
    // W2 (from 07-01): everything happened before → nothing.  W6 (from 06-01): episode, secure PRIV placement → looked_after,
    // accommodated, secure, external_placement (registration 08-01 is after the window).  W7 (from 04-05): episode 04-06 with
    // an at_home placement → looked_after only.  W3's Family First referrals (03-31, 08-01) are outside: not counted.
    const r = (outcome: string, value: number) => row('family_first.outcomes', value, { outcome });
    expectRows('family_first.outcomes', [
      r('looked_after', 3),
      r('accommodated', 2),
      r('fostered', 1),
      r('secure', 1),
      r('external_placement', 1),
      r('cp_registered', 1),
    ]);
  });

  it('a window one day shorter at each end drops what happened on its old first and last days', async () => {
    const narrow = '2021-04-02/2021-07-30';
    const result = await stats.compute({ years: { first: 2021, last: 2021 }, from: '2021-04-02', to: '2021-07-30' });
    const r = (indicator: string, value: number, dimensions: Record<string, string>) => row(indicator, value, dimensions, narrow);
    // RB (07-31, Belmont) is gone; W1 still has RG 06-01, so North/family_first keeps 3
    expect(rowSet(rowsOf(result.rows, 'referrals.children'))).toEqual(
      rowSet([
        r('referrals.children', 3, { school_cluster: 'North', pathway: 'family_first' }),
        r('referrals.children', 1, { school_cluster: 'South', pathway: 'family_first' }),
        r('referrals.children', 1, { school_cluster: 'not_recorded', pathway: 'social_work_assessment' }),
        r('referrals.children', 1, { school_cluster: 'South', pathway: 'social_work_assessment' }),
        r('referrals.children', 1, { school_cluster: 'South', pathway: 'signposted' }),
      ]),
    );
    // W1's registrations on 04-01 and 07-31 are gone
    expect(rowsOf(result.rows, 'clusters.cp_registrations')).toEqual([r('clusters.cp_registrations', 1, { school_cluster: 'not_recorded' })]);
    // W1 (04-01) and W3 (07-31) no longer start in the window
    const started = rowsOf(result.rows, 'clusters.lac_started').map((x) => `${x.school_cluster}/${x.placement_type}`);
    expect(started.sort()).toEqual(['North/foster_purchased', 'North/secure', 'South/at_home', 'not_recorded/at_home']);
    // W1's first Family First referral is now RG (06-01), after its episode, placements and registrations: nothing.
    // W6: looked_after, accommodated, secure, external_placement. W7: looked_after. Zeros keep their rows.
    expect(rowSet(rowsOf(result.rows, 'family_first.outcomes'))).toEqual(
      rowSet([
        r('family_first.outcomes', 2, { outcome: 'looked_after' }),
        r('family_first.outcomes', 1, { outcome: 'accommodated' }),
        r('family_first.outcomes', 0, { outcome: 'fostered' }),
        r('family_first.outcomes', 1, { outcome: 'secure' }),
        r('family_first.outcomes', 1, { outcome: 'external_placement' }),
        r('family_first.outcomes', 0, { outcome: 'cp_registered' }),
      ]),
    );
  });

  it('a window with no referrals: every Family First outcome has a row of 0, nothing else has rows', async () => {
    const result = await stats.compute({ years: { first: 2021, last: 2021 }, from: '2020-01-01', to: '2020-12-31' });
    const windowRows = result.rows.filter((r) => r.period === '2020-01-01/2020-12-31');
    expect(windowRows.map((r) => [r.indicator, r.outcome, r.value])).toEqual([
      ['family_first.outcomes', 'looked_after', 0],
      ['family_first.outcomes', 'accommodated', 0],
      ['family_first.outcomes', 'fostered', 0],
      ['family_first.outcomes', 'secure', 0],
      ['family_first.outcomes', 'external_placement', 0],
      ['family_first.outcomes', 'cp_registered', 0],
    ]);
  });

  it('a one-day window includes that day', async () => {
    const result = await stats.compute({ years: { first: 2021, last: 2021 }, from: '2021-07-31', to: '2021-07-31' });
    // RB (Belmont, family_first) and RW1b (North) are on 2021-07-31
    expect(rowsOf(result.rows, 'referrals.children')).toEqual([
      row('referrals.children', 1, { school_cluster: 'Belmont', pathway: 'family_first' }, '2021-07-31/2021-07-31'),
    ]);
    expect(rowsOf(result.rows, 'clusters.cp_registrations').map((r) => [r.school_cluster, r.value])).toEqual([['North', 1]]);
  });
});

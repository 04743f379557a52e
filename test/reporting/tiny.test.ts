import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { buildServices, type Services } from '../../src/composition.js';
import type { StatsResult } from '../../src/modules/reporting/statsTypes.js';
import { importExtractFolder } from './support/extractLoader.js';
import { rowSet } from './support/rowSets.js';

// The worked example of indicators.md, in the shared spec folder every checkout has beside it.
const tinyFolder = new URL('../../../shared/spec/examples/tiny', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('../../../shared/spec/examples/tiny.expected.json', import.meta.url), 'utf8')) as StatsResult;

describe(`cairn stats reproduces the worked example "tiny" (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    // Loaded as a user would load it: through the importer.
    await importExtractFolder(services, tinyFolder);
  });
  afterAll(() => database.drop());

  it('gives exactly the expected rows for --years 2020-2021 --from 2021-04-01 --to 2021-07-31', async () => {
    const result = await services.stats.compute({ years: { first: 2020, last: 2021 }, from: '2021-04-01', to: '2021-07-31' });
    expect(result.authority).toBe('Tinyshire');
    expect(result.baseline).toBe(2020);
    expect(rowSet(result.rows)).toEqual(rowSet(expected.rows));
  });

  it('chooses 2020–2021 by default: census days within the records that have a population row', async () => {
    // Records run from 2018-12-01 (case K1) to 2021-07-31 (E1, P2 and K3 end): census days 2019–2021;
    // population rows exist for 2020 and 2021.
    expect(await services.stats.defaultYears()).toEqual([2020, 2021]);
    const result = await services.stats.compute({ from: '2021-04-01', to: '2021-07-31' });
    expect(result.baseline).toBe(2020);
    expect(rowSet(result.rows)).toEqual(rowSet(expected.rows));
  });

  it('leaves the window indicators out without --from and --to, and lays rows out year by year', async () => {
    const result = await services.stats.compute({ years: { first: 2021, last: 2021 } });
    expect(result.baseline).toBe(2021);
    expect(new Set(result.rows.map((row) => row.period))).toEqual(new Set(['2021-07-31', '2020-21']));
    expect(result.rows.some((row) => row.indicator.startsWith('clusters.') || row.indicator.startsWith('referrals.'))).toBe(false);
    // The single year is its own baseline: change 0, cost avoided 0.
    expect(result.rows.find((row) => row.indicator === 'lac.change_from_baseline_pct')?.value).toBe(0);
    expect(result.rows.find((row) => row.indicator === 'placements.cost_avoidance_gbp')).toBeUndefined(); // no costed OOA placement on 2021-07-31
    const periods = result.rows.map((row) => row.period);
    expect(periods.indexOf('2020-21')).toBeGreaterThan(periods.lastIndexOf('2021-07-31'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { statsService } from '../../src/modules/reporting/statsService.js';
import { statsRepository } from '../../src/modules/reporting/statsRepository.js';
import type { StatsRow } from '../../src/modules/reporting/statsTypes.js';
import { rowSet } from './support/rowSets.js';

// A generated authority the size of South Ayrshire's service: 20,000 children, 5,000 episodes with two placements
// each, 25,000 cases, 30,000 referrals, 3,000 registrations, 4,000 SCRA referrals over 2012–2021. Fictional and
// deterministic (no random numbers), so a slow run is the code's fault, not the data's.
async function generateAuthority(database: TestDatabase): Promise<void> {
  const { db } = database;
  await db.query(`insert into authority (authority_code, authority_name) values ('S12000999', 'Generated Council')`);
  await db.query(`insert into population (year, age_0_17) select y, 20000 + y from generate_series(2012, 2021) as y`);
  await db.query(`insert into providers (provider_id, name, provider_type) values
    ('LA', 'Council', 'local_authority'), ('PRIV', 'Private', 'private'), ('VOL', 'Voluntary', 'voluntary'), ('OTH', 'Other council', 'other_authority')`);
  await db.query(`insert into families (family_id) select 'F' || i from generate_series(1, 10000) as i`);
  await db.query(
    `insert into children (child_id, family_id, date_of_birth, school_cluster)
     select 'G' || i, case when i % 5 <> 0 then 'F' || (i / 2 + 1) end, date '2004-01-01' + (i * 7 % 6000),
            case when i % 17 <> 0 then (array['Belmont', 'Carrick', 'Girvan', 'Kyle', 'Marr', 'Prestwick', 'Queen Margaret', 'Troon'])[i % 8 + 1] end
       from generate_series(1, 20000) as i`,
  );
  await db.query(
    `insert into looked_after_episodes (episode_id, child_id, start_date, end_date, legal_reason)
     select 'GE' || i, 'G' || i, date '2012-01-01' + (i * 37 % 3500),
            case when i % 3 <> 0 then date '2012-01-01' + (i * 37 % 3500) + 2 + (i * 13 % 1500) end, 'cso_away'
       from generate_series(4, 20000, 4) as i`,
  );
  const types = `(array['at_home', 'kinship', 'foster_la', 'foster_purchased', 'prospective_adopters', 'other_community', 'la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential'])`;
  const providers = `(array['LA', 'PRIV', 'VOL', 'OTH', null])`;
  // Two placements an episode, the second from the middle of it to its end.
  await db.query(
    `insert into placements (placement_id, episode_id, child_id, start_date, end_date, placement_type, provider_id, out_of_authority, weekly_cost)
     select 'GP' || i || 'a', 'GE' || i, 'G' || i, e.start_date, e.start_date + 1 + (i * 13 % 1500) / 2,
            ${types}[i % 12 + 1], ${providers}[i % 5 + 1], i % 5 = 0, case when i % 7 <> 0 then 200 + (i % 40) * 75.25 end
       from generate_series(4, 20000, 4) as i join looked_after_episodes e on e.episode_id = 'GE' || i
     union all
     select 'GP' || i || 'b', 'GE' || i, 'G' || i, e.start_date + 1 + (i * 13 % 1500) / 2, e.end_date,
            ${types}[(i / 4) % 12 + 1], ${providers}[(i / 4) % 5 + 1], i % 3 = 0, case when i % 11 <> 0 then 150 + (i % 30) * 90.5 end
       from generate_series(4, 20000, 4) as i join looked_after_episodes e on e.episode_id = 'GE' || i`,
  );
  await db.query(
    `insert into cases (case_id, child_id, opened_date, closed_date)
     select 'GK' || i, 'G' || (i % 20000 + 1), date '2012-01-01' + (i * 29 % 3600),
            case when i % 4 <> 0 then date '2012-01-01' + (i * 29 % 3600) + (i * 11 % 900) end
       from generate_series(1, 25000) as i`,
  );
  await db.query(
    `insert into referrals (referral_id, child_id, received_date, school_cluster, pathway)
     select 'GR' || i, 'G' || (i * 7 % 20000 + 1), date '2014-01-01' + (i * 31 % 2900),
            case when i % 9 = 0 then 'Belmont' end,
            (array['family_first', 'social_work_assessment', 'signposted', 'no_further_action'])[i % 4 + 1]
       from generate_series(1, 30000) as i`,
  );
  await db.query(
    `insert into cp_registrations (registration_id, child_id, registered_date, deregistered_date)
     select 'GC' || i, 'G' || (i * 11 % 20000 + 1), date '2013-01-01' + (i * 53 % 3200),
            case when i % 5 <> 0 then date '2013-01-01' + (i * 53 % 3200) + (i * 17 % 700) end
       from generate_series(1, 3000) as i`,
  );
  await db.query(
    `insert into scra_referrals (scra_referral_id, child_id, referral_date, ground)
     select 'GS' || i, 'G' || (i * 13 % 20000 + 1), date '2013-01-01' + (i * 41 % 3200), chr(97 + i % 17)
       from generate_series(1, 4000) as i`,
  );
  await db.exec('analyze');
}

describe(`every period gives the same figures, however many are asked for (${engineUnderTest})`, () => {
  let database: TestDatabase;
  const window = { from: '2020-08-01', to: '2021-07-31' };
  let allYears: StatsRow[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateAuthority(database);
    allYears = (await statsService(database.db).compute({ years: { first: 2013, last: 2021 }, baseline: 2015, ...window })).rows;
  }, 300_000);
  afterAll(() => database.drop());

  // How fast this is, on a far larger extract, is measured by `npm run bench` (bench/reporting.ts), not here.
  it('computes every indicator for every year and the window', () => {
    expect(allYears.length).toBeGreaterThan(9 * 19);
    const indicatorsWithRows = new Set(allYears.map((row) => row.indicator));
    expect(indicatorsWithRows.size).toBe(26);
  });

  it.each([[2013, 2013], [2015, 2015], [2021, 2021], [2016, 2017], [2020, 2021], [2013, 2016]])(
    '--years %i-%i gives exactly the rows all years give for those years',
    async (first, last) => {
      const result = await statsService(database.db).compute({ years: { first, last }, baseline: 2015 });
      const periods = new Set(allYears.filter((row) => !row.period.includes('/')).map((row) => row.period).filter((period) => {
        const year = Number(period.slice(0, 4)) + (period.length === 7 ? 1 : 0);
        return year >= first && year <= last;
      }));
      expect(result.rows.length).toBeGreaterThan(0);
      expect(rowSet(result.rows)).toEqual(rowSet(allYears.filter((row) => periods.has(row.period))));
    },
  );

  it('gives the same rows when more census dates are asked for than one mask holds (runs of 30, ADR 0051 and 0072)', async () => {
    const result = await statsService(database.db).compute({ years: { first: 1950, last: 2021 }, baseline: 2015 });
    const recent = (rows: StatsRow[]) => rowSet(rows.filter((row) => !row.period.includes('/') && Number(row.period.slice(0, 4)) >= 2013));
    expect(recent(result.rows)).toEqual(recent(allYears));
  });

  it('finds the same default years whether or not the records are read for their whole span', async () => {
    const everyRecord = statsService(database.db, { ...statsRepository(), spanCovers: async () => false });
    const years = await statsService(database.db).defaultYears();
    expect(years).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(await everyRecord.defaultYears()).toEqual(years);
  });

  it('gives the window the same rows whatever years come with it', async () => {
    const windowRows = (rows: StatsRow[]) => rowSet(rows.filter((row) => row.period === `${window.from}/${window.to}`));
    const oneYear = await statsService(database.db).compute({ years: { first: 2021, last: 2021 }, baseline: 2015, ...window });
    expect(windowRows(oneYear.rows).length).toBeGreaterThan(20);
    expect(windowRows(oneYear.rows)).toEqual(windowRows(allYears));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import type { StatsRow } from '../reporting/statsTypes.js';
import type { DrillableIndicatorId } from './cluster.js';

const from = '2022-01-01';
const to = '2022-06-30';
const period = `${from}/${to}`;

describe(`cluster outcomes: every window indicator by hand, and the children behind each figure (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    await aChild(db, { childId: 'B1', familyId: 'FB', forename: 'Beth', surname: 'Adair', schoolCluster: 'Belmont' });
    await aChild(db, { childId: 'B2', familyId: 'FB', forename: 'Bill', surname: 'Adair', schoolCluster: 'Belmont' });
    await aChild(db, { childId: 'B3', forename: 'Bea', surname: 'Bryce', schoolCluster: 'Belmont' });
    await aChild(db, { childId: 'N1', forename: 'Nan', surname: 'Craig', schoolCluster: 'Northfield' });
    await aChild(db, { childId: 'N2', familyId: 'FN', forename: 'Ned', surname: 'Dunn', schoolCluster: 'Northfield' });
    await aChild(db, { childId: 'N3', forename: 'Noor', surname: 'Ewing', schoolCluster: null });
    const referral = (id: string, child: string, received: string, pathway: string, cluster: string | null) =>
      db.query('insert into referrals (referral_id, child_id, received_date, pathway, school_cluster) values ($1, $2, $3, $4, $5)', [id, child, received, pathway, cluster]);
    await referral('r1', 'B1', '2022-02-01', 'family_first', null);
    await referral('r2', 'B2', '2022-02-01', 'family_first', 'Belmont');
    await referral('r3', 'B3', '2022-03-01', 'signposted', null);
    await referral('r4', 'N1', '2022-02-10', 'family_first', 'Northfield');
    await referral('r5', 'N1', '2022-05-01', 'social_work_assessment', null);
    await referral('r6', 'N2', '2021-12-31', 'family_first', null);
    await referral('r7', 'N3', '2022-04-01', 'family_first', null);
    await referral('r8', 'B1', '2022-03-01', 'family_first', 'Northfield');
    await db.query(`insert into providers (provider_id, name, provider_type) values ('PLA', 'Council homes', 'local_authority'), ('PPR', 'Private fostering', 'private')`);
    const placement = (id: string, episode: string, child: string, start: string, type: string, provider: string | null) =>
      db.query('insert into placements (placement_id, episode_id, child_id, start_date, placement_type, provider_id) values ($1, $2, $3, $4, $5, $6)', [id, episode, child, start, type, provider]);
    await anEpisode(db, 'N1', { episodeId: 'eN1', startDate: '2022-03-01' });
    await anEpisode(db, 'N3', { episodeId: 'eN3', startDate: '2022-05-01' });
    await anEpisode(db, 'N2', { episodeId: 'eN2', startDate: '2021-06-01' });
    await anEpisode(db, 'B1', { episodeId: 'eB1', startDate: '2022-06-30' });
    await placement('pN1', 'eN1', 'N1', '2022-03-01', 'foster_purchased', 'PPR');
    await placement('pN2', 'eN2', 'N2', '2022-02-01', 'secure', null);
    await placement('pB1', 'eB1', 'B1', '2022-06-30', 'at_home', 'PLA');
    await db.query(`insert into cp_registrations (registration_id, child_id, registered_date) values ('cB2', 'B2', '2022-01-01'), ('cN1', 'N1', '2022-07-01'), ('cN3', 'N3', '2022-06-30')`);
    // An undecided referral recorded in Cairn is in no pathway, so no figure counts it.
    const manager = await aUser(db, 'team_manager', { team: 'Family First' });
    await services.referrals.record(manager, { receivedDate: '2022-02-02', source: 'health', reason: 'Worry', schoolCluster: 'Belmont', team: 'Family First', children: [{ kind: 'existing', childId: 'B3' }] });
  });
  afterAll(() => database.drop());

  const row = (indicator: string, value: number, dimensions: Record<string, string>): StatsRow => ({ indicator, period, value, ...dimensions });
  const expected: StatsRow[] = [
    row('referrals.children', 2, { school_cluster: 'Belmont', pathway: 'family_first' }),
    row('referrals.children', 1, { school_cluster: 'Belmont', pathway: 'signposted' }),
    row('referrals.children', 2, { school_cluster: 'Northfield', pathway: 'family_first' }),
    row('referrals.children', 1, { school_cluster: 'Northfield', pathway: 'social_work_assessment' }),
    row('referrals.children', 1, { school_cluster: 'not_recorded', pathway: 'family_first' }),
    row('referrals.families', 1, { school_cluster: 'Belmont', pathway: 'family_first' }),
    row('referrals.families', 1, { school_cluster: 'Belmont', pathway: 'signposted' }),
    row('referrals.families', 2, { school_cluster: 'Northfield', pathway: 'family_first' }),
    row('referrals.families', 1, { school_cluster: 'Northfield', pathway: 'social_work_assessment' }),
    row('referrals.families', 1, { school_cluster: 'not_recorded', pathway: 'family_first' }),
    row('clusters.lac_started', 1, { school_cluster: 'Belmont', placement_type: 'at_home' }),
    row('clusters.lac_started', 1, { school_cluster: 'Northfield', placement_type: 'foster_purchased' }),
    row('clusters.lac_started', 1, { school_cluster: 'not_recorded', placement_type: 'not_recorded' }),
    row('clusters.cp_registrations', 1, { school_cluster: 'Belmont' }),
    row('clusters.cp_registrations', 1, { school_cluster: 'not_recorded' }),
    row('clusters.external_placements_started', 1, { school_cluster: 'Northfield' }),
    row('clusters.secure_started', 1, { school_cluster: 'Northfield' }),
    row('family_first.outcomes', 3, { outcome: 'looked_after' }),
    row('family_first.outcomes', 1, { outcome: 'accommodated' }),
    row('family_first.outcomes', 1, { outcome: 'fostered' }),
    row('family_first.outcomes', 0, { outcome: 'secure' }),
    row('family_first.outcomes', 1, { outcome: 'external_placement' }),
    row('family_first.outcomes', 1, { outcome: 'cp_registered' }),
  ];

  it('computes every window indicator on the page as worked out by hand', async () => {
    const figures = await services.clusterOutcomes.figures(from, to);
    const key = (r: StatsRow) => JSON.stringify(Object.entries(r).sort());
    expect(figures.rows.map(key).sort()).toEqual(expected.map(key).sort());
    expect(figures.clusters).toEqual(['Belmont', 'Northfield', 'not_recorded']);
  });

  it('lists, for every figure and for "all other clusters", exactly as many records as the indicator counts', async () => {
    const head = await aUser(database.db, 'service_manager');
    const dimensionOf = (r: StatsRow) => String(r.pathway ?? r.placement_type ?? r.outcome ?? '');
    for (const figure of expected) {
      const indicator = figure.indicator as DrillableIndicatorId;
      const cluster = String(figure.school_cluster ?? 'Belmont');
      const behind = await services.clusterOutcomes.childrenBehind(head, { from, to, cluster, others: false, indicator, dimension: dimensionOf(figure) });
      expect(behind.outcome === 'shown' && behind.figure, `${figure.indicator} ${cluster} ${dimensionOf(figure)}`).toBe(figure.value);
      if (figure.school_cluster === undefined) continue;
      const othersSum = expected
        .filter((r) => r.indicator === figure.indicator && dimensionOf(r) === dimensionOf(figure) && r.school_cluster !== cluster)
        .reduce((sum, r) => sum + r.value, 0);
      const others = await services.clusterOutcomes.childrenBehind(head, { from, to, cluster, others: true, indicator, dimension: dimensionOf(figure) });
      expect(others.outcome === 'shown' && others.figure, `others than ${cluster}: ${figure.indicator} ${dimensionOf(figure)}`).toBe(othersSum);
    }
    const lac = await services.clusterOutcomes.childrenBehind(head, { from, to, cluster: 'Northfield', others: false, indicator: 'clusters.lac_started', dimension: 'foster_purchased' });
    expect(lac.outcome === 'shown' && lac.records.map((r) => [r.childId, r.date, r.named])).toEqual([['N1', '2022-03-01', true]]);
  });

  it('names only the children a team manager may open, never for an analyst, and audits the list', async () => {
    await aCase(database.db, 'B1', { team: 'Family First', workerId: 'W1' });
    const manager = await aUser(database.db, 'team_manager', { team: 'Family First' });
    const analyst = await aUser(database.db, 'analyst');
    const behind = await services.clusterOutcomes.childrenBehind(manager, { from, to, cluster: 'Belmont', others: false, indicator: 'referrals.children', dimension: 'family_first' });
    expect(behind.outcome === 'shown' && behind.records.map((r) => [r.childId, r.named])).toEqual([['B1', true], ['B2', false]]);
    expect(await services.clusterOutcomes.childrenBehind(analyst, { from, to, cluster: 'Belmont', others: false, indicator: 'referrals.children', dimension: 'family_first' })).toEqual({ outcome: 'forbidden' });
    const audited = await database.db.query<{ details: { named: string[] } }>(`select details from audit_events where action = 'cluster.children_viewed' and user_id = $1`, [manager.userId]);
    expect(audited.map((a) => a.details.named)).toEqual([['B1']]);
  });
});

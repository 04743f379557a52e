import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aPlacement, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import type { SignedInUser } from '../users/user.js';

describe(`merging two records of one child (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let manager: SignedInUser;
  let worker: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    manager = await aUser(database.db, 'team_manager', { team: 'Family First' });
    worker = await aUser(database.db, 'practitioner', { team: 'Family First', workerId: 'W1' });
  });
  afterAll(() => database.drop());

  it('moves every record of the duplicate to the kept child in one transaction, keeps its details, and audits both ids', async () => {
    const { db } = database;
    await aChild(db, { childId: 'KEEP', forename: 'Eilidh', surname: 'Ross', dateOfBirth: '2013-01-01', schoolCluster: null });
    await aChild(db, { childId: 'DUP', familyId: 'FD', forename: 'Eilidh', surname: 'Ross', dateOfBirth: '2013-01-01', schoolCluster: 'Belmont' });
    await aCase(db, 'KEEP', { team: 'Family First', workerId: 'W1' });
    await aCase(db, 'DUP', { team: 'Family First', workerId: 'W1' });
    const episode = await anEpisode(db, 'DUP', { startDate: '2020-01-01', endDate: '2020-06-01' });
    await aPlacement(db, episode, 'DUP', { startDate: '2020-01-01', endDate: '2020-06-01' });
    await db.query(`insert into referrals (referral_id, child_id, received_date, pathway) values ('mr1', 'DUP', '2021-01-01', 'signposted')`);
    await db.query(`insert into cp_registrations (registration_id, child_id, registered_date) values ('mc1', 'DUP', '2020-02-01')`);
    await db.query(`insert into scra_referrals (scra_referral_id, child_id, referral_date, ground) values ('ms1', 'DUP', '2020-03-01', 'c')`);
    await services.chronology.addSignificantEvent(worker, 'DUP', { eventDate: '2021-02-02', title: 'Moved house', details: null });
    expect(await services.keyPeople.add(worker, 'DUP', { name: 'Mrs Reid', relationship: 'Guidance teacher', inHousehold: false, agency: 'Corsebank Academy', contact: null })).toBe('added');

    expect(await services.childMerges.merge(worker, 'KEEP', 'DUP', 'Same child')).toEqual({ outcome: 'forbidden' });
    expect(await services.childMerges.merge(manager, 'KEEP', 'KEEP', 'Same child')).toEqual({ outcome: 'same_child' });
    const merged = await services.childMerges.merge(manager, 'KEEP', 'DUP', 'Recorded twice');
    expect(merged).toEqual({ outcome: 'merged', moved: { cases: 1, referrals: 1, cp_registrations: 1, scra_referrals: 1, referral_intake: 0, family_first_involvements: 0, significant_events: 1, key_people: 1, looked_after_episodes: 1, placements: 1 } });
    expect(await db.query('select 1 from children where child_id = $1', ['DUP'])).toEqual([]);
    expect(await db.query('select family_id, school_cluster from children where child_id = $1', ['KEEP'])).toEqual([{ family_id: 'FD', school_cluster: 'Belmont' }]);
    for (const table of ['cases', 'referrals', 'looked_after_episodes', 'placements', 'cp_registrations', 'scra_referrals', 'significant_events', 'key_people']) {
      expect(await db.query(`select 1 from ${table} where child_id = 'DUP'`), table).toEqual([]);
    }
    const view = await services.chronology.view(manager, 'KEEP');
    expect(view.outcome === 'shown' && view.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['significant_event', 'referral', 'placement_started', 'registered', 'reporter_referral']));
    expect(await db.query(`select kept_child_id, merged_details->>'school_cluster' as cluster from child_merges where merged_child_id = 'DUP'`)).toEqual([{ kept_child_id: 'KEEP', cluster: 'Belmont' }]);
    const audited = await db.query<{ child_id: string }>(`select child_id from audit_events where action = 'child.merged' order by child_id`);
    expect(audited.map((a) => a.child_id)).toEqual(['DUP', 'KEEP']);
  });

  it('writes nothing when the two records cannot be one child (overlapping placements)', async () => {
    const { db } = database;
    await aChild(db, { childId: 'O1' });
    await aChild(db, { childId: 'O2' });
    await aCase(db, 'O1', { team: 'Family First' });
    await aCase(db, 'O2', { team: 'Family First' });
    const e1 = await anEpisode(db, 'O1', { startDate: '2021-01-01' });
    await aPlacement(db, e1, 'O1', { startDate: '2021-01-01' });
    const e2 = await anEpisode(db, 'O2', { startDate: '2021-02-01' });
    await aPlacement(db, e2, 'O2', { startDate: '2021-02-01' });
    expect(await services.childMerges.merge(manager, 'O1', 'O2', 'Recorded twice')).toEqual({ outcome: 'conflict' });
    expect(await db.query(`select child_id from placements where episode_id = $1`, [e2])).toEqual([{ child_id: 'O2' }]);
    expect(await db.query(`select 1 from child_merges where merged_child_id = 'O2'`)).toEqual([]);
  });
});

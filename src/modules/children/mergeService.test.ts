import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aPlacement, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import type { SignedInUser } from '../../platform/access/user.js';

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
    // Records from later issues' tables too: a Signs of Safety map (and a sibling map covering both records), the
    // child's words and a supervision order. None is listed anywhere in the merge: the catalogue finds them.
    await db.query(`insert into safety_maps (map_id, child_id, title, created_by) values ('00000000-0000-4000-8000-000000000001', 'DUP', 'Map', $1)`, [manager.userId]);
    await db.query(`insert into safety_maps (map_id, child_id, title, created_by) values ('00000000-0000-4000-8000-000000000002', 'KEEP', 'Sibling map', $1)`, [manager.userId]);
    await db.query(`insert into safety_map_children (map_id, child_id) values ('00000000-0000-4000-8000-000000000002', 'DUP')`);
    await db.query(`insert into child_voice_entries (entry_id, child_id, tool, words, recorded_on, recorded_by) values ('00000000-0000-4000-8000-000000000003', 'DUP', 'worries', 'Shouting', '2021-03-01', $1)`, [manager.userId]);
    await db.query(`insert into supervision_orders (order_id, child_id, kind, made_date, measures, review_due_date) values ('mo1', 'DUP', 'cso_home', '2021-04-01', 'Supervision by the local authority', '2022-03-01')`);
    expect(await services.keyPeople.add(worker, 'DUP', { name: 'Mrs Reid', relationship: 'Guidance teacher', inHousehold: false, agency: 'Corsebank Academy', contact: null })).toBe('added');

    expect(await services.childMerges.merge(worker, 'KEEP', 'DUP', 'Same child')).toEqual({ outcome: 'forbidden' });
    expect(await services.childMerges.merge(manager, 'KEEP', 'KEEP', 'Same child')).toEqual({ outcome: 'same_child' });
    const merged = await services.childMerges.merge(manager, 'KEEP', 'DUP', 'Recorded twice');
    expect(merged).toEqual({ outcome: 'merged', moved: { cases: 1, referrals: 1, cp_registrations: 1, scra_referrals: 1, significant_events: 1, key_people: 1, looked_after_episodes: 1, placements: 1, safety_maps: 1, child_voice_entries: 1, supervision_orders: 1 } });
    expect(await db.query('select 1 from children where child_id = $1', ['DUP'])).toEqual([]);
    expect(await db.query('select family_id, school_cluster from children where child_id = $1', ['KEEP'])).toEqual([{ family_id: 'FD', school_cluster: 'Belmont' }]);
    for (const table of ['cases', 'referrals', 'looked_after_episodes', 'placements', 'cp_registrations', 'scra_referrals', 'significant_events', 'key_people', 'safety_maps', 'safety_map_children', 'child_voice_entries', 'supervision_orders']) {
      expect(await db.query(`select 1 from ${table} where child_id = 'DUP'`), table).toEqual([]);
    }
    const view = await services.chronology.view(manager, 'KEEP');
    expect(view.outcome === 'shown' && view.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['significant_event', 'referral', 'placement_started', 'registered', 'reporter_referral']));
    expect(await db.query(`select kept_child_id, merged_details->>'school_cluster' as cluster from child_merges where merged_child_id = 'DUP'`)).toEqual([{ kept_child_id: 'KEEP', cluster: 'Belmont' }]);
    const audited = await db.query<{ child_id: string }>(`select child_id from audit_events where action = 'child.merged' order by child_id`);
    expect(audited.map((a) => a.child_id)).toEqual(['DUP', 'KEEP']);
  });

  it('merges a record that was itself kept in an earlier merge, so every old id leads to the one record left', async () => {
    const { db } = database;
    for (const childId of ['M1', 'M2', 'M3']) {
      await aChild(db, { childId, forename: 'Calum', surname: 'Gray', dateOfBirth: '2015-05-05' });
      await aCase(db, childId, { team: 'Family First' });
    }
    expect((await services.childMerges.merge(manager, 'M2', 'M1', 'Recorded twice')).outcome).toBe('merged');
    expect((await services.childMerges.merge(manager, 'M3', 'M2', 'Recorded three times')).outcome).toBe('merged');
    expect(await db.query(`select merged_child_id, kept_child_id from child_merges where merged_child_id in ('M1', 'M2') order by 1`)).toEqual([
      { merged_child_id: 'M1', kept_child_id: 'M3' },
      { merged_child_id: 'M2', kept_child_id: 'M3' },
    ]);
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

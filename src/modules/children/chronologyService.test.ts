import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';

describe(`a child's chronology: everything recorded, newest first, with significant events (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
  });
  afterAll(() => database.drop());

  it('reads referral, decision, case, episode, placement, registration, sessions and significant events in date order', async () => {
    const { db } = database;
    const manager = await aUser(db, 'team_manager', { team: 'Family First' });
    const worker = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    const outsider = await aUser(db, 'practitioner', { team: 'South', workerId: 'W9' });
    const recorded = await services.referrals.record(manager, {
      receivedDate: '2022-03-01', source: 'police', reason: 'Incident at home', schoolCluster: 'Belmont', team: 'Family First',
      children: [{ kind: 'new', forename: 'Iona', surname: 'Nairn', dateOfBirth: '2015-09-09' }],
    });
    if (recorded.outcome !== 'recorded') throw new Error('not recorded');
    const referralId = recorded.referralIds[0]!;
    const [{ child_id: childId }] = await db.query<{ child_id: string }>('select child_id from referral_intake where referral_id = $1', [referralId]) as [{ child_id: string }];
    await services.referrals.decide(manager, referralId, { pathway: 'family_first', reason: 'Early help', decidedDate: '2022-03-02' });
    const allocated = await services.referrals.allocate(manager, referralId, { workerId: 'W1', openedDate: '2022-03-03' });
    if (allocated.outcome !== 'allocated') throw new Error('not allocated');
    await services.familyFirst.addSession(worker, allocated.involvementId!, { sessionDate: '2022-03-10', who: 'Mum', whatWasDone: 'First visit' });
    await db.query(`insert into looked_after_episodes (episode_id, child_id, start_date, legal_reason) values ('eI', $1, '2022-05-01', 's25_voluntary')`, [childId]);
    await db.query(`insert into placements (placement_id, episode_id, child_id, start_date, placement_type) values ('pI', 'eI', $1, '2022-05-01', 'kinship')`, [childId]);
    await db.query(`insert into cp_registrations (registration_id, child_id, registered_date) values ('cI', $1, '2022-04-20')`, [childId]);
    expect(await services.chronology.addSignificantEvent(worker, childId, { eventDate: '2022-04-01', title: 'Dad moved out', details: 'Told by Mum' })).toBe('added');
    expect(await services.chronology.addSignificantEvent(outsider, childId, { eventDate: '2022-04-01', title: 'x', details: null })).toBe('forbidden');

    const view = await services.chronology.view(worker, childId);
    expect(view.outcome).toBe('shown');
    if (view.outcome !== 'shown') return;
    expect(view.entries.map((e) => [e.date, e.kind])).toEqual([
      ['2022-05-01', 'placement_started'],
      ['2022-05-01', 'looked_after_started'],
      ['2022-04-20', 'registered'],
      ['2022-04-01', 'significant_event'],
      ['2022-03-10', 'family_first_session'],
      ['2022-03-03', 'case_opened'],
      ['2022-03-02', 'referral_decision'],
      ['2022-03-01', 'referral'],
    ]);
    expect(await services.chronology.view(outsider, childId)).toEqual({ outcome: 'forbidden' });
    const audited = await db.query<{ subject: string }>(`select subject from audit_events where child_id = $1 and action = 'child.viewed' and user_id = $2`, [childId, worker.userId]);
    expect(audited.map((a) => a.subject)).toEqual(['chronology']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import { presentChronology } from './chronologyPresenter.js';

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

  it('reads what the later parts of the record add: protection meetings, hearings and orders, safety meetings, the child’s words, short breaks', async () => {
    const { db } = database;
    const worker = await aUser(db, 'practitioner', { team: 'North', workerId: 'W7' });
    await aChild(db, { childId: 'CH2', forename: 'Ruaridh', surname: 'Bain', dateOfBirth: '2012-02-02' });
    await aCase(db, 'CH2', { team: 'North', workerId: 'W7', openedDate: '2022-01-01' });
    await db.query(`insert into inter_agency_discussions (ird_id, child_id, discussed_date, decision) values ('i2', 'CH2', '2023-01-05', 'child_protection_assessment')`);
    await db.query(`insert into cp_planning_meetings (meeting_id, child_id, meeting_date, kind, decision) values ('m2', 'CH2', '2023-01-20', 'initial', 'register')`);
    await db.query(`insert into scra_referrals (scra_referral_id, child_id, referral_date, ground) values ('s2', 'CH2', '2023-02-01', 'c')`);
    await db.query(`insert into scra_hearings (hearing_id, scra_referral_id, hearing_date, outcome, review_date) values ('h2', 's2', '2023-03-01', 'cso_made', '2024-02-01')`);
    await db.query(`insert into supervision_orders (order_id, child_id, kind, made_date, measures, hearing_id, review_due_date) values ('o2', 'CH2', 'cso_home', '2023-03-01', 'Weekly visits', 'h2', '2024-02-01')`);
    await db.query(`insert into supervision_order_reviews (review_id, order_id, review_date, outcome, next_review_date) values ('r2', 'o2', '2024-01-15', 'continued', '2025-01-10')`);
    await db.query(`update supervision_orders set ended_date = '2024-06-01', end_reason = 'replaced_by_new_order' where order_id = 'o2'`);
    await db.query(`insert into safety_maps (map_id, child_id, title, created_by) values ('00000000-0000-4000-8000-0000000000c2', 'CH2', 'Bain family map', $1)`, [worker.userId]);
    await db.query(`insert into safety_map_revisions (map_id, version, content, change, changed_by) values ('00000000-0000-4000-8000-0000000000c2', 1, '{}', 'started', $1)`, [worker.userId]);
    await db.query(`insert into safety_map_meetings (meeting_id, map_id, version, meeting_type, held_on, recorded_by) values ('00000000-0000-4000-8000-0000000000c3', '00000000-0000-4000-8000-0000000000c2', 1, 'core_group', '2023-02-10', $1)`, [worker.userId]);
    await db.query(`insert into child_voice_entries (entry_id, child_id, tool, words, recorded_on, recorded_by) values ('00000000-0000-4000-8000-0000000000c4', 'CH2', 'worries', 'When Dad shouts', '2023-02-15', $1)`, [worker.userId]);
    await db.query(`insert into resources (resource_id, name, kind) values ('rs2', 'Cunninghame House flat', 'short_break')`);
    await db.query(`insert into resource_places (place_id, resource_id, name) values ('pl2', 'rs2', 'Flat')`);
    await db.query(`insert into place_bookings (booking_id, place_id, child_id, start_date, end_date, reason, avoided_out_of_authority) values ('b2', 'pl2', 'CH2', '2023-04-01', '2023-04-03', 'Crisis at home', true)`);

    const view = await services.chronology.view(worker, 'CH2');
    if (view.outcome !== 'shown') throw new Error(`not shown: ${view.outcome}`);
    expect(view.entries.map((e) => [e.date, e.kind])).toEqual([
      ['2024-06-01', 'supervision_order_ended'],
      ['2024-01-15', 'supervision_order_reviewed'],
      ['2023-04-01', 'short_break'],
      ['2023-03-01', 'hearing'],
      ['2023-03-01', 'supervision_order_made'],
      ['2023-02-15', 'child_voice'],
      ['2023-02-10', 'safety_meeting'],
      ['2023-02-01', 'reporter_referral'],
      ['2023-01-20', 'cp_meeting'],
      ['2023-01-05', 'ird'],
      ['2022-01-01', 'case_opened'],
    ]);
    const page = presentChronology({ forename: 'Ruaridh', surname: 'Bain' }, 'CH2', view.entries, {}, {});
    const said = page.entries.map((e) => `${e.event}: ${e.what}`);
    expect(said).toContain('Child protection planning meeting: Initial: register');
    expect(said).toContain('Compulsory Supervision Order ended: Replaced by a new order');
    expect(said).toContain('Short break or stay booked: At Cunninghame House flat');
    expect(said.some((line) => line.startsWith('Inter-agency referral discussion: ') && !line.endsWith('child_protection_assessment'))).toBe(true);
  });
});

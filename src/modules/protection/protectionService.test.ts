import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { reregistrationWithin18Months } from './protection.js';
import { presentRegister, timeOnRegister } from './protectionPresenter.js';

describe('the 18-month re-registration rule', () => {
  it('counts a de-registration on or after the date 18 calendar months before, and not after the registration', () => {
    expect(reregistrationWithin18Months(['2023-01-10'], '2024-07-10')).toBe('2023-01-10');
    expect(reregistrationWithin18Months(['2023-01-09'], '2024-07-10')).toBeUndefined();
    // 18 months before 31 August 2024 is 28 February 2023: the day does not exist, so the month's last day.
    expect(reregistrationWithin18Months(['2023-02-28'], '2024-08-31')).toBe('2023-02-28');
    expect(reregistrationWithin18Months(['2023-02-27', null], '2024-08-31')).toBeUndefined();
    expect(reregistrationWithin18Months(['2024-09-01'], '2024-08-31')).toBeUndefined();
  });

  it('says time on the register in months and years, or days under a month', () => {
    expect(timeOnRegister('2024-01-15', '2024-02-10')).toBe('26 days');
    expect(timeOnRegister('2023-01-15', '2024-03-15')).toBe('1 year, 2 months');
  });
});

describe(`the child protection register (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let manager: SignedInUser;
  let otherManager: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    await aChild(db, { childId: 'R1', forename: 'Kirsty', surname: 'Lennox' });
    await aChild(db, { childId: 'R2', forename: 'Callum', surname: 'Hay' });
    await aChild(db, { childId: 'R3', forename: 'Shona', surname: 'Bell' });
    await aCase(db, 'R1', { team: 'Family First', workerId: 'W1' });
    await aCase(db, 'R2', { team: 'Family First', workerId: 'W1' });
    await aCase(db, 'R3', { team: 'North', workerId: 'W4' });
    worker = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    manager = await aUser(db, 'team_manager', { team: 'Family First' });
    otherManager = await aUser(db, 'team_manager', { team: 'North' });
  });
  afterAll(() => database?.drop());

  /** A planning meeting deciding to register the child: what every registration rests on. */
  async function decided(user: SignedInUser, childId: string, meetingDate: string): Promise<string> {
    const result = await services.protection.recordMeeting(user, childId, { meetingDate, kind: 'initial', decision: 'register' });
    if (result.outcome !== 'done' || !result.meetingId) throw new Error(`no meeting: ${result.outcome}`);
    return result.meetingId;
  }

  it('registers a child with areas of concern, refuses a second registration, and de-registers with a reason', async () => {
    const meetingId = await decided(worker, 'R1', '2023-01-05');
    expect(await services.protection.register(worker, 'R1', { meetingId, registeredDate: '2023-01-05', concerns: ['neglect', 'domestic_abuse'] })).toEqual({ outcome: 'done' });
    expect(await services.protection.register(worker, 'R1', { meetingId, registeredDate: '2023-03-01', concerns: ['neglect'] })).toEqual({
      outcome: 'problems', problems: { registeredDate: 'This child has been on the register since 5 January 2023' },
    });
    expect(await services.protection.deregister(worker, 'R1', { deregisteredDate: '2023-01-01', reason: 'improved_home_situation' })).toEqual({
      outcome: 'problems', problems: { deregisteredDate: 'De-registration must be on or after the day they were registered (5 January 2023)' },
    });
    expect(await services.protection.deregister(worker, 'R1', { deregisteredDate: '2023-06-30', reason: 'improved_home_situation' })).toEqual({ outcome: 'done' });
    const rows = await database.db.query('select registered_date, deregistered_date, concerns, deregistration_reason from cp_registrations where child_id = $1', ['R1']);
    expect(rows).toEqual([{ registered_date: '2023-01-05', deregistered_date: '2023-06-30', concerns: ['neglect', 'domestic_abuse'], deregistration_reason: 'improved_home_situation' }]);
    const audit = await database.db.query<{ action: string }>("select action from audit_events where child_id = 'R1' and action like 'protection.%' order by event_id");
    expect(audit.map((a) => a.action)).toEqual(['protection.meeting_recorded', 'protection.registered', 'protection.deregistered']);
  });

  it('warns when a child is re-registered within 18 months of de-registration', async () => {
    expect(await services.protection.register(worker, 'R1', { meetingId: await decided(worker, 'R1', '2023-06-01'), registeredDate: '2023-06-01', concerns: ['neglect'] })).toEqual({
      outcome: 'problems', problems: { registeredDate: 'The child was on the register until 30 June 2023. Register them on or after that day.' },
    });
    expect(await services.protection.register(worker, 'R1', { meetingId: await decided(worker, 'R1', '2024-10-01'), registeredDate: '2024-10-01', concerns: ['emotional_abuse'] })).toEqual({ outcome: 'done', reregisteredAfter: '2023-06-30' });
  });

  it('shows the register to managers, only for children they may see, with the re-registration', async () => {
    await services.protection.register(worker, 'R2', { meetingId: await decided(worker, 'R2', '2023-12-28'), registeredDate: '2024-01-01', concerns: ['physical_abuse'] });
    await services.protection.register(otherManager, 'R3', { meetingId: await decided(otherManager, 'R3', '2024-02-01'), registeredDate: '2024-02-01', concerns: ['neglect'] });
    const register = await services.protection.onRegister(manager, '2024-12-01');
    expect(register.map((r) => r.childId)).toEqual(['R2', 'R1']);
    expect(presentRegister(register, '2024-12-01').map((r) => [r.name, r.reregistration])).toEqual([
      ['Callum Hay', 'No'],
      ['Kirsty Lennox', 'Yes, de-registered on 30 June 2023'],
    ]);
    expect((await services.protection.onRegister(otherManager, '2024-12-01')).map((r) => r.childId)).toEqual(['R3']);
  });

  it('refuses a worker who may not access the child', async () => {
    expect(await services.protection.register(worker, 'R3', { meetingId: 'CPM-R3', registeredDate: '2024-05-01', concerns: ['neglect'] })).toEqual({ outcome: 'forbidden' });
  });

  it('records inter-agency referral discussions and planning meetings with their decisions, audited', async () => {
    expect(await services.protection.recordDiscussion(worker, 'R2', { discussedDate: '2023-12-20', decision: 'joint_investigation' })).toEqual({ outcome: 'done' });
    expect(await services.protection.recordMeeting(worker, 'R2', { meetingDate: '2024-01-01', kind: 'review', decision: 'continue_registration' })).toEqual({ outcome: 'done', meetingId: expect.any(String) });
    expect(await services.protection.recordMeeting(worker, 'R3', { meetingDate: '2024-01-01', kind: 'initial', decision: 'register' })).toEqual({ outcome: 'forbidden' });
    const found = await services.protection.registrationsOf(worker, 'R2');
    expect(found.outcome === 'found' && [found.discussions.map((d) => [d.date, d.decision]), found.meetings.map((m) => [m.date, m.kind, m.decision])]).toEqual([
      [['2023-12-20', 'joint_investigation']],
      [['2024-01-01', 'review', 'continue_registration'], ['2023-12-28', 'initial', 'register']],
    ]);
    const audit = await database.db.query<{ action: string }>("select action from audit_events where child_id = 'R2' and action in ('protection.ird_recorded', 'protection.meeting_recorded') order by event_id");
    expect(audit.map((a) => a.action)).toEqual(['protection.meeting_recorded', 'protection.ird_recorded', 'protection.meeting_recorded']);
    await expect(database.db.query(`insert into cp_planning_meetings (meeting_id, child_id, meeting_date, kind, decision) values ('M-x', 'R2', '2024-01-01', 'initial', 'maybe')`)).rejects.toThrow();
  });
});


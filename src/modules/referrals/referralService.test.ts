import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aChild, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { decisionDueDate, isOverdue, referralStage } from './referral.js';

describe(`referrals: record, screen, decide, allocate, close (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let manager: SignedInUser;
  let otherManager: SignedInUser;
  let worker: SignedInUser;
  let practitioner: SignedInUser;
  let serviceManager: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'K1', familyId: 'FK', forename: 'Kirsty', surname: 'Laird', dateOfBirth: '2013-02-03', schoolCluster: 'Belmont' });
    manager = await aUser(database.db, 'team_manager', { team: 'Family First', workerId: 'M1' });
    otherManager = await aUser(database.db, 'team_manager', { team: 'Children and Families North' });
    worker = await aUser(database.db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    practitioner = await aUser(database.db, 'practitioner', { team: 'Family First', workerId: 'W2' });
    serviceManager = await aUser(database.db, 'service_manager');
  });
  afterAll(() => database.drop());

  const base = { receivedDate: '2022-03-01', source: 'education' as const, reason: 'Attendance has fallen', schoolCluster: 'Belmont', team: 'Family First' };

  async function recordOne(forename: string, dateOfBirth = '2015-01-01') {
    const recorded = await services.referrals.record(manager, { ...base, children: [{ kind: 'new', forename, surname: 'Tester', dateOfBirth }] });
    if (recorded.outcome !== 'recorded') throw new Error('not recorded');
    return recorded.referralIds[0]!;
  }

  it('records siblings at once, a new child and a known one, into one family and one group', async () => {
    // K1 has no open case: only someone who may open every record may refer them by id (issue 16).
    const recorded = await services.referrals.record(serviceManager, {
      ...base,
      children: [{ kind: 'existing', childId: 'K1' }, { kind: 'new', forename: 'Callum', surname: 'Laird', dateOfBirth: '2016-06-07' }],
    });
    expect(recorded.outcome).toBe('recorded');
    if (recorded.outcome !== 'recorded') return;
    expect(recorded.referralIds).toHaveLength(2);
    const rows = await database.db.query<{ child_id: string; family_id: string; group_id: string }>(
      `select c.child_id, c.family_id, i.group_id from referral_intake i join children c using (child_id) where i.group_id = $1 order by c.date_of_birth`,
      [recorded.groupId],
    );
    expect(rows.map((r) => r.family_id)).toEqual(['FK', 'FK']);
    expect(rows[0]!.child_id).toBe('K1');
    expect(rows[1]!.child_id).toBe('C000001');
    // Undecided: not in the extract's referrals table, so no indicator counts it in a pathway.
    expect(await database.db.query('select 1 from referrals where referral_id = any($1)', [recorded.referralIds])).toEqual([]);
    const audited = await database.db.query<{ action: string }>(`select action from audit_events where details->>'groupId' = $1`, [recorded.groupId]);
    expect(audited.map((a) => a.action)).toEqual(['referral.recorded', 'referral.recorded']);
  });

  it('refuses a likely duplicate (same name and date of birth) and an unknown id, writing nothing', async () => {
    const before = await database.db.query<{ n: number }>('select count(*)::int as n from children');
    const children = [{ kind: 'new' as const, forename: 'kirsty ', surname: 'LAIRD', dateOfBirth: '2013-02-03' }, { kind: 'existing' as const, childId: 'NOPE' }, { kind: 'new' as const, forename: 'Fresh', surname: 'Child', dateOfBirth: '2017-01-01' }];
    const result = await services.referrals.record(serviceManager, { ...base, children });
    expect(result).toEqual({ outcome: 'problems', problems: { 0: expect.stringContaining('Cairn id K1'), 1: 'There is no child with Cairn id NOPE' } });
    // A team manager, who may not open K1, is told a record exists but not which, and an unknown id is answered as one out of scope.
    expect(await services.referrals.record(manager, { ...base, children })).toEqual({ outcome: 'problems', problems: {
      0: 'A record exists for kirsty LAIRD, born on that date — ask your manager before referring this child',
      1: 'You cannot refer a child by Cairn id NOPE: check the id, or ask your manager',
    } });
    expect(await database.db.query<{ n: number }>('select count(*)::int as n from children')).toEqual(before);
  });

  it('takes a referral from new to awaiting decision to decided to allocated, with a case and a Family First involvement', async () => {
    const referralId = await recordOne('Amy');
    const stageOf = async () => {
      const view = await services.referrals.view(manager, referralId);
      if (view.outcome !== 'shown') throw new Error(view.outcome);
      return referralStage(view.referral);
    };
    expect(await stageOf()).toBe('new');
    expect((await services.referrals.tray(manager)).map((r) => r.referralId)).toContain(referralId);
    expect(await services.referrals.tray(otherManager)).not.toContainEqual(expect.objectContaining({ referralId }));
    expect(await services.referrals.screen(manager, referralId, 'Spoke to the school')).toEqual({ outcome: 'decided' });
    expect(await stageOf()).toBe('awaiting_decision');
    expect(await services.referrals.decide(practitioner, referralId, { pathway: 'family_first', reason: 'x', decidedDate: '2022-03-02' })).toEqual({ outcome: 'forbidden' });
    expect(await services.referrals.decide(otherManager, referralId, { pathway: 'family_first', reason: 'x', decidedDate: '2022-03-02' })).toEqual({ outcome: 'forbidden' });
    expect(await services.referrals.decide(manager, referralId, { pathway: 'family_first', reason: 'x', decidedDate: '2022-02-28' })).toEqual({ outcome: 'before_received' });
    expect(await services.referrals.decide(manager, referralId, { pathway: 'family_first', reason: 'Early help will do', decidedDate: '2022-03-03' })).toEqual({ outcome: 'decided' });
    expect(await services.referrals.decide(manager, referralId, { pathway: 'signposted', reason: 'again', decidedDate: '2022-03-03' })).toEqual({ outcome: 'already_decided' });
    expect(await database.db.query('select pathway, closed_date, school_cluster from referrals where referral_id = $1', [referralId]))
      .toEqual([{ pathway: 'family_first', closed_date: null, school_cluster: 'Belmont' }]);
    expect(await stageOf()).toBe('awaiting_allocation');

    expect(await services.referrals.allocate(manager, referralId, { workerId: 'W3-not-in-team', openedDate: '2022-03-04' })).toEqual({ outcome: 'unknown_worker' });
    expect(await services.referrals.allocate(manager, referralId, { workerId: 'W1', openedDate: '2022-03-02' })).toEqual({ outcome: 'before_decision' });
    const allocated = await services.referrals.allocate(manager, referralId, { workerId: 'W1', openedDate: '2022-03-04' });
    expect(allocated).toMatchObject({ outcome: 'allocated', caseId: expect.stringMatching(/^CASE-[0-9A-Z]{8}$/), involvementId: expect.stringMatching(/^FFI-[0-9A-Z]{8}$/) });
    expect(await services.referrals.allocate(manager, referralId, { workerId: 'W1', openedDate: '2022-03-04' })).toEqual({ outcome: 'already_allocated' });
    expect(await stageOf()).toBe('allocated');
    if (allocated.outcome !== 'allocated') return;
    const cases = await database.db.query('select team, worker_id, opened_date from cases where case_id = $1', [allocated.caseId]);
    expect(cases).toEqual([{ team: 'Family First', worker_id: 'W1', opened_date: '2022-03-04' }]);
    expect((await services.referrals.tray(manager)).map((r) => r.referralId)).not.toContain(referralId);

    // The worker now has the child on their caseload and closes the case, saying why.
    expect(await services.referrals.closeCase(otherManager, allocated.caseId, { closedDate: '2022-09-30', reason: 'outcomes_met', notes: null })).toEqual({ outcome: 'forbidden' });
    expect(await services.referrals.closeCase(worker, allocated.caseId, { closedDate: '2022-03-01', reason: 'outcomes_met', notes: null })).toEqual({ outcome: 'before_opened' });
    expect(await services.referrals.closeCase(worker, allocated.caseId, { closedDate: '2022-09-30', reason: 'stepped_down_universal', notes: 'Doing well' })).toEqual({ outcome: 'closed', childId: expect.any(String) });
    // Once closed (in the past) the case has left the worker's caseload; a service manager still sees it, and it stays closed.
    const head = await aUser(database.db, 'service_manager');
    expect(await services.referrals.closeCase(head, allocated.caseId, { closedDate: '2022-10-30', reason: 'other', notes: null })).toEqual({ outcome: 'already_closed' });
    expect(await database.db.query('select closed_date from referrals where referral_id = $1', [referralId])).toEqual([{ closed_date: '2022-09-30' }]);
    expect(await database.db.query('select reason, notes from case_closures where case_id = $1', [allocated.caseId])).toEqual([{ reason: 'stepped_down_universal', notes: 'Doing well' }]);
    expect(await database.db.query('select ending, ended_date from family_first_involvements where case_id = $1', [allocated.caseId])).toEqual([{ ending: 'closed', ended_date: '2022-09-30' }]);
    const actions = await database.db.query<{ action: string }>(`select action from audit_events where subject in ($1, $2) and action <> 'referral.viewed' order by event_id`, [referralId, allocated.caseId]);
    expect(actions.map((a) => a.action)).toEqual(['referral.recorded', 'referral.screened', 'referral.decided', 'referral.allocated', 'case.closed']);
  });

  it('closes a signposted referral on the day it is decided and never allocates it', async () => {
    const referralId = await recordOne('Ben');
    await services.referrals.decide(manager, referralId, { pathway: 'signposted', reason: 'Parenting group', decidedDate: '2022-03-05' });
    expect(await database.db.query('select pathway, closed_date from referrals where referral_id = $1', [referralId])).toEqual([{ pathway: 'signposted', closed_date: '2022-03-05' }]);
    expect(await services.referrals.allocate(manager, referralId, { workerId: 'W1', openedDate: '2022-03-06' })).toEqual({ outcome: 'not_allocatable' });
  });

  it('the database refuses a decision without a reason and an allocation of a signposted referral', async () => {
    const referralId = await recordOne('Cara');
    await expect(database.db.query(`update referral_intake set pathway = 'family_first', decided_date = '2022-03-02' where referral_id = $1`, [referralId])).rejects.toThrow();
    await services.referrals.decide(manager, referralId, { pathway: 'no_further_action', reason: 'Resolved', decidedDate: '2022-03-02' });
    await database.db.query(`insert into cases (case_id, child_id, opened_date) select 'case-x', child_id, '2022-03-03' from referral_intake where referral_id = $1`, [referralId]);
    await expect(database.db.query(`update referral_intake set case_id = 'case-x' where referral_id = $1`, [referralId])).rejects.toThrow();
  });

  it('counts a referral as overdue only while undecided and after the target', () => {
    expect(decisionDueDate('2022-02-25', 7)).toBe('2022-03-04');
    expect(isOverdue({ pathway: null, receivedDate: '2022-02-25' }, 7, '2022-03-04')).toBe(false);
    expect(isOverdue({ pathway: null, receivedDate: '2022-02-25' }, 7, '2022-03-05')).toBe(true);
    expect(isOverdue({ pathway: 'signposted', receivedDate: '2022-02-25' }, 7, '2022-03-05')).toBe(false);
  });
});

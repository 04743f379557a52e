import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import type { SignedInUser } from '../../platform/access/user.js';

describe(`Family First involvements: plan, sessions, feedback, ending (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let manager: SignedInUser;
  let worker: SignedInUser;
  let outsider: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    manager = await aUser(database.db, 'team_manager', { team: 'Family First' });
    worker = await aUser(database.db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    outsider = await aUser(database.db, 'practitioner', { team: 'Children and Families South', workerId: 'W7' });
  });
  afterAll(() => database.drop());

  async function anInvolvement(forename: string): Promise<string> {
    const recorded = await services.referrals.record(manager, {
      receivedDate: '2022-03-01', source: 'health', reason: 'Sleep and routines', schoolCluster: 'Belmont', team: 'Family First',
      children: [{ kind: 'new', forename, surname: 'Moffat', dateOfBirth: '2018-04-05' }],
    });
    if (recorded.outcome !== 'recorded') throw new Error('not recorded');
    const referralId = recorded.referralIds[0]!;
    await services.referrals.decide(manager, referralId, { pathway: 'family_first', reason: 'Early help', decidedDate: '2022-03-02' });
    const allocated = await services.referrals.allocate(manager, referralId, { workerId: 'W1', openedDate: '2022-03-03' });
    if (allocated.outcome !== 'allocated' || !allocated.involvementId) throw new Error('not allocated');
    return allocated.involvementId;
  }

  it('records the plan, sessions and the family’s words for the allocated worker, newest session first', async () => {
    const id = await anInvolvement('Ross');
    expect(await services.familyFirst.setPlan(worker, id, 'Bedtime routine', 1)).toEqual({ outcome: 'changed' });
    expect(await services.familyFirst.setPlan(worker, id, 'Saved over a stale version', 1)).toEqual({ outcome: 'stale' });
    expect(await services.familyFirst.addSession(worker, id, { sessionDate: '2022-03-10', who: 'Dad', whatWasDone: 'Routine chart' })).toEqual({ outcome: 'changed' });
    expect(await services.familyFirst.addSession(worker, id, { sessionDate: '2022-03-17', who: 'Dad, Ross', whatWasDone: 'Reviewed chart' })).toEqual({ outcome: 'changed' });
    expect(await services.familyFirst.addSession(worker, id, { sessionDate: '2022-03-01', who: 'Dad', whatWasDone: 'Before it started' })).toEqual({ outcome: 'before_start' });
    expect(await services.familyFirst.addFeedback(worker, id, { givenDate: '2022-04-01', words: 'It helped', consentToQuote: false })).toEqual({ outcome: 'changed' });
    const view = await services.familyFirst.view(worker, id);
    expect(view.outcome === 'shown' && view.record.involvement.plan).toBe('Bedtime routine');
    expect(view.outcome === 'shown' && view.record.sessions.map((s) => s.sessionDate)).toEqual(['2022-03-17', '2022-03-10']);
    expect(view.outcome === 'shown' && view.record.feedback).toEqual([expect.objectContaining({ words: 'It helped', consentToQuote: false })]);
    const changes = await database.db.query<{ details: { changed: string } }>(`select details from audit_events where action = 'family_first.changed' and subject = $1 order by event_id`, [id]);
    expect(changes.map((c) => c.details.changed)).toEqual(['plan', 'session', 'session', 'feedback']);
  });

  it('refuses someone outside the team, and any change after a step down; the case closes with the involvement', async () => {
    const id = await anInvolvement('Skye');
    expect(await services.familyFirst.view(outsider, id)).toEqual({ outcome: 'forbidden' });
    expect(await services.familyFirst.addSession(outsider, id, { sessionDate: '2022-03-10', who: 'Mum', whatWasDone: 'Visit' })).toEqual({ outcome: 'forbidden' });
    const ending = { endedDate: '2022-05-01', reason: 'stepped_down_universal' as const, notes: 'Nursery and health visitor enough now', stepUpTeam: null };
    expect(await services.familyFirst.end(outsider, id, ending)).toEqual({ outcome: 'forbidden' });
    expect(await services.familyFirst.end(worker, id, ending)).toEqual({ outcome: 'changed', childId: expect.stringMatching(/^C/) });
    // The case is closed, so the family has left the team's caseload; the service manager may look, but not change it.
    expect(await services.familyFirst.end(worker, id, ending)).toEqual({ outcome: 'forbidden' });
    const head = await aUser(database.db, 'service_manager');
    expect(await services.familyFirst.addSession(head, id, { sessionDate: '2022-05-02', who: 'Mum', whatWasDone: 'Visit' })).toEqual({ outcome: 'ended' });
    expect(await database.db.query('select ending, ended_date from family_first_involvements where involvement_id = $1', [id])).toEqual([{ ending: 'step_down', ended_date: '2022-05-01' }]);
    expect(await database.db.query(
      `select k.closed_date, c.reason, c.notes from family_first_involvements v join cases k on k.case_id = v.case_id join case_closures c on c.case_id = k.case_id where v.involvement_id = $1`, [id],
    )).toEqual([{ closed_date: '2022-05-01', reason: 'stepped_down_universal', notes: 'Nursery and health visitor enough now' }]);
    await expect(database.db.query(`update family_first_involvements set ended_date = null where involvement_id = $1`, [id])).rejects.toThrow();
  });
});

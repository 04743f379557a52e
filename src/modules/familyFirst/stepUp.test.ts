/**
 * @module Ending a Family First involvement is one action (issue 13, item 2): a step up sends a referral carrying the
 * Family First history to the statutory team's tray, ends the involvement and closes its case in one transaction,
 * audited; the child's record then says they were stepped up, until the statutory team opens a case.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const north = 'Children and Families North';

describe(`stepping up from Family First (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let worker: string;
  let outsider: string;
  let head: string;
  let ffManager: SignedInUser;
  let northManager: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    app = await buildApp(services, { logger: false });
    ({ cookie: worker } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' }));
    ({ cookie: outsider } = await signInAs(app, services, 'practitioner', { team: 'Children and Families South', workerId: 'W7' }));
    ({ cookie: head } = await signInAs(app, services, 'service_manager'));
    ({ user: ffManager } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    ({ user: northManager } = await signInAs(app, services, 'team_manager', { team: north }));
    await signInAs(app, services, 'practitioner', { team: north, workerId: 'W3' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function anInvolvement(forename: string): Promise<{ involvementId: string; childId: string }> {
    const recorded = await services.referrals.record(ffManager, {
      receivedDate: '2022-03-01', source: 'health', reason: 'Sleep and routines', schoolCluster: 'Belmont', team: 'Family First',
      children: [{ kind: 'new', forename, surname: 'Moffat', dateOfBirth: '2018-04-05' }],
    });
    if (recorded.outcome !== 'recorded') throw new Error('not recorded');
    const referralId = recorded.referralIds[0]!;
    await services.referrals.decide(ffManager, referralId, { pathway: 'family_first', reason: 'Early help', decidedDate: '2022-03-02' });
    const allocated = await services.referrals.allocate(ffManager, referralId, { workerId: 'W1', openedDate: '2022-03-03' });
    if (allocated.outcome !== 'allocated' || !allocated.involvementId) throw new Error('not allocated');
    const [child] = await database.db.query<{ child_id: string }>('select child_id from referral_intake where referral_id = $1', [referralId]);
    return { involvementId: allocated.involvementId, childId: child!.child_id };
  }

  async function endForm(involvementId: string, cookie: string) {
    const url = paths.familyFirst.show({ involvementId });
    const page = await openForm(app, url, cookie);
    const end = postForms(page.html, url).find((f) => f.action === paths.familyFirst.end({ involvementId }))!;
    return (changes: Record<string, string>) => app.inject({ method: 'POST', url: end.action, headers: urlencoded(page.cookie), payload: form({ ...end.hidden, ...end.shown, ...changes }) });
  }
  const stepUp = { 'ended-day': '1', 'ended-month': '5', 'ended-year': '2022', reason: 'stepped_up_statutory', endingNotes: 'Neglect concerns: no food in the house on two visits' };
  const intakes = (childId: string) => database.db.query<{ referral_id: string; team: string; reason: string; source: string; received_date: string }>(
    'select referral_id, team, reason, source, received_date from referral_intake where child_id = $1 and team <> $2', [childId, 'Family First']);

  it('sends the referral with the Family First history to the statutory tray, ends the involvement and closes the case at once', async () => {
    const { involvementId, childId } = await anInvolvement('Ross');
    const w1 = (await services.users.list()).find((u) => u.workerId === 'W1')!;
    await services.familyFirst.setPlan(w1, involvementId, 'Bedtime routine and school mornings', 1);
    await services.familyFirst.addSession(w1, involvementId, { sessionDate: '2022-03-10', who: 'Dad', whatWasDone: 'Routine chart' });
    await services.familyFirst.addSession(w1, involvementId, { sessionDate: '2022-04-07', who: 'Dad, Ross', whatWasDone: 'Fridge empty again' });

    // Someone else's family: refused, nothing written.
    expect((await app.inject({ url: paths.familyFirst.show({ involvementId }), headers: { cookie: outsider } })).statusCode).toBe(403);

    const send = await endForm(involvementId, worker);
    const noTeam = await send(stepUp);
    expect(noTeam.statusCode).toBe(422);
    expect(noTeam.body).toContain('Select the statutory team to refer the family to');
    expect(noTeam.body).toContain('Neglect concerns: no food');
    const ownTeam = await send({ ...stepUp, stepUpTeam: 'Family First' });
    expect(ownTeam.statusCode).toBe(422);
    const noWhy = await send({ ...stepUp, stepUpTeam: north, endingNotes: '' });
    expect(noWhy.body).toContain('Enter why the family needs statutory social work');
    expect(await intakes(childId)).toEqual([]);
    expect(await database.db.query('select ended_date from family_first_involvements where involvement_id = $1', [involvementId])).toEqual([{ ended_date: null }]);

    const done = await send({ ...stepUp, stepUpTeam: north });
    expect(done.statusCode).toBe(303);
    // The closed case takes the family off the worker's caseload: they land on their own work.
    expect(done.headers.location).toBe(paths.caseloads.mine());
    const [referral] = await intakes(childId);
    expect(referral).toMatchObject({ team: north, source: 'social_work', received_date: '2022-05-01' });
    expect(referral!.reason).toContain('Stepped up from Family First: Neglect concerns: no food in the house on two visits');
    expect(referral!.reason).toContain('from 3 March 2022 to 1 May 2022, worker W1');
    expect(referral!.reason).toContain('Bedtime routine and school mornings');
    expect(referral!.reason).toContain('2 sessions');
    expect(referral!.reason.indexOf('Fridge empty again')).toBeLessThan(referral!.reason.indexOf('Routine chart'));
    expect(await database.db.query('select ending, ended_date, stepped_up_referral_id from family_first_involvements where involvement_id = $1', [involvementId]))
      .toEqual([{ ending: 'step_up', ended_date: '2022-05-01', stepped_up_referral_id: referral!.referral_id }]);
    expect(await database.db.query(
      'select k.closed_date, c.reason from family_first_involvements v join cases k on k.case_id = v.case_id join case_closures c on c.case_id = k.case_id where v.involvement_id = $1', [involvementId],
    )).toEqual([{ closed_date: '2022-05-01', reason: 'stepped_up_statutory' }]);
    const audited = await database.db.query<{ action: string }>(`select action from audit_events where child_id = $1 and action in ('referral.recorded', 'family_first.changed', 'case.closed') order by event_id`, [childId]);
    // The first referral, the plan and two sessions; then the step up: its referral, the ending and the closure.
    expect(audited.map((a) => a.action)).toEqual(['referral.recorded', 'family_first.changed', 'family_first.changed', 'family_first.changed', 'referral.recorded', 'family_first.changed', 'case.closed']);

    // In the statutory team's tray, not Family First's; the child's record says they were stepped up.
    expect((await services.referrals.tray(northManager)).map((r) => r.referralId)).toContain(referral!.referral_id);
    expect((await services.referrals.tray(ffManager)).map((r) => r.referralId)).not.toContain(referral!.referral_id);
    const child = await app.inject({ url: paths.children.show({ childId }), headers: { cookie: head } });
    expect(child.body).toContain('Stepped up to statutory services on 1 May 2022');
    expect(child.body).not.toContain('Open to Family First');

    // The statutory team screens, decides and allocates: the child is open to them.
    expect(await services.referrals.screen(northManager, referral!.referral_id, 'Read the Family First history')).toEqual({ outcome: 'decided' });
    expect(await services.referrals.decide(northManager, referral!.referral_id, { pathway: 'social_work_assessment', reason: 'Neglect', decidedDate: '2022-05-02' })).toEqual({ outcome: 'decided' });
    expect(await services.referrals.allocate(northManager, referral!.referral_id, { workerId: 'W3', openedDate: '2022-05-03' })).toMatchObject({ outcome: 'allocated' });
    const after = await app.inject({ url: paths.children.show({ childId }), headers: { cookie: head } });
    expect(after.body).toContain(`Open to ${north} since 3 May 2022`);
    expect(after.body).not.toContain('Stepped up to statutory services');
  });

  it('steps down with the reason said once: the involvement ends and its case closes, no referral is made', async () => {
    const { involvementId, childId } = await anInvolvement('Skye');
    const send = await endForm(involvementId, worker);
    const noReason = await send({ 'ended-day': '1', 'ended-month': '6', 'ended-year': '2022' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Select how the involvement ends');
    const done = await send({ 'ended-day': '1', 'ended-month': '6', 'ended-year': '2022', reason: 'stepped_down_universal', stepUpTeam: north, endingNotes: 'Nursery place' });
    expect(done.statusCode).toBe(303);
    expect(sessionCookie(done, worker)).toBeTruthy();
    expect(await intakes(childId)).toEqual([]);
    expect(await database.db.query(
      'select v.ending, k.closed_date, c.reason, c.notes from family_first_involvements v join cases k on k.case_id = v.case_id join case_closures c on c.case_id = k.case_id where v.involvement_id = $1', [involvementId],
    )).toEqual([{ ending: 'step_down', closed_date: '2022-06-01', reason: 'stepped_down_universal', notes: 'Nursery place' }]);
    const child = await app.inject({ url: paths.children.show({ childId }), headers: { cookie: head } });
    expect(child.body).toContain('No open case');
  });
});

/**
 * @module Two people at once on a Family First involvement, and corrections (issue 12): the plan is versioned and
 * merged (a clash shows both values); a session is corrected or withdrawn with a reason, kept in its history,
 * audited and in the chronology, and the caseload's "last session" figure is worked out again from what stands.
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
import { todayIso } from '../../platform/dates/isoDates.js';
import type { SignedInUser } from '../../platform/access/user.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`Family First: the plan's versions, and sessions corrected or withdrawn (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let worker: { cookie: string; user: SignedInUser };
  let manager: { cookie: string; user: SignedInUser };
  let outsider: string;
  let involvementId: string;
  let childId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    app = await buildApp(services, { logger: false });
    worker = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    manager = await signInAs(app, services, 'team_manager', { team: 'Family First' });
    ({ cookie: outsider } = await signInAs(app, services, 'practitioner', { team: 'Children and Families South', workerId: 'W7' }));
    const recorded = await services.referrals.record(manager.user, {
      receivedDate: '2022-03-01', source: 'education', reason: 'Attendance', schoolCluster: 'Belmont', team: 'Family First',
      children: [{ kind: 'new', forename: 'Eilidh', surname: 'Grant', dateOfBirth: '2015-01-02' }],
    });
    if (recorded.outcome !== 'recorded') throw new Error('not recorded');
    const referralId = recorded.referralIds[0]!;
    await services.referrals.decide(manager.user, referralId, { pathway: 'family_first', reason: 'Early help', decidedDate: '2022-03-02' });
    const allocated = await services.referrals.allocate(manager.user, referralId, { workerId: 'W1', openedDate: '2022-03-03' });
    if (allocated.outcome !== 'allocated' || !allocated.involvementId) throw new Error('not allocated');
    involvementId = allocated.involvementId;
    childId = (await database.db.query<{ child_id: string }>('select child_id from referral_intake where referral_id = $1', [referralId]))[0]!.child_id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Open a page as `cookie` and return a sender for its form posting to `action`, as a browser would send it. */
  async function opened(url: string, action: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const found = postForms(page.html, url).find((f) => f.action === action);
    if (!found) throw new Error(`no form posting to ${action} on ${url}`);
    const send = (changes: Record<string, string>) => app.inject({ method: 'POST', url: action, headers: urlencoded(page.cookie), payload: form({ ...found.hidden, ...found.shown, ...changes }) });
    return Object.assign(send, { cookie: page.cookie });
  }
  const show = () => paths.familyFirst.show({ involvementId });
  const planOf = async () => (await database.db.query<{ plan: string | null }>('select plan from family_first_involvements where involvement_id = $1', [involvementId]))[0]!.plan;
  const lastSession = async () => (await services.caseloads.myWork(worker.user, todayIso())).cases.find((k) => k.childId === childId)?.lastSessionDate;

  it('merges a plan saved over someone else’s, and shows both plans to choose from when both changed it', async () => {
    const first = await opened(show(), paths.familyFirst.plan({ involvementId }), worker.cookie);
    const second = await opened(show(), paths.familyFirst.plan({ involvementId }), manager.cookie);
    expect((await first({ plan: 'School mornings with Mum' })).statusCode).toBe(303);
    // The second form still shows the old plan: saved untouched, it keeps the first person's change.
    expect((await second({})).statusCode).toBe(303);
    expect(await planOf()).toBe('School mornings with Mum');

    const third = await opened(show(), paths.familyFirst.plan({ involvementId }), worker.cookie);
    const fourth = await opened(show(), paths.familyFirst.plan({ involvementId }), manager.cookie);
    expect((await third({ plan: 'School mornings; bedtime at 8' })).statusCode).toBe(303);
    const clash = await fourth({ plan: 'School mornings; homework club' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('The plan: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: School mornings; bedtime at 8');
    expect(clash.body).toContain('Use mine: School mornings; homework club');
    expect(await planOf()).toBe('School mornings; bedtime at 8');

    // Choosing on the re-shown form: keep theirs, and nothing is overwritten.
    const [reshown] = postForms(clash.body, show()).filter((f) => f.action === paths.familyFirst.plan({ involvementId }));
    const kept = await app.inject({ method: 'POST', url: reshown!.action, headers: urlencoded(sessionCookie(clash, fourth.cookie)), payload: form({ ...reshown!.hidden, ...reshown!.shown, '_keep-plan': 'theirs' }) });
    expect(kept.statusCode).toBe(303);
    expect(await planOf()).toBe('School mornings; bedtime at 8');
  });

  it('corrects a session with a reason: the history says who and why, the chronology and the caseload figure follow', async () => {
    for (const [day, who] of [['10', 'Mum'], ['17', 'Mum, Eilidh']] as const) {
      const add = await opened(show(), paths.familyFirst.sessions({ involvementId }), worker.cookie);
      expect((await add({ 'session-day': day, 'session-month': '3', 'session-year': '2022', who, whatWasDone: `Visit on the ${day}th` })).statusCode).toBe(303);
    }
    expect(await lastSession()).toBe('2022-03-17');
    const [later] = await database.db.query<{ session_id: string }>("select session_id from family_first_sessions where session_date = '2022-03-17'");
    const correct = paths.familyFirst.correctSession({ involvementId, sessionId: later!.session_id });
    expect((await app.inject({ url: correct, headers: { cookie: outsider } })).statusCode).toBe(403);

    const send = await opened(correct, correct, worker.cookie);
    const noReason = await send({ 'session-day': '24' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Enter why the session is being corrected');
    expect(await lastSession()).toBe('2022-03-17');
    const tooEarly = await send({ 'session-day': '1', reason: 'Wrong day' });
    expect(tooEarly.body).toContain('The date must be on or after the day the involvement started');

    const saved = await send({ 'session-day': '24', reason: 'I typed the wrong week' });
    expect(saved.statusCode).toBe(303);
    expect(await lastSession()).toBe('2022-03-24');
    const page = await app.inject({ url: show(), headers: { cookie: worker.cookie } });
    expect(page.body).toMatch(/Amended by Test practitioner \d+ on \d{1,2} [A-Z][a-z]+ \d{4} because I typed the wrong week/);
    expect(page.body).toContain('Date: 17 March 2022 → 24 March 2022');
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'family_first.session_amended' and subject = $1", [later!.session_id]);
    expect(audited).toEqual([{ reason: 'I typed the wrong week' }]);
    const chronology = await app.inject({ url: paths.children.chronology({ childId }), headers: { cookie: worker.cookie } });
    expect(chronology.body).toContain('A Family First session was corrected or withdrawn');
    expect(chronology.body).toContain('I typed the wrong week');
  });

  it('merges two corrections of different fields of a session, and shows both values for the same field', async () => {
    const [session] = await database.db.query<{ session_id: string }>("select session_id from family_first_sessions where session_date = '2022-03-10'");
    const correct = paths.familyFirst.correctSession({ involvementId, sessionId: session!.session_id });
    const first = await opened(correct, correct, worker.cookie);
    const second = await opened(correct, correct, manager.cookie);
    expect((await first({ who: 'Mum and Gran', reason: 'Gran was there' })).statusCode).toBe(303);
    expect((await second({ whatWasDone: 'Visit: attendance plan', reason: 'More detail' })).statusCode).toBe(303);
    expect(await database.db.query('select who, what_was_done from family_first_sessions where session_id = $1', [session!.session_id]))
      .toEqual([{ who: 'Mum and Gran', what_was_done: 'Visit: attendance plan' }]);

    const third = await opened(correct, correct, worker.cookie);
    const fourth = await opened(correct, correct, manager.cookie);
    expect((await third({ who: 'Gran', reason: 'Mum was not there' })).statusCode).toBe(303);
    const clash = await fourth({ who: 'Mum', reason: 'Gran was not there' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Who took part: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: Gran');
    expect(clash.body).toContain('Use mine: Mum');
    expect(await database.db.query('select who from family_first_sessions where session_id = $1', [session!.session_id])).toEqual([{ who: 'Gran' }]);
  });

  it('withdraws a session only once confirmed: it stops counting, and its history says who withdrew it and why', async () => {
    const [later] = await database.db.query<{ session_id: string }>("select session_id from family_first_sessions where session_date = '2022-03-24'");
    const ids = { involvementId, sessionId: later!.session_id };
    const withdraw = paths.familyFirst.withdrawSession(ids);
    expect((await app.inject({ method: 'POST', url: withdraw, headers: urlencoded(outsider), payload: form({ withdrawReason: 'x' }) })).statusCode).toBe(403);
    const send = await opened(paths.familyFirst.correctSession(ids), withdraw, worker.cookie);
    const noReason = await send({});
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Enter why the session is being withdrawn');

    const asked = await send({ withdrawReason: 'Recorded on the wrong family' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Withdraw this session?');
    expect(await lastSession()).toBe('2022-03-24');

    const confirmation = postForms(asked.body, withdraw).find((f) => f.action === withdraw && f.hidden.confirmed === 'yes');
    const done = await app.inject({ method: 'POST', url: withdraw, headers: urlencoded(sessionCookie(asked, send.cookie)), payload: form({ ...confirmation!.hidden }) });
    expect(done.statusCode).toBe(303);
    expect(await lastSession()).toBe('2022-03-10');
    expect((await app.inject({ url: paths.familyFirst.correctSession(ids), headers: { cookie: worker.cookie } })).statusCode).toBe(404);
    const page = await app.inject({ url: show(), headers: { cookie: worker.cookie } });
    expect(page.body).toMatch(/Withdrawn by Test practitioner \d+ on \d{1,2} [A-Z][a-z]+ \d{4} because Recorded on the wrong family/);
    expect(page.body).not.toContain('Visit on the 17th</td>');
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'family_first.session_withdrawn' and subject = $1", [later!.session_id]);
    expect(audited).toEqual([{ reason: 'Recorded on the wrong family' }]);
    const chronology = await app.inject({ url: paths.children.chronology({ childId }), headers: { cookie: worker.cookie } });
    expect(chronology.body).not.toContain('Visit on the 17th');
    expect(chronology.body).toContain('Recorded on the wrong family');
  });
});

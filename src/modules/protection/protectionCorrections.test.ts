/**
 * @module Correcting and withdrawing child protection records (issue 12) and child protection in sequence (issue 13):
 * corrections change the figures and keep the original in the history, withdrawals ask first and leave the figures,
 * a meeting deciding "register" leads into the registration, a registration needs its meeting, a registered child is
 * not registered again, and review meetings fall due 3 months after registration and then every 6 months.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import { addMonths, todayIso } from '../../platform/dates/isoDates.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { statsService } from '../reporting/statsService.js';
import { nextReviewDue } from './protection.js';

const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const dateFields = (field: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${field}-day`]: String(Number(day)), [`${field}-month`]: String(Number(month)), [`${field}-year`]: year! };
};

describe('review meetings fall due at the statutory intervals', () => {
  it('is due 3 months after registration, then 6 months after the latest review', () => {
    expect(nextReviewDue('2024-01-15', [])).toBe('2024-04-15');
    expect(nextReviewDue('2024-11-30', [])).toBe('2025-02-28');
    expect(nextReviewDue('2024-01-15', ['2024-04-10', '2024-10-01'])).toBe('2025-04-01');
    // A review of an earlier registration does not count for this one.
    expect(nextReviewDue('2024-01-15', ['2023-12-01'])).toBe('2024-04-15');
  });
});

describe(`correcting and withdrawing child protection records, and registering in sequence (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let manager: string;
  let colleague: string;
  let outsider: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    for (const [childId, forename] of [['PS1', 'Morag'], ['PS2', 'Lewis'], ['PS3', 'Iona']] as const) {
      await aChild(database.db, { childId, forename, surname: 'Fraser' });
      await aCase(database.db, childId, { team: 'North', workerId: 'W1' });
    }
    app = await buildApp(services, { logger: false });
    ({ cookie: manager } = await signInAs(app, services, 'team_manager', { team: 'North' }));
    ({ cookie: colleague } = await signInAs(app, services, 'team_manager', { team: 'North' }));
    ({ cookie: outsider } = await signInAs(app, services, 'practitioner', { team: 'South', workerId: 'W9' }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Open the page's form as `cookie`, and send it with changes, as a browser would. */
  async function opened(url: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const [form] = postForms(page.html, url).filter((candidate) => !candidate.notKept && candidate.action.startsWith(url.split('?')[0]!));
    const send = (changes: Record<string, string>, extra: [string, string][] = []) => {
      const body = new URLSearchParams({ ...form!.hidden, ...form!.shown, ...changes });
      for (const [name, value] of extra) body.append(name, value);
      return app.inject({ method: 'POST', url: form!.action, headers: urlencoded(page.cookie), payload: body.toString() });
    };
    return { page, send };
  }
  /** The first team manager, for writing through the services. */
  const aManager = async () => (await services.users.findById((await database.db.query<{ user_id: string }>("select user_id from users where role = 'team_manager' order by username limit 1"))[0]!.user_id))!;
  const protectionPage = (childId: string, cookie = manager) => app.inject({ url: paths.care.protection({ childId }), headers: { cookie } });
  const figure = async (indicator: string, period: string) => {
    const { rows } = await statsService(database.db).compute({ years: { first: 2021, last: 2022 } });
    return rows.find((row) => row.indicator === indicator && row.period === period)?.value;
  };
  const registrationsOf = (childId: string) => database.db.query<{ registration_id: string; registered_date: string; deregistered_date: string | null; meeting_id: string | null }>(
    'select registration_id, registered_date::text, deregistered_date::text, meeting_id from cp_registrations where child_id = $1 order by registered_date', [childId]);
  const meetingsOf = (childId: string) => database.db.query<{ meeting_id: string; meeting_date: string; decision: string }>(
    'select meeting_id, meeting_date::text, decision from cp_planning_meetings where child_id = $1 order by meeting_date', [childId]);

  it('leads from a meeting deciding "register" straight into the registration, with the meeting and its date filled in', async () => {
    const today = todayIso();
    const ird = await opened(paths.care.newIrd({ childId: 'PS1' }), manager);
    expect((await ird.send({ ...dateFields('discussedDate', today), decision: 'child_protection_assessment' })).statusCode).toBe(303);

    const meeting = await opened(paths.care.newCpMeeting({ childId: 'PS1' }), manager);
    const recorded = await meeting.send({ ...dateFields('meetingDate', today), kind: 'initial', decision: 'register' });
    expect(recorded.statusCode).toBe(303);
    const meetingId = (await meetingsOf('PS1'))[0]!.meeting_id;
    expect(recorded.headers.location).toBe(paths.care.register({ childId: 'PS1' }, { meeting: meetingId }));

    const cookie = sessionCookie(recorded, meeting.page.cookie);
    const register = await opened(String(recorded.headers.location), cookie);
    expect(register.page.html).toContain('Child protection planning meeting recorded. Now record the registration it decided.');
    expect(register.page.html).toMatch(new RegExp(`value="${meetingId}" checked`));
    expect(register.page.html).toContain(`Initial planning meeting on ${longDateOf(today)}`);
    expect(register.page.html).toContain(`value="${today.slice(0, 4)}"`);

    const saved = await register.send({}, [['concerns', 'neglect']]);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(paths.care.protection({ childId: 'PS1' }));
    expect(await registrationsOf('PS1')).toEqual([expect.objectContaining({ registered_date: today, meeting_id: meetingId, deregistered_date: null })]);

    const page = await protectionPage('PS1', sessionCookie(saved, register.page.cookie));
    expect(page.body).toContain('Registered on the child protection register.');
    expect(page.body).toContain(`On the child protection register since ${longDateOf(today)}`);
    expect(page.body).toContain(`Next review meeting due by ${longDateOf(addMonths(today, 3))}`);
  });

  it('refuses a registration without a planning meeting that decided it, in plain words, writing nothing', async () => {
    const form = await opened(paths.care.register({ childId: 'PS2' }), manager);
    expect(form.page.html).toContain('Record the planning meeting');
    const refused = await form.send({ ...dateFields('registeredDate', '2021-07-20') }, [['concerns', 'neglect']]);
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('Choose the child protection planning meeting that decided to register this child');
    expect(refused.body).toContain('value="2021"');

    // A meeting that decided not to register is no ground for a registration either.
    await services.protection.recordMeeting((await aManager()), 'PS2', { meetingDate: '2021-07-01', kind: 'initial', decision: 'do_not_register' });
    const [notRegister] = await meetingsOf('PS2');
    const forged = await form.send({ meetingId: notRegister!.meeting_id, ...dateFields('registeredDate', '2021-07-20') }, [['concerns', 'neglect']]);
    expect(forged.statusCode).toBe(200);
    expect(forged.body).toContain('If it is not listed, record the meeting first.');
    expect(await registrationsOf('PS2')).toEqual([]);
  });

  it('does not offer the register form to a registered child, and refuses a POST to register them', async () => {
    const page = await protectionPage('PS1');
    expect(page.body).toContain(`href="${paths.care.deregister({ childId: 'PS1' })}"`);
    expect(page.body).not.toContain(`href="${paths.care.register({ childId: 'PS1' })}"`);
    const offered = await app.inject({ url: paths.care.register({ childId: 'PS1' }), headers: { cookie: manager } });
    expect(offered.statusCode).toBe(303);
    expect(offered.headers.location).toBe(paths.care.protection({ childId: 'PS1' }));

    const form = await opened(paths.care.register({ childId: 'PS2' }), manager);
    const posted = await app.inject({
      method: 'POST', url: paths.care.register({ childId: 'PS1' }), headers: urlencoded(form.page.cookie),
      payload: new URLSearchParams({ _csrf: form.page.token, ...dateFields('registeredDate', todayIso()), concerns: 'neglect', meetingId: 'CPM-anything' }).toString(),
    });
    expect(posted.statusCode).toBe(409);
    expect(posted.body).toContain('is on the child protection register already');
    expect(await registrationsOf('PS1')).toHaveLength(1);
  });

  it('shows a review meeting as overdue, and due again 6 months after the review is held', async () => {
    const [registration] = await registrationsOf('PS1');
    const registered = addMonths(todayIso(), -5);
    await database.db.query('update cp_planning_meetings set meeting_date = $2 where child_id = $1', ['PS1', registered]);
    await database.db.query('update cp_registrations set registered_date = $2 where registration_id = $1', [registration!.registration_id, registered]);
    expect((await protectionPage('PS1')).body).toContain(`Review meeting overdue: it was due by ${longDateOf(addMonths(registered, 3))}`);

    const review = await opened(paths.care.newCpMeeting({ childId: 'PS1' }), manager);
    const held = addMonths(todayIso(), -1);
    expect((await review.send({ ...dateFields('meetingDate', held), kind: 'review', decision: 'continue_registration' })).statusCode).toBe(303);
    const page = (await protectionPage('PS1')).body;
    expect(page).toContain(`Next review meeting due by ${longDateOf(addMonths(held, 6))}`);
    expect(page).not.toContain('Review meeting overdue');
  });

  it('leads from a meeting deciding "de-register" into the de-registration, with its date filled in', async () => {
    const meeting = await opened(paths.care.newCpMeeting({ childId: 'PS1' }), manager);
    const held = todayIso();
    const recorded = await meeting.send({ ...dateFields('meetingDate', held), kind: 'review', decision: 'deregister' });
    expect(recorded.statusCode).toBe(303);
    expect(String(recorded.headers.location)).toMatch(new RegExp(`^${paths.care.deregister({ childId: 'PS1' })}\\?meeting=`));
    const form = await app.inject({ url: String(recorded.headers.location), headers: { cookie: sessionCookie(recorded, meeting.page.cookie) } });
    expect(form.body).toContain('Now record the de-registration it decided.');
    expect(form.body).toContain(`value="${held.slice(0, 4)}"`);
    expect((await registrationsOf('PS1'))[0]!.deregistered_date).toBeNull();
  });

  describe('a registration in the figures', () => {
    let registrationId: string;
    const correctUrl = () => paths.care.correctRegistration({ childId: 'PS3', registrationId });

    beforeAll(async () => {
      const user = (await aManager());
      const meeting = await services.protection.recordMeeting(user, 'PS3', { meetingDate: '2021-07-20', kind: 'initial', decision: 'register' });
      if (meeting.outcome !== 'done') throw new Error('no meeting');
      expect(await services.protection.register(user, 'PS3', { meetingId: meeting.meetingId!, registeredDate: '2021-07-20', concerns: ['neglect'] })).toEqual({ outcome: 'done' });
      registrationId = (await registrationsOf('PS3'))[0]!.registration_id;
    });

    it('asks for a reason, then corrects the date: the registration moves between years, the original stays in the history', async () => {
      const census = '2021-07-31';
      const before = { registered: await figure('cp.registered', census), in2021: await figure('cp.registrations', '2020-21'), in2022: await figure('cp.registrations', '2021-22') };
      expect(before.registered).toBeGreaterThanOrEqual(1);

      const form = await opened(correctUrl(), manager);
      expect(form.page.html).toContain('value="2021"');
      const noReason = await form.send({ ...dateFields('registeredDate', '2021-08-05') });
      expect(noReason.statusCode).toBe(200);
      expect(noReason.body).toContain('Enter why the registration is being corrected');
      expect(await figure('cp.registrations', '2020-21')).toBe(before.in2021);

      const saved = await form.send({ ...dateFields('registeredDate', '2021-08-05'), reason: 'the date was mistyped' });
      expect(saved.statusCode).toBe(303);
      expect(await figure('cp.registered', census)).toBe(before.registered! - 1);
      expect(await figure('cp.registrations', '2020-21')).toBe(before.in2021! - 1);
      expect(await figure('cp.registrations', '2021-22')).toBe(before.in2022! + 1);

      const page = await protectionPage('PS3', sessionCookie(saved, form.page.cookie));
      expect(page.body).toContain('Registration corrected');
      expect(page.body).toMatch(/Amended by Test team_manager \d+ on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} because the date was mistyped/);
      expect(page.body).toContain('Date of registration: was 20 July 2021, now 5 August 2021');
      const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'protection.registration_amended' and subject = $1", [registrationId]);
      expect(audited).toEqual([{ reason: 'the date was mistyped' }]);
      const chronology = await app.inject({ url: paths.children.chronology({ childId: 'PS3' }), headers: { cookie: manager } });
      expect(chronology.body).toContain('A child protection registration was corrected or withdrawn');
      expect(chronology.body).toContain('the date was mistyped');
    });

    it('merges two corrections of different fields, and shows both values when both corrected the same one', async () => {
      const first = await opened(correctUrl(), manager);
      const second = await opened(correctUrl(), colleague);
      expect((await first.send({ concerns: 'neglect', reason: 'domestic abuse agreed too' }, [['concerns', 'domestic_abuse']])).statusCode).toBe(303);
      const merged = await second.send({ 'registeredDate-day': '6', reason: 'one day later' });
      expect(merged.statusCode).toBe(303);
      const [row] = await database.db.query<{ registered_date: string; concerns: string[] }>('select registered_date::text, concerns from cp_registrations where registration_id = $1', [registrationId]);
      expect(row).toEqual({ registered_date: '2021-08-06', concerns: ['neglect', 'domestic_abuse'] });

      const third = await opened(correctUrl(), manager);
      const fourth = await opened(correctUrl(), colleague);
      // Both boxes stay ticked, as a browser sends them.
      const both: [string, string][] = [['concerns', 'domestic_abuse']];
      expect((await third.send({ concerns: 'neglect', 'registeredDate-day': '5', reason: 'back to the fifth' }, both)).statusCode).toBe(303);
      const clash = await fourth.send({ concerns: 'neglect', 'registeredDate-day': '7', reason: 'the seventh' }, both);
      expect(clash.statusCode).toBe(409);
      expect(clash.body).toContain('Registration day: someone else changed this too');
      expect(clash.body).toContain('Keep theirs: 5');
      expect(clash.body).toContain('Use mine: 7');
      expect((await registrationsOf('PS3'))[0]!.registered_date).toBe('2021-08-05');
    });

    it('refuses withdrawing the meeting a registration rests on', async () => {
      const [meeting] = await meetingsOf('PS3');
      const form = await opened(paths.care.withdrawCpMeeting({ childId: 'PS3', meetingId: meeting!.meeting_id }), manager);
      const refused = await form.send({ reason: 'recorded twice', confirmed: 'yes' });
      expect(refused.statusCode).toBe(200);
      expect(refused.body).toContain('rests on this meeting. Withdraw that registration first.');
      expect(await meetingsOf('PS3')).toHaveLength(1);
    });

    it('asks before withdrawing a registration, then takes it out of the figures and keeps it in the history', async () => {
      const in2022 = await figure('cp.registrations', '2021-22');
      const form = await opened(paths.care.withdrawRegistration({ childId: 'PS3', registrationId }), manager);
      const asked = await form.send({ reason: 'recorded on the wrong child' });
      expect(asked.statusCode).toBe(200);
      expect(asked.body).toContain('Withdraw this registration?');
      expect(asked.body).toContain('Yes, withdraw it');
      expect(asked.body).toContain('recorded on the wrong child');
      expect(await registrationsOf('PS3')).toHaveLength(1);

      const withdrawUrl = paths.care.withdrawRegistration({ childId: 'PS3', registrationId });
      const confirmation = postForms(asked.body, withdrawUrl).find((candidate) => candidate.action === withdrawUrl);
      expect(confirmation?.hidden).toMatchObject({ confirmed: 'yes', reason: 'recorded on the wrong child' });
      const done = await app.inject({ method: 'POST', url: confirmation!.action, headers: urlencoded(form.page.cookie), payload: new URLSearchParams({ ...confirmation!.hidden }).toString() });
      expect(done.statusCode).toBe(303);
      expect(await registrationsOf('PS3')).toEqual([]);
      expect(await figure('cp.registrations', '2021-22')).toBe(in2022! - 1);
      const page = await protectionPage('PS3', sessionCookie(done, form.page.cookie));
      expect(page.body).toContain('Registration withdrawn as recorded in error.');
      expect(page.body).toContain('Withdrawn as recorded in error');
      expect(page.body.slice(page.body.indexOf('id="withdrawn"'))).toContain('Registration on 5 August 2021: Neglect, Domestic abuse');
      expect(page.body).toMatch(/Withdrawn by Test team_manager \d+ on .+ because recorded on the wrong child/);
      expect(page.body).toContain('Not on the child protection register');
      const audited = await database.db.query("select 1 from audit_events where action = 'protection.registration_withdrawn' and subject = $1", [registrationId]);
      expect(audited).toHaveLength(1);
      expect(await services.protection.onRegister((await aManager()), '2021-09-01')).toEqual([]);
    });

    it('withdraws a de-registration recorded in error: the child is on the register again', async () => {
      const user = (await aManager());
      const [meeting] = await meetingsOf('PS3');
      expect(await services.protection.register(user, 'PS3', { meetingId: meeting!.meeting_id, registeredDate: '2021-07-20', concerns: ['neglect'] })).toEqual({ outcome: 'done' });
      expect(await services.protection.deregister(user, 'PS3', { deregisteredDate: '2022-01-10', reason: 'improved_home_situation' })).toEqual({ outcome: 'done' });
      expect(await figure('cp.registered', '2022-07-31')).toBe(0);
      const [registration] = await registrationsOf('PS3');
      const form = await opened(paths.care.withdrawDeregistration({ childId: 'PS3', registrationId: registration!.registration_id }), manager);
      const done = await form.send({ reason: 'de-registered the wrong child', confirmed: 'yes' });
      expect(done.statusCode).toBe(303);
      expect((await registrationsOf('PS3'))[0]!.deregistered_date).toBeNull();
      expect(await figure('cp.registered', '2022-07-31')).toBe(1);
      const page = await protectionPage('PS3');
      expect(page.body).toContain('Date of de-registration: was 10 January 2022, now Not de-registered');
    });

    it('corrects a planning meeting, keeping the decision a registration rests on', async () => {
      const [meeting] = await meetingsOf('PS3');
      const url = paths.care.correctCpMeeting({ childId: 'PS3', meetingId: meeting!.meeting_id });
      const form = await opened(url, manager);
      const refused = await form.send({ decision: 'do_not_register', reason: 'wrong decision' });
      expect(refused.body).toContain('rests on this meeting’s decision to register');
      const saved = await form.send({ ...dateFields('meetingDate', '2021-07-19'), reason: 'held the day before' });
      expect(saved.statusCode).toBe(303);
      expect((await meetingsOf('PS3'))[0]!.meeting_date).toBe('2021-07-19');
      expect((await protectionPage('PS3')).body).toContain('Date of the meeting: was 20 July 2021, now 19 July 2021');
    });
  });

  it('refuses every correction and withdrawal path to someone without the child on their caseload or team', async () => {
    const [registration] = await registrationsOf('PS1');
    const [meeting] = await meetingsOf('PS1');
    const ids = { childId: 'PS1', registrationId: registration!.registration_id, meetingId: meeting!.meeting_id };
    const urls = [
      paths.care.correctRegistration(ids), paths.care.withdrawRegistration(ids), paths.care.withdrawDeregistration(ids),
      paths.care.correctCpMeeting(ids), paths.care.withdrawCpMeeting(ids), paths.care.register(ids),
    ];
    const { token, cookie } = await openForm(app, '/', outsider);
    for (const url of [...urls, paths.care.protection(ids)]) expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode, url).toBe(403);
    for (const url of urls) {
      const posted = await app.inject({ method: 'POST', url, headers: urlencoded(cookie), payload: new URLSearchParams({ _csrf: token, reason: 'x', confirmed: 'yes', ...dateFields('registeredDate', todayIso()) }).toString() });
      expect(posted.statusCode, url).toBe(403);
      expect(posted.body, url).toContain('You cannot open this record');
    }
    expect(await registrationsOf('PS1')).toEqual([expect.objectContaining({ deregistered_date: null })]);
  });
});

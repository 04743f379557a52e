/**
 * Issue 12: a training session corrected (course, dates, venue, trainer), its register corrected, or the session
 * withdrawn: each an amendment with a reason, audited with the change, shown on the register as "amended by … on …
 * because …", and coverage worked out from the corrected record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { paths } from '../../platform/http/paths.js';
import type { Actor } from '../../platform/access/user.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let cookie: string;
let actor: Actor;
let sessionId: string;
let otherCourseId: string;
const staff: Record<string, string> = {};

const saved = (result: { outcome: string; id?: string }) => {
  if (result.outcome !== 'saved' || !result.id) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return result.id;
};
const date = (field: string, iso: string) => ({ [`${field}-day`]: String(Number(iso.slice(8))), [`${field}-month`]: String(Number(iso.slice(5, 7))), [`${field}-year`]: iso.slice(0, 4) });
/** Social work coverage on a date, as the coverage page and the quality report work it out. */
const socialWork = async (onDate: string) => (await services.training.coverage(actor, onDate)).find((row) => row.staffGroup === 'social_work')!;

/** Post a form from the page at `formUrl`, as a browser would. */
async function post(url: string, fields: Record<string, string | string[]>, formUrl = url) {
  const page = await openForm(app, formUrl, cookie);
  const body = new URLSearchParams({ _csrf: page.token });
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  const response = await app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  cookie = sessionCookie(response, page.cookie);
  return response;
}
const audited = async (action: string) =>
  database.db.query<{ subject: string; reason: string | null; details: Record<string, unknown> }>('select subject, reason, details from audit_events where action = $1 order by event_id', [action]);

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  const lead = await signInAs(app, services, 'service_manager', { displayName: 'Fiona Lead' });
  cookie = lead.cookie;
  actor = { kind: 'user', user: lead.user };
  for (const name of ['Ann Bell', 'Ruth Dow']) {
    staff[name] = saved(await services.training.addStaff(actor, { name, staffGroup: 'social_work', team: 'North', activeFrom: '2023-01-01', activeTo: null, username: '' }));
  }
  const courseId = saved(await services.training.addCourse(actor, { title: 'Signs of Safety 2-day', days: 2, countsAsTrained: true, intendedGroups: ['social_work'] }));
  otherCourseId = saved(await services.training.addCourse(actor, { title: 'Safety planning 2-day', days: 2, countsAsTrained: false, intendedGroups: ['social_work'] }));
  await services.training.addCourse(actor, { title: 'Briefing', days: 1, countsAsTrained: false, intendedGroups: ['social_work'] });
  sessionId = saved(await services.training.addSession(actor, { courseId, venue: 'Glenmuir Academy', trainer: 'Iona Kerr', dates: ['2024-03-04', '2024-03-05'] }));
  saved(await services.training.recordAttendance(actor, sessionId, new Set([`${staff['Ann Bell']}|1`, `${staff['Ann Bell']}|2`, `${staff['Ruth Dow']}|1`])));
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe(`correcting and withdrawing a training session (${engineUnderTest})`, () => {
  it('refuses a correction without a reason, keeping what was typed and writing nothing', async () => {
    expect((await socialWork('2024-03-31')).trained).toBe(1);
    const refused = await post(paths.training.correctSession({ sessionId }), { courseId: '', venue: 'Glenmuir Academy', trainer: 'Iona Kerr', ...date('day1', '2024-03-11'), ...date('day2', '2024-03-12'), reason: ' ' });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('Enter why you are correcting this session');
    expect(refused.body).toContain('Select the course');
    expect(refused.body).toContain('name="day1-day" type="text" value="11"');
    const shorter = await post(paths.training.correctSession({ sessionId }), {
      courseId: (await services.training.courses()).find((c) => c.title === 'Briefing')!.courseId, venue: 'Glenmuir Academy', trainer: 'Iona Kerr', ...date('day1', '2024-03-11'), ...date('day2', '2024-03-12'), reason: 'Wrong course',
    });
    expect(shorter.body).toContain('Briefing lasts 1 day but this session has 2. Withdraw this session and add one of that course instead.');
    expect(await services.training.amendments(sessionId)).toEqual([]);
    expect((await services.training.sessions())[0]!.days.map((d) => d.date)).toEqual(['2024-03-04', '2024-03-05']);
  });

  it('corrects the dates (day 1 moving onto day 2’s old date) with a reason: coverage follows, the register shows who, when and why', async () => {
    const corrected = await post(paths.training.correctSession({ sessionId }), {
      courseId: (await services.training.sessions())[0]!.courseId, venue: 'Glenmuir Academy', trainer: 'Iona Kerr', ...date('day1', '2024-03-05'), ...date('day2', '2024-04-02'), reason: 'day 2 was postponed',
    });
    expect(corrected.statusCode).toBe(303);
    expect(await socialWork('2024-03-31')).toMatchObject({ staff: 2, trained: 0 });
    expect(await socialWork('2024-04-30')).toMatchObject({ staff: 2, trained: 1, percentTrained: 50 });
    const register = await app.inject({ url: paths.training.register({ sessionId }), headers: { cookie } });
    expect(register.body).toContain('Session corrected');
    expect(register.body).toMatch(/Amended by Fiona Lead on \d{1,2} \w+ \d{4}, \d{2}:\d{2} because day 2 was postponed/);
    expect(register.body).toContain('Day 1: was 4 March 2024, now 5 March 2024');
    expect(register.body).toContain('Day 2: was 5 March 2024, now 2 April 2024');
    const [event] = await audited('training.session_amended');
    expect(event).toMatchObject({ subject: sessionId, reason: 'day 2 was postponed', details: { before: { 'Day 1': '4 March 2024', 'Day 2': '5 March 2024' }, after: { 'Day 1': '5 March 2024', 'Day 2': '2 April 2024' } } });
  });

  it('corrects the register once taken only with a reason, keeping who attended before; coverage counts the corrected register', async () => {
    const ticks = [`${staff['Ann Bell']}|1`, `${staff['Ann Bell']}|2`, `${staff['Ruth Dow']}|1`, `${staff['Ruth Dow']}|2`];
    const noReason = await post(paths.training.register({ sessionId }), { attended: ticks });
    expect(noReason.statusCode).toBe(200);
    expect(noReason.body).toContain('Enter why you are correcting the register');
    expect(await socialWork('2024-04-30')).toMatchObject({ trained: 1 });
    const fixed = await post(paths.training.register({ sessionId }), { attended: ticks, reason: 'Ruth signed the paper register on day 2' });
    expect(fixed.statusCode).toBe(303);
    expect(await socialWork('2024-04-30')).toMatchObject({ trained: 2, percentTrained: 100 });
    const [amendment] = (await services.training.amendments(sessionId)).slice(-1);
    expect(amendment).toMatchObject({ reason: 'Ruth signed the paper register on day 2', before: { 'Day 2, 2 April 2024': 'Ann Bell' }, after: { 'Day 2, 2 April 2024': 'Ann Bell, Ruth Dow' } });
    expect(await audited('training.attendance_amended')).toHaveLength(1);
  });

  it('changes the course to another of as many days: coverage no longer counts a course that does not count', async () => {
    const changed = await post(paths.training.correctSession({ sessionId }), {
      courseId: otherCourseId, venue: 'Glenmuir Academy', trainer: 'Iona Kerr', ...date('day1', '2024-03-05'), ...date('day2', '2024-04-02'), reason: 'Recorded against the wrong course',
    });
    expect(changed.statusCode).toBe(303);
    expect(await socialWork('2024-04-30')).toMatchObject({ trained: 0 });
    expect((await services.training.amendments(sessionId)).at(-1)!.after).toEqual({ Course: 'Safety planning 2-day' });
    // Put back, so that withdrawing it below visibly changes coverage.
    const signsOfSafety = (await services.training.courses()).find((c) => c.title === 'Signs of Safety 2-day')!.courseId;
    const putBack = await services.training.correctSession(actor, sessionId, { courseId: signsOfSafety, venue: 'Glenmuir Academy', trainer: 'Iona Kerr', dates: ['2024-03-05', '2024-04-02'] }, 'Put back');
    expect(putBack.outcome).toBe('saved');
    expect(await socialWork('2024-04-30')).toMatchObject({ trained: 2 });
  });

  it('withdraws a session only after asking, with a reason; it stays listed as withdrawn and counts for no one', async () => {
    const noReason = await post(paths.training.withdrawSession({ sessionId }), { reason: '' });
    expect(noReason.body).toContain('Enter why you are withdrawing this session');
    const asked = await post(paths.training.withdrawSession({ sessionId }), { reason: 'Entered twice' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Withdraw this training session?');
    expect(asked.body).toContain('name="reason" value="Entered twice"');
    expect(asked.body).toContain('name="confirmed" value="yes"');
    expect(await socialWork('2024-04-30')).toMatchObject({ trained: 2 });

    const withdrawn = await post(paths.training.withdrawSession({ sessionId }), { reason: 'Entered twice', confirmed: 'yes' }, paths.training.withdrawSession({ sessionId }));
    expect(withdrawn.statusCode).toBe(303);
    expect(await socialWork('2024-04-30')).toMatchObject({ trained: 0 });
    const register = await app.inject({ url: paths.training.register({ sessionId }), headers: { cookie } });
    expect(register.body).toMatch(/This session has been withdrawn\. Withdrawn by Fiona Lead on \d{1,2} \w+ \d{4} because Entered twice/);
    expect(register.body).not.toContain('Save the register');
    expect((await app.inject({ url: paths.training.sessions(), headers: { cookie } })).body).toContain('Withdrawn</strong>');
    expect(await audited('training.session_withdrawn')).toEqual([expect.objectContaining({ subject: sessionId, reason: 'Entered twice' })]);
    expect(await services.training.withdrawSession(actor, sessionId, 'Again')).toEqual({ outcome: 'problems', problems: { reason: 'This session has already been withdrawn' } });
    expect(await services.training.recordAttendance(actor, sessionId, new Set(), 'x')).toMatchObject({ outcome: 'problems' });
  });

  it('answers 404 for a session that does not exist', async () => {
    for (const url of [paths.training.correctSession({ sessionId: 'TS-none' }), paths.training.withdrawSession({ sessionId: 'TS-none' })]) {
      expect((await app.inject({ url, headers: { cookie } })).statusCode).toBe(404);
    }
  });
});

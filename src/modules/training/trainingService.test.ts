/** @module Training records through the services and the pages: validation, the register, coverage from the database, permissions, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import { readCourse, readSession, readStaff } from './trainingForms.js';
import type { Actor } from '../../platform/access/user.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
const system: Actor = { kind: 'system', name: 'test' };

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const saved = (result: { outcome: string; id?: string }) => {
  if (result.outcome !== 'saved' || !result.id) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return result.id;
};
const date = (field: string, iso: string) => ({ [`${field}-day`]: String(Number(iso.slice(8))), [`${field}-month`]: String(Number(iso.slice(5, 7))), [`${field}-year`]: iso.slice(0, 4) });

describe(`training forms (${engineUnderTest})`, () => {
  it('a person needs a name, a group and a start date; the leaving date must not be before it; typed values are kept', () => {
    const read = readStaff({ name: ' ', staffGroup: 'wizards', team: 'North', ...date('activeFrom', '2023-05-01'), ...date('activeTo', '2023-04-30') });
    expect(read.data).toBeUndefined();
    expect(read.problems).toEqual({ name: 'Enter the person’s name', staffGroup: 'Select the person’s staff group' });
    expect(read.values.team).toBe('North');
    const dates = readStaff({ name: 'Morag Innes', staffGroup: 'childrens_panel', team: '', username: '', ...date('activeFrom', '2023-05-01'), ...date('activeTo', '2023-04-30') });
    expect(dates.problems).toEqual({ activeTo: 'Date they left must be on or after the date they started' });
    expect(readStaff({ name: 'Morag Innes', staffGroup: 'childrens_panel', 'activeFrom-day': '31', 'activeFrom-month': '2', 'activeFrom-year': '2023' }).problems)
      .toEqual({ activeFrom: 'Date they started must be a real date' });
  });

  it('a course needs a title, 1 to 10 whole days, at least one staff group and whether it counts', () => {
    expect(readCourse({ title: '', days: '4.5' }).problems).toEqual({
      title: 'Enter the course title', days: 'Enter the number of days as a whole number, like 4',
      countsAsTrained: 'Select whether completing this course counts as trained in Signs of Safety', intendedGroups: 'Select the staff groups the course is for',
    });
    expect(readCourse({ title: 'Long', days: '11', countsAsTrained: 'yes', intendedGroups: 'social_work' }).problems).toEqual({ days: 'Enter 10 days or fewer' });
    expect(readCourse({ title: 'Signs of Safety 4-day', days: '4', countsAsTrained: 'yes', intendedGroups: ['social_work', 'head_teachers'] }).data)
      .toEqual({ title: 'Signs of Safety 4-day', days: 4, countsAsTrained: true, intendedGroups: ['social_work', 'head_teachers'] });
  });

  it('a session needs a date for each day, a venue and a trainer', () => {
    const read = readSession({ venue: 'Glenmuir Academy', ...date('day1', '2023-02-06') }, 2);
    expect(read.problems).toEqual({ trainer: 'Enter the trainer’s name', day2: 'Enter the date of day 2' });
  });
});

describe(`recording training and coverage (${engineUnderTest})`, () => {
  let courseId: string;
  let sessionId: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    const add = async (name: string, staffGroup: 'social_work' | 'childrens_panel' | 'head_teachers', activeFrom: string, activeTo: string | null = null) =>
      (people[name] = saved(await services.training.addStaff(system, { name, staffGroup, team: '', activeFrom, activeTo, username: '' })));
    await add('Ailsa Boyd', 'social_work', '2022-01-01');
    await add('Brian Cowan', 'social_work', '2022-01-01');
    await add('Dougie Fyfe', 'social_work', '2021-01-01', '2023-03-01');
    await add('Morag Innes', 'childrens_panel', '2022-01-01');
    await add('Hamish Laing', 'head_teachers', '2022-01-01');
    courseId = saved(await services.training.addCourse(system, { title: 'Signs of Safety 4-day', days: 4, countsAsTrained: true, intendedGroups: ['social_work', 'head_teachers'] }));
  });

  it('refuses a second course with the same title, a session whose days are out of order or too few', async () => {
    expect(await services.training.addCourse(system, { title: 'signs of safety 4-DAY', days: 2, countsAsTrained: false, intendedGroups: ['admin'] }))
      .toEqual({ outcome: 'problems', problems: { title: 'There is already a course with this title' } });
    expect(await services.training.addSession(system, { courseId, venue: 'Hall', trainer: 'Iona Kerr', dates: ['2023-02-06', '2023-02-08', '2023-02-07', '2023-02-09'] }))
      .toEqual({ outcome: 'problems', problems: { day3: 'Day 3 must be after day 2' } });
    expect(await services.training.addSession(system, { courseId, venue: 'Hall', trainer: 'Iona Kerr', dates: ['2023-02-06'] }))
      .toEqual({ outcome: 'problems', problems: { day1: 'Enter a date for each of the course’s 4 days' } });
  });

  it('lists the course’s staff groups on the register (active on the days), records attendance and works out coverage', async () => {
    sessionId = saved(await services.training.addSession(system, { courseId, venue: 'Glenmuir Academy', trainer: 'Iona Kerr', dates: ['2023-02-06', '2023-02-07', '2023-02-08', '2023-02-09'] }));
    const register = await services.training.register(sessionId);
    // The panel member is not in the course's groups.
    expect(register?.people.map((p) => p.name).sort()).toEqual(['Ailsa Boyd', 'Brian Cowan', 'Dougie Fyfe', 'Hamish Laing']);
    const ticks = new Set([1, 2, 3, 4].flatMap((day) => [`${people['Ailsa Boyd']}|${day}`, `${people['Hamish Laing']}|${day}`, `${people['Dougie Fyfe']}|${day}`]));
    for (const day of [1, 2, 3]) ticks.add(`${people['Brian Cowan']}|${day}`);
    expect(await services.training.recordAttendance(system, sessionId, ticks)).toEqual({ outcome: 'saved', id: sessionId });
    // 16 ticked of 4 people × 4 days = 16 marks; Brian's day 4 is recorded as absent.
    const rows = await database.db.query<{ attended: boolean; n: number }>('select attended, count(*)::int as n from training_attendance group by attended order by attended');
    expect(rows).toEqual([{ attended: false, n: 1 }, { attended: true, n: 15 }]);

    const coverage = await services.training.coverage(system, '2023-03-31');
    // Social work: Ailsa and Brian active (Dougie left on 1 March); Ailsa trained. Head teachers 1 of 1. Panel 0 of 1.
    expect(coverage.find((r) => r.staffGroup === 'social_work')).toEqual({ staffGroup: 'social_work', label: 'Social work', staff: 2, trained: 1, percentTrained: 50 });
    expect(coverage.find((r) => r.staffGroup === 'head_teachers')).toMatchObject({ staff: 1, trained: 1, percentTrained: 100 });
    expect(coverage.find((r) => r.staffGroup === 'childrens_panel')).toMatchObject({ staff: 1, trained: 0, percentTrained: 0 });
    expect((await services.training.coverage(system, '2023-02-08')).find((r) => r.staffGroup === 'social_work')).toMatchObject({ staff: 3, trained: 0 });

    const audit = await database.db.query<{ action: string }>("select action from audit_events where action like 'training.%' order by event_id");
    expect(audit.map((a) => a.action)).toEqual([...Array(5).fill('training.staff_added'), 'training.course_added', 'training.session_added', 'training.attendance_recorded']);
  });

  it('refuses a tick for a day that has not happened, or for someone not on the register that day, and saves nothing', async () => {
    const future = saved(await services.training.addSession(system, { courseId, venue: 'Hall', trainer: 'Iona Kerr', dates: ['2099-01-05', '2099-01-06', '2099-01-07', '2099-01-08'] }));
    expect(await services.training.recordAttendance(system, future, new Set([`${people['Ailsa Boyd']}|1`])))
      .toEqual({ outcome: 'problems', problems: { attendance: 'Day 1 has not happened yet: record who attended it on or after the day' } });
    const march = saved(await services.training.addSession(system, { courseId, venue: 'Hall', trainer: 'Iona Kerr', dates: ['2023-02-27', '2023-02-28', '2023-03-01', '2023-03-02'] }));
    expect(await services.training.recordAttendance(system, march, new Set([`${people['Dougie Fyfe']}|4`])))
      .toEqual({ outcome: 'problems', problems: { attendance: 'Dougie Fyfe was not on the staff register on day 4' } });
    expect(await database.db.query('select 1 from training_attendance where session_id in ($1, $2)', [future, march])).toEqual([]);
  });

  it('changes a person’s details, and links them to a Cairn account only by a username that exists', async () => {
    const input = { name: 'Brian Cowan', staffGroup: 'social_work' as const, team: 'North', activeFrom: '2022-01-01', activeTo: '2023-05-31', username: 'no-such-user' };
    expect(await services.training.changeStaff(system, people['Brian Cowan']!, input))
      .toEqual({ outcome: 'problems', problems: { username: 'There is no Cairn account with this username. Leave it blank if they have none.' } });
    const { user } = await signInAs(app, services, 'practitioner', { username: 'brian.cowan' });
    expect(await services.training.changeStaff(system, people['Brian Cowan']!, { ...input, username: 'Brian.Cowan' })).toMatchObject({ outcome: 'saved' });
    expect(await services.training.staffMember(people['Brian Cowan']!)).toMatchObject({ team: 'North', activeTo: '2023-05-31', userId: user.userId });
    expect(await services.training.changeStaff(system, 'ST-missing', { ...input, username: '' })).toEqual({ outcome: 'not_found' });
  });
});

describe(`the training pages (${engineUnderTest})`, () => {
  it('a practitioner cannot see or record training; a team manager and an analyst see coverage but cannot record', async () => {
    const practitioner = (await signInAs(app, services, 'practitioner')).cookie;
    expect((await app.inject({ url: '/training', headers: { cookie: practitioner } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/training/staff', headers: { cookie: practitioner } })).statusCode).toBe(403);
    for (const role of ['team_manager', 'analyst'] as const) {
      const cookie = (await signInAs(app, services, role)).cookie;
      const coverage = await app.inject({ url: '/training?on-day=31&on-month=3&on-year=2023', headers: { cookie } });
      expect(coverage.statusCode).toBe(200);
      expect(coverage.body).toContain('Coverage on 31 March 2023');
      expect(coverage.body).not.toContain('Staff register');
      expect((await app.inject({ url: '/training/courses/new', headers: { cookie } })).statusCode).toBe(403);
    }
  });

  it('a service manager records that someone has left: the edit form shows their details, checks the dates and saves', async () => {
    const { cookie } = await signInAs(app, services, 'service_manager');
    const added = await services.training.addStaff(system, { name: 'Eilidh Grant', staffGroup: 'family_support', team: 'South', activeFrom: '2022-05-03', activeTo: null, username: '' });
    const url = `/training/staff/${saved(added)}/edit`;
    const form = await openForm(app, url, cookie);
    expect(form.html).toContain('Change Eilidh Grant’s details');
    expect(form.html).toContain('value="2022"');
    const post = (to: string) => app.inject({
      method: 'POST', url, headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: form.token, name: 'Eilidh Grant', staffGroup: 'family_support', team: 'South', username: '', ...date('activeFrom', '2022-05-03'), ...date('activeTo', to) }).toString(),
    });
    const refused = await post('2022-05-02');
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('Date they left must be on or after the date they started');
    expect((await post('2024-01-31')).statusCode).toBe(303);
    expect(await services.training.staffMember(saved(added))).toMatchObject({ activeTo: '2024-01-31' });
    expect((await app.inject({ url: '/training/staff/ST-none/edit', headers: { cookie: form.cookie } })).statusCode).toBe(404);
  });

  it('a service manager adds a course through the form: problems are shown beside the fields with the typed values kept, then it is saved', async () => {
    const { cookie } = await signInAs(app, services, 'service_manager');
    const form = await openForm(app, '/training/courses/new', cookie);
    const post = (fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ _csrf: form.token });
      for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
      return app.inject({ method: 'POST', url: '/training/courses/new', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
    };
    const refused = await post({ title: 'Signs of Safety one-day briefing', days: 'one' });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('id="days-error"');
    expect(refused.body).toContain('value="Signs of Safety one-day briefing"');
    const added = await post({ title: 'Signs of Safety one-day briefing', days: '1', countsAsTrained: 'no', intendedGroups: ['childrens_panel', 'head_teachers'] });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/training/courses');
    const courses = await app.inject({ url: '/training/courses', headers: { cookie: form.cookie } });
    expect(courses.body).toMatch(/Signs of Safety one-day briefing<\/th>\s*<td[^>]*>1<\/td><td[^>]*>Children’s Hearing panel members, Head teachers<\/td><td[^>]*>No<\/td>/);
  });
});

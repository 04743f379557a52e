import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';

const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`case file audit pages: forms and who may see what (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let leadCookie: string;
  let managerCookie: string;
  let managerId: string;
  let manager: SignedInUser;
  let roundId: number;

  /** Post a form from the page at `url` (its CSRF token), with `fields` (repeated names as arrays). */
  async function post(url: string, cookie: string, fields: Record<string, string | string[]>, formUrl = url) {
    const page = await openForm(app, formUrl, cookie);
    const body = new URLSearchParams({ _csrf: page.token });
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    const response = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: body.toString() });
    // The session (and a message left for the next page) travels in the cookie.
    return Object.assign(response, { cookie: sessionCookie(response, page.cookie) });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'Q1', forename: 'Ailsa', surname: 'Boyd' });
    await aChild(database.db, { childId: 'Q2', forename: 'Isla', surname: 'Kerr' });
    await aCase(database.db, 'Q1', { team: 'Family First', openedDate: '2025-01-01' });
    await aCase(database.db, 'Q2', { team: 'North', openedDate: '2025-01-01' });
    app = await buildApp(services, { logger: false });
    ({ cookie: leadCookie } = await signInAs(app, services, 'service_manager', { displayName: 'Quality Lead' }));
    const signedIn = await signInAs(app, services, 'team_manager', { team: 'Family First', displayName: 'Morag Auditor' });
    managerCookie = signedIn.cookie;
    manager = signedIn.user;
    managerId = manager.userId;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('refuses a new round with every problem beside its field, keeping what was typed', async () => {
    const response = await post(paths.caseFileAudits.newRound(), leadCookie, {
      name: 'Spring 2026', sampleSize: 'lots', stratified: 'yes', 'periodStart-day': '1', 'periodStart-month': '4', 'periodStart-year': '2026',
      'periodEnd-day': '31', 'periodEnd-month': '3', 'periodEnd-year': '2026',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Select the rubric to audit with');
    expect(response.body).toContain('Sample size must be a whole number, like 120');
    expect(response.body).toContain('value="Spring 2026"');
    expect(response.body).toContain('href="#rubricId"');
  });

  it('creates a round, says when every open case was taken, and allocates through the checkboxes', async () => {
    const rubricId = (await services.caseFileAudits.rubrics())[0]!.rubricId;
    const created = await post(paths.caseFileAudits.newRound(), leadCookie, {
      name: 'Spring 2026', rubricId: String(rubricId), sampleSize: '120', stratified: 'yes', seed: '77',
      'periodStart-day': '1', 'periodStart-month': '1', 'periodStart-year': '2026', 'periodEnd-day': '31', 'periodEnd-month': '3', 'periodEnd-year': '2026',
    });
    expect(created.statusCode).toBe(303);
    roundId = Number(/rounds\/(\d+)$/.exec(created.headers.location as string)![1]);
    const page = await app.inject({ url: created.headers.location as string, headers: { cookie: created.cookie } });
    expect(page.body).toContain('Only 2 cases were open in the period, fewer than the sample size, so all of them were taken');
    expect(page.body).toContain('Ailsa Boyd');

    const none = await post(paths.caseFileAudits.allocate({ roundId }), leadCookie, {});
    expect(none.body).toContain('Select at least one auditor');
    const allocated = await post(paths.caseFileAudits.allocate({ roundId }), leadCookie, { auditors: [managerId] });
    expect(allocated.statusCode).toBe(303);
    expect((await services.caseFileAudits.files(roundId)).every((f) => f.auditorId === managerId)).toBe(true);
  });

  it('an auditor grades a file outside their team: a missing grade is named beside its question, and the file appears done', async () => {
    const file = (await services.caseFileAudits.files(roundId)).find((f) => f.childId === 'Q2')!;
    expect(await services.children.mayAccess(manager, 'Q2')).toBe(false);
    const page = await app.inject({ url: paths.caseFileAudits.grade(file), headers: { cookie: managerCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Isla Kerr');
    expect(page.body).toContain('There is no Signs of Safety map on this child’s record.');
    const incomplete = await post(paths.caseFileAudits.grade(file), managerCookie, { q1: 'yes', strengths: 'Good chronology' });
    expect(incomplete.statusCode).toBe(200);
    expect(incomplete.body).toContain('Select a grade for question 2');
    expect(incomplete.body).toContain('Good chronology');
    const grades: Record<string, string> = { q1: 'no', strengths: 'Good chronology', actions: 'Start a map' };
    for (let q = 2; q <= 8; q += 1) grades[`q${q}`] = 'weak';
    const saved = await post(paths.caseFileAudits.grade(file), managerCookie, grades);
    expect(saved.statusCode).toBe(303);
    const home = await app.inject({ url: paths.caseFileAudits.home(), headers: { cookie: saved.cookie } });
    expect(home.body).toContain('Saved your grades for Isla Kerr');
    expect(home.body).toMatch(/Isla Kerr[\s\S]*?Done/);
  });

  it('shows results to an analyst with no child’s name, and refuses them the round’s files', async () => {
    const { cookie } = await signInAs(app, services, 'analyst');
    const results = await app.inject({ url: paths.caseFileAudits.results({ roundId }), headers: { cookie } });
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain('Grades by question');
    expect(results.body).not.toContain('Isla');
    expect(results.body).not.toContain('Ailsa');
    expect((await app.inject({ url: paths.caseFileAudits.round({ roundId }), headers: { cookie } })).statusCode).toBe(403);
    const file = (await services.caseFileAudits.files(roundId))[0]!;
    expect((await app.inject({ url: paths.caseFileAudits.grade(file), headers: { cookie } })).statusCode).toBe(403);
    const home = await app.inject({ url: paths.caseFileAudits.home(), headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('Files allocated to you');
  });

  it('refuses a practitioner every case file audit page, and keeps the entry out of their navigation', async () => {
    const { cookie } = await signInAs(app, services, 'practitioner', { team: 'North', workerId: 'W7' });
    for (const url of [paths.caseFileAudits.home(), paths.caseFileAudits.results({ roundId }), paths.caseFileAudits.newRound(), paths.caseFileAudits.grade({ fileId: 1 })]) {
      expect((await app.inject({ url, headers: { cookie } })).statusCode).toBe(403);
    }
    const home = await app.inject({ url: paths.home(), headers: { cookie } });
    expect(home.body).not.toContain('Case file audits');
  });

  it('a team manager may not start rounds; another auditor may not open a file not allocated to them', async () => {
    const other = await signInAs(app, services, 'team_manager', { team: 'North' });
    expect((await app.inject({ url: paths.caseFileAudits.newRound(), headers: { cookie: other.cookie } })).statusCode).toBe(403);
    const file = (await services.caseFileAudits.files(roundId))[0]!;
    expect((await app.inject({ url: paths.caseFileAudits.grade(file), headers: { cookie: other.cookie } })).statusCode).toBe(403);
    const home = await app.inject({ url: paths.home(), headers: { cookie: other.cookie } });
    expect(home.body).toContain('Case file audits');
  });

  it('edits the Signs of Safety rubric as a new version from the form', async () => {
    const rubric = (await services.caseFileAudits.rubrics())[0]!;
    const form = await openForm(app, paths.caseFileAudits.newVersion(rubric), leadCookie);
    expect(form.html).toContain('map_present');
    const fields: Record<string, string> = { rows: String(rubric.questions.length + 3) };
    rubric.questions.forEach((q, i) => Object.assign(fields, { [`key-${i + 1}`]: q.key, [`text-${i + 1}`]: q.text, [`guidance-${i + 1}`]: q.guidance, [`scale-${i + 1}`]: q.scale }));
    const blank = await post(paths.caseFileAudits.newVersion(rubric), leadCookie, { ...fields, 'text-9': 'Is the chronology up to date?' });
    expect(blank.body).toContain('Question 9: select how this question is graded');
    const saved = await post(paths.caseFileAudits.newVersion(rubric), leadCookie, { ...fields, 'remove-8': 'yes', 'text-9': 'Is the chronology up to date?', 'scale-9': 'yes_no' });
    expect(saved.statusCode).toBe(303);
    const v2 = (await services.caseFileAudits.rubrics()).find((r) => r.version === 2)!;
    expect(v2.questions.map((q) => q.key).slice(-2)).toEqual(['childs_voice', 'is_the_chronology_up_to_date']);
  });
});

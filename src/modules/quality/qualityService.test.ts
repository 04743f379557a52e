/** @module The quality report's choices, its service over contract sources, and its page and downloads through the app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { signInAs } from '../../../test/support/signIn.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import type { Actor } from '../../platform/access/user.js';
import { defaultValues, qualityOptions, readChoice } from './qualityChoice.js';
import { qualityService } from './qualityService.js';
import type { QualitySources } from './qualitySources.js';
import { auditComparison, coverageAfter, coverageBefore, surveyComparison } from '../../../test/support/qualityFixture.js';

const system: Actor = { kind: 'system', name: 'test' };
let database: TestDatabase;
let services: Services;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});
const rounds = [auditComparison.comparator, auditComparison.baseline];
const waves = [surveyComparison.comparator, { ...surveyComparison.baseline }, { ...surveyComparison.baseline, id: 10, name: 'March 2021', opensOn: '2021-03-01' }];

describe('choosing what the quality report compares', () => {
  const options = qualityOptions(rounds, waves);

  it('offers rounds and each survey’s waves oldest first, and by default the latest two of each with training at their period ends', () => {
    expect(options.rounds.map((r) => r.id)).toEqual([1, 2]);
    expect(options.surveys.map((s) => [s.surveyId, s.waves.map((w) => w.id)])).toEqual([[7, [10, 11, 12]]]);
    const reading = readChoice({}, options, '2024-02-29');
    expect(reading.errors).toEqual({});
    expect(reading.choice).toEqual({ audit: { baseline: 1, comparator: 2 }, waves: [{ surveyId: 7, baseline: 11, comparator: 12 }], training: { baseline: '2022-03-31', comparator: '2023-03-31' } });
    // With fewer than two rounds, training compares a year ago (29 February → 28 February) with today.
    expect(readChoice({}, qualityOptions([], []), '2024-02-29').choice?.training).toEqual({ baseline: '2023-02-28', comparator: '2024-02-29' });
    expect(defaultValues(qualityOptions([], []), '2024-04-02')).toMatchObject({ auditBaseline: '', auditComparator: '' });
  });

  it('explains every problem beside its field: half a pair, the same one twice, one not listed, dates missing or the wrong way round', () => {
    const reading = readChoice({
      compare: 'yes', auditBaseline: '2', auditComparator: '2', survey7Baseline: '', survey7Comparator: '99',
      'trainingBaseline-day': '31', 'trainingBaseline-month': '3', 'trainingBaseline-year': '2023', 'trainingComparator-day': '1', 'trainingComparator-month': '3', 'trainingComparator-year': '2023',
    }, options, '2024-04-02');
    expect(reading.choice).toBeUndefined();
    expect(reading.errors).toEqual({
      auditComparator: 'Choose a different round from the one before',
      survey7Baseline: 'Choose the wave before, or no comparison for both',
      survey7Comparator: 'Choose a wave from the list',
      trainingComparator: 'Date after must be later than the date before',
    });
    expect(readChoice({ compare: 'yes' }, options, '2024-04-02').errors).toEqual({ trainingBaseline: 'Enter the date before', trainingComparator: 'Enter the date after' });
    // Leaving both of a pair blank is no comparison, not a problem.
    const none = readChoice({ compare: 'yes', 'trainingBaseline-day': '31', 'trainingBaseline-month': '3', 'trainingBaseline-year': '2022', 'trainingComparator-day': '31', 'trainingComparator-month': '3', 'trainingComparator-year': '2023' }, options, '2024-04-02');
    expect(none.choice).toEqual({ audit: null, waves: [], training: { baseline: '2022-03-31', comparator: '2023-03-31' } });
  });
});

describe(`the quality service over contract sources (${engineUnderTest})`, () => {
  const calls: string[] = [];
  const sources: QualitySources = {
    audits: { listRounds: async () => rounds, compareRounds: async (_a, b, c) => (calls.push(`rounds ${b} ${c}`), auditComparison) },
    surveys: { listWaves: async () => waves, compareWaves: async (_a, b, c) => (calls.push(`waves ${b} ${c}`), surveyComparison) },
    training: { coverage: async (_a, on) => (calls.push(`coverage ${on}`), on < '2023-01-01' ? coverageBefore : coverageAfter) },
    authority: { current: async () => ({ name: 'Glenmuir Council' }) },
  };

  it('asks each source for exactly what was chosen, and audits the export', async () => {
    const quality = qualityService(sources, services.audit, () => '2023-04-03');
    const options = await quality.options(system);
    const choice = { audit: { baseline: 1, comparator: 2 }, waves: [{ surveyId: 7, baseline: 11, comparator: 12 }], training: { baseline: '2022-03-31', comparator: '2023-03-31' } };
    const report = await quality.report(system, options, choice);
    expect(calls.sort()).toEqual(['coverage 2022-03-31', 'coverage 2023-03-31', 'rounds 1 2', 'waves 11 12']);
    expect(report.sections.map((s) => s.heading)).toContain('Family experience survey (families)');
    const pdf = await quality.document(system, report, choice, 'pdf');
    expect(pdf.fileName).toBe('practice-quality-2023-04-03.pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const audited = await database.db.query<{ action: string; details: { format: string } }>("select action, details from audit_events where action = 'quality.report_exported'");
    expect(audited.map((a) => [a.action, a.details.format])).toEqual([['quality.report_exported', 'pdf']]);
  });

  it('with the database, gives each person their kept report until a record changes, then asks the sources again', async () => {
    const quality = qualityService(sources, services.audit, () => '2023-04-03', database.db);
    const choice = { audit: { baseline: 1, comparator: 2 }, waves: [], training: { baseline: '2022-03-31', comparator: '2023-03-31' } };
    const other: Actor = { kind: 'system', name: 'another' };
    const ask = async (actor: Actor) => {
      calls.length = 0;
      await quality.report(actor, await quality.options(actor), choice);
      return calls.length;
    };
    expect(await ask(system)).toBe(3);
    expect(await ask(system)).toBe(0);
    expect(await ask(other)).toBe(3);
    await aChild(database.db, { childId: 'QKEPT' });
    expect(await ask(system)).toBe(3);
    expect(await ask(system)).toBe(0);
  });

  it('the page: analysts and managers see it, a practitioner does not; with no audits or surveys yet it says so plainly', async () => {
    const practitioner = (await signInAs(app, services, 'practitioner')).cookie;
    expect((await app.inject({ url: '/quality', headers: { cookie: practitioner } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/quality/report.pdf', headers: { cookie: practitioner } })).statusCode).toBe(403);
    const analyst = (await signInAs(app, services, 'analyst')).cookie;
    await services.training.addStaff(system, { name: 'Ailsa Boyd', staffGroup: 'social_work', team: '', activeFrom: '2022-01-01', activeTo: null, username: '' });
    const page = await app.inject({ url: '/quality', headers: { cookie: analyst } });
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('No case file audit rounds have been recorded yet.');
    expect(text).toContain('Fewer than two case file audit rounds have been recorded, so there is nothing to compare yet.');
    expect(text).toContain('No survey has two waves to compare yet.');
    expect(text).toMatch(/Social work 0 of 1 \(0\.0%\) 0 of 1 \(0\.0%\) 0\.0/);
    const docx = /href="(\/quality\/report\.docx\?[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const download = await app.inject({ url: docx, headers: { cookie: analyst } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="practice-quality-\d{4}-\d{2}-\d{2}\.docx"$/);
  });

  it('a choice with a problem is shown again with the message beside the field, and nothing is downloaded', async () => {
    const manager = (await signInAs(app, services, 'team_manager')).cookie;
    const query = 'compare=yes&trainingBaseline-day=31&trainingBaseline-month=3&trainingBaseline-year=2023&trainingComparator-day=30&trainingComparator-month=2&trainingComparator-year=2023';
    const page = await app.inject({ url: `/quality?${query}`, headers: { cookie: manager } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    expect(page.body).toContain('id="trainingComparator-error"');
    expect(page.body).toContain('value="30"');
    expect((await app.inject({ url: `/quality/report.pdf?${query}`, headers: { cookie: manager } })).statusCode).toBe(400);
  });
});

describe(`the quality report wired to the real audits and surveys services (${engineUnderTest})`, () => {

  it('compares the two latest audit rounds and a survey’s two latest waves by default, figures from those modules', async () => {
    const { cookie, user } = await signInAs(app, services, 'service_manager');
    const lead: Actor = { kind: 'user', user };
    const created = await services.surveys.create(lead, { title: 'Staff confidence survey', audience: 'staff', intro: '' });
    if (created.outcome !== 'done') throw new Error('survey not created');
    await services.surveys.addQuestion(lead, created.surveyId, { kind: 'likert', text: 'I feel confident writing a danger statement', hint: '', scale: ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'], asksPersonalData: false, required: false });
    const [question] = (await services.surveys.show(lead, created.surveyId)).questions;
    // Before: 5 answers, 1 agrees (20.0%); after: 8 answers, 6 agree (75.0%).
    for (const [name, choices] of [['Before training', [2, 3, 3, 4, 4]], ['After training', [2, 2, 2, 2, 2, 2, 4, 4]]] as const) {
      const opened = await services.surveys.openWave(lead, created.surveyId, name);
      if (opened.outcome !== 'done') throw new Error('wave not opened');
      const tokens = await services.surveys.issueLinks(lead, opened.waveId, choices.length);
      for (const [index, choice] of choices.entries()) await services.surveys.respond(tokens[index]!, new Map([[question!.questionId, { choice }]]));
      await services.surveys.closeWave(lead, opened.waveId);
    }
    // Two audit rounds (not graded yet) of the seeded Signs of Safety rubric.
    for (const childId of ['Q1', 'Q2', 'Q3']) {
      await aChild(database.db, { childId });
      await aCase(database.db, childId, { team: 'North', openedDate: '2021-06-01' });
    }
    const rubric = (await services.caseFileAudits.rubrics()).find((r) => r.name === 'Signs of Safety practice')!;
    for (const [name, periodStart, periodEnd] of [['Spring 2022 audit', '2021-10-01', '2022-03-31'], ['Spring 2023 audit', '2022-10-01', '2023-03-31']] as const) {
      const round = await services.caseFileAudits.createRound(user, { name, rubricId: rubric.rubricId, periodStart, periodEnd, sampleSize: 2, stratified: false, seed: 7 });
      expect(round).toMatchObject({ outcome: 'created' });
    }
    const page = await app.inject({ url: '/quality', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
    expect(text).toContain('Staff confidence survey (staff)');
    expect(text).toContain('I feel confident writing a danger statement (Answered by 5 before and 8 after)');
    expect(text).toMatch(/Agree 20\.0% \(1\) 75\.0% \(6\) \+55\.0/);
    expect(text).toContain('Before: Spring 2022 audit (Signs of Safety practice, version 1), files from 1 October 2021 to 31 March 2022; 0 of 2 sampled files graded.');
    expect(text).toMatch(/None graded None graded —/);
  });
});

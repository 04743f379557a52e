/** @module Surveys end to end through the service and the routes: build, fix, issue links, respond once, close, results, compare, permissions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { aUser } from '../../../test/support/factories.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import type { Actor } from '../../platform/access/user.js';
import { detailsFixedMessage, fixedMessage, likertScales, SurveyRefusal, type Answers, type NewQuestion } from './survey.js';
import { tokenHash } from './surveyLinks.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let lead: Actor;
let analyst: Actor;
const cookies: Record<string, string> = {};

const likert = (text: string, extra: Partial<NewQuestion> = {}): NewQuestion => ({ kind: 'likert', text, hint: '', scale: [...likertScales.agreement], asksPersonalData: false, required: false, ...extra });
const freeText = (text: string, extra: Partial<NewQuestion> = {}): NewQuestion => ({ kind: 'free_text', text, hint: '', scale: [], asksPersonalData: false, required: false, ...extra });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const posted = { 'content-type': 'application/x-www-form-urlencoded' };
const flat = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const get = (url: string, role: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[role]! } });

/** A survey with its questions, and the ids of its questions in order. */
async function aSurvey(title: string, audience: 'families' | 'staff', questions: NewQuestion[]) {
  const created = await services.surveys.create(lead, { title, audience, intro: 'Tell us how it went.' });
  if (created.outcome !== 'done') throw new Error('survey not created');
  for (const question of questions) await services.surveys.addQuestion(lead, created.surveyId, question);
  const survey = await services.surveys.show(lead, created.surveyId);
  return { surveyId: created.surveyId, questionIds: survey.questions.map((q) => q.questionId) };
}

async function aWave(surveyId: number, name: string) {
  const opened = await services.surveys.openWave(lead, surveyId, name);
  if (opened.outcome !== 'done') throw new Error(`wave not opened: ${JSON.stringify(opened.problems)}`);
  return opened.waveId;
}

/** Issue one link per response and send each; `null` leaves a question unanswered. */
async function respondAll(waveId: number, questionIds: number[], responses: (number | string | null)[][]) {
  const tokens = await services.surveys.issueLinks(lead, waveId, responses.length);
  for (const [index, response] of responses.entries()) {
    const answers: Answers = new Map();
    response.forEach((answer, i) => {
      if (answer !== null) answers.set(questionIds[i]!, typeof answer === 'number' ? { choice: answer } : { words: answer });
    });
    expect(await services.surveys.respond(tokens[index]!, answers)).toBe('recorded');
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  lead = { kind: 'user', user: await aUser(database.db, 'service_manager') };
  analyst = { kind: 'user', user: await aUser(database.db, 'analyst') };
  for (const role of ['practitioner', 'team_manager', 'service_manager', 'analyst'] as const) cookies[role] = (await signInAs(app, services, role)).cookie;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe(`building a survey (${engineUnderTest})`, () => {
  it('builds a questionnaire of Likert and free-text questions in order, audited; a second survey with the same title is refused', async () => {
    const { surveyId } = await aSurvey('Family experience', 'families', [likert('My worker listened to me'), freeText('What could we do better?')]);
    await services.surveys.moveQuestionUp(lead, surveyId, (await services.surveys.show(lead, surveyId)).questions[1]!.questionId);
    const survey = await services.surveys.show(lead, surveyId);
    expect(survey).toMatchObject({ title: 'Family experience', audience: 'families', intro: 'Tell us how it went.' });
    expect(survey.questions.map((q) => [q.position, q.kind, q.text, q.scale.length])).toEqual([
      [1, 'free_text', 'What could we do better?', 0],
      [2, 'likert', 'My worker listened to me', 5],
    ]);
    expect(await services.surveys.create(lead, { title: 'family EXPERIENCE', audience: 'staff', intro: '' }))
      .toEqual({ outcome: 'problems', problems: { title: 'There is already a survey with this title' } });
    const audit = await database.db.query<{ action: string; details: { change?: string } }>(
      "select action, details from audit_events where subject = $1 order by event_id", [`survey:${surveyId}`]);
    expect(audit.map((a) => a.details.change ?? a.action)).toEqual(['survey.created', 'question_added', 'question_added', 'question_moved']);
  });

  it('fixes the questions once the first wave opens: changes are refused with a clear message, by the service and the database', async () => {
    const { surveyId, questionIds } = await aSurvey('Fixed after opening', 'staff', [likert('I feel supported')]);
    await aWave(surveyId, 'Baseline');
    const refused = services.surveys.addQuestion(lead, surveyId, likert('Another'));
    await expect(refused).rejects.toBeInstanceOf(SurveyRefusal);
    await expect(refused).rejects.toMatchObject({ statusCode: 409, message: fixedMessage });
    await expect(services.surveys.removeQuestion(lead, surveyId, questionIds[0]!)).rejects.toMatchObject({ statusCode: 409 });
    await expect(database.db.query("update survey_questions set question_text = 'Changed' where survey_id = $1", [surveyId])).rejects.toMatchObject({ code: '55000' });
    expect((await services.surveys.show(lead, surveyId)).questions.map((q) => q.text)).toEqual(['I feel supported']);
    // Through the page: the form says why, and posting is refused with the same words.
    const page = await get(`/surveys/${surveyId}/questions/new`, 'service_manager');
    expect(flat(page.body)).toContain('This survey’s questions cannot change because a wave has been opened');
    expect(page.body).not.toContain('name="text"');
  });

  it('refuses a second open wave, a wave with no questions, and a wave name used before', async () => {
    const empty = await aSurvey('No questions yet', 'staff', []);
    expect(await services.surveys.openWave(lead, empty.surveyId, 'Baseline')).toEqual({ outcome: 'problems', problems: { name: 'Add at least one question before opening a wave' } });
    const { surveyId } = await aSurvey('One wave at a time', 'staff', [likert('I feel supported')]);
    const first = await aWave(surveyId, 'Baseline');
    expect(await services.surveys.openWave(lead, surveyId, 'Comparator')).toEqual({ outcome: 'problems', problems: { name: 'Close the wave “Baseline” before opening another' } });
    await services.surveys.closeWave(lead, first);
    expect(await services.surveys.openWave(lead, surveyId, 'baseline')).toEqual({ outcome: 'problems', problems: { name: 'This survey already has a wave with this name' } });
  });

  it('shows a question’s words as text, never as markup', async () => {
    const { surveyId } = await aSurvey('Markup', 'staff', [likert('I <b>feel</b> supported'), likert('Second')]);
    const page = await get(`/surveys/${surveyId}`, 'service_manager');
    expect(page.body).not.toContain('<b>feel</b>');
    expect(page.body).toContain('Move up<span class="govuk-visually-hidden">: Second</span>');
    expect(page.body).toContain('I &lt;b&gt;feel&lt;/b&gt; supported');
  });

  it('checks the forms: messages beside each field, what was typed kept', async () => {
    const { token, cookie } = await openForm(app, '/surveys/new', cookies.service_manager);
    const response = await app.inject({ method: 'POST', url: '/surveys/new', headers: { ...posted, cookie }, payload: form({ _csrf: token, title: '', audience: '', intro: 'Kept words' }) });
    expect(response.statusCode).toBe(200);
    const text = flat(response.body);
    expect(text).toContain('Error: Enter the survey’s title');
    expect(text).toContain('Error: Select who the survey is for');
    expect(response.body).toContain('>Kept words</textarea>');
    const { surveyId } = await aSurvey('Form checks', 'families', []);
    const question = await openForm(app, `/surveys/${surveyId}/questions/new`, cookies.service_manager);
    const refused = await app.inject({
      method: 'POST', url: `/surveys/${surveyId}/questions/new`, headers: { ...posted, cookie: question.cookie },
      payload: form({ _csrf: question.token, text: 'What is your postcode?', hint: '', kind: 'free_text', scale: 'agreement' }),
    });
    expect(flat(refused.body)).toContain('This question looks as if it asks for something that could identify someone');
    expect(refused.body).toContain('value="What is your postcode?"');
  });
});

describe(`correcting a survey before its first wave (${engineUnderTest})`, () => {
  /** Open `url`'s form as the quality lead and post `fields` to it. */
  async function post(url: string, fields: Record<string, string>, role = 'service_manager') {
    const opened = await openForm(app, url, cookies[role]!);
    return app.inject({ method: 'POST', url, headers: { ...posted, cookie: opened.cookie }, payload: form({ _csrf: opened.token, ...fields }) });
  }

  it('changes the details and a question through their prefilled forms, keeping the question’s place, audited', async () => {
    const { surveyId, questionIds } = await aSurvey('Draft survey', 'families', [likert('First question'), likert('I was listned to', { required: true }), freeText('Last question')]);
    const page = await get(`/surveys/${surveyId}`, 'service_manager');
    expect(page.body).toContain(`href="/surveys/${surveyId}/details"`);
    expect(page.body).toContain('Change<span class="govuk-visually-hidden">: I was listned to</span>');

    const details = await get(`/surveys/${surveyId}/details`, 'service_manager');
    expect(details.body).toContain('value="Draft survey"');
    expect(details.body).toContain('>Tell us how it went.</textarea>');
    expect(details.body).toMatch(/value="families" checked/);
    const saved = await post(`/surveys/${surveyId}/details`, { title: 'Your family’s experience', audience: 'staff', intro: 'Corrected words.' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/surveys/${surveyId}`);

    const questionUrl = `/surveys/${surveyId}/questions/${questionIds[1]}/change`;
    const question = await get(questionUrl, 'service_manager');
    expect(question.body).toContain('value="I was listned to"');
    expect(question.body).toMatch(/value="required" checked/);
    expect(question.body).toMatch(/value="likert" checked/);
    expect((await post(questionUrl, { text: 'I was listened to', hint: 'Think of your last visit', kind: 'likert', scale: 'frequency' })).statusCode).toBe(303);

    const survey = await services.surveys.show(lead, surveyId);
    expect(survey).toMatchObject({ title: 'Your family’s experience', audience: 'staff', intro: 'Corrected words.' });
    expect(survey.questions.map((q) => [q.questionId, q.position, q.text])).toEqual([
      [questionIds[0], 1, 'First question'], [questionIds[1], 2, 'I was listened to'], [questionIds[2], 3, 'Last question'],
    ]);
    expect(survey.questions[1]).toMatchObject({ hint: 'Think of your last visit', scale: [...likertScales.frequency], required: false, asksPersonalData: false });
    const audit = await database.db.query<{ action: string; details: { change?: string; changed?: string[] } }>(
      "select action, details from audit_events where subject = $1 and action in ('survey.details_changed', 'survey.question_changed') order by event_id", [`survey:${surveyId}`]);
    expect(audit).toEqual([
      { action: 'survey.details_changed', details: { changed: ['title', 'audience', 'intro'] } },
      { action: 'survey.question_changed', details: { change: 'question_changed' } },
    ]);
  });

  it('refuses both changes once a wave has opened, with the reason, and no longer offers them', async () => {
    const { surveyId, questionIds } = await aSurvey('Opened before correcting', 'staff', [likert('I feel supported')]);
    await aWave(surveyId, 'Baseline');
    const details = services.surveys.changeDetails(lead, surveyId, { title: 'New title', audience: 'staff', intro: '' });
    await expect(details).rejects.toBeInstanceOf(SurveyRefusal);
    await expect(details).rejects.toMatchObject({ statusCode: 409, message: detailsFixedMessage });
    await expect(services.surveys.changeQuestion(lead, surveyId, questionIds[0]!, likert('Changed'))).rejects.toMatchObject({ statusCode: 409, message: fixedMessage });

    const page = await get(`/surveys/${surveyId}`, 'service_manager');
    expect(page.body).not.toContain(`/surveys/${surveyId}/details`);
    expect(page.body).not.toContain('/change"');
    const detailsPage = await get(`/surveys/${surveyId}/details`, 'service_manager');
    expect(flat(detailsPage.body)).toContain('This survey’s details cannot change because a wave has been opened');
    expect(detailsPage.body).not.toContain('name="title"');
    const postedDetails = await post(`/surveys/${surveyId}/details`, { title: 'New title', audience: 'staff', intro: '' });
    expect(postedDetails.statusCode).toBe(409);
    expect(flat(postedDetails.body)).toContain(detailsFixedMessage);
    const postedQuestion = await post(`/surveys/${surveyId}/questions/${questionIds[0]}/change`, { text: 'Changed', hint: '', kind: 'likert', scale: 'agreement' });
    expect(postedQuestion.statusCode).toBe(409);
    expect(flat(postedQuestion.body)).toContain(fixedMessage);
    expect(await services.surveys.show(lead, surveyId)).toMatchObject({ title: 'Opened before correcting', questions: [{ text: 'I feel supported' }] });
  });

  it('checks the changed details and question like new ones: messages beside the fields, what was typed kept, nothing saved', async () => {
    await aSurvey('Title in use', 'staff', []);
    const { surveyId, questionIds } = await aSurvey('Being corrected', 'families', [likert('My worker listened')]);
    const details = await post(`/surveys/${surveyId}/details`, { title: 'title in use', audience: 'families', intro: 'Typed words' });
    expect(details.statusCode).toBe(200);
    expect(flat(details.body)).toContain('Error: There is already a survey with this title');
    expect(details.body).toContain('value="title in use"');
    expect(details.body).toContain('>Typed words</textarea>');
    const empty = await post(`/surveys/${surveyId}/details`, { title: ' ', audience: '', intro: '' });
    expect(flat(empty.body)).toContain('Error: Enter the survey’s title');
    expect(flat(empty.body)).toContain('Error: Select who the survey is for');

    const question = await post(`/surveys/${surveyId}/questions/${questionIds[0]}/change`, { text: 'What is your postcode?', hint: 'Kept hint', kind: 'free_text', scale: 'agreement' });
    expect(question.statusCode).toBe(200);
    expect(flat(question.body)).toContain('This question looks as if it asks for something that could identify someone');
    expect(question.body).toContain('value="What is your postcode?"');
    expect(question.body).toContain('value="Kept hint"');
    const personal = await post(`/surveys/${surveyId}/questions/${questionIds[0]}/change`, { text: 'Your name', hint: '', kind: 'free_text', scale: 'agreement', flags: 'required' });
    expect(flat(personal.body)).toContain('This question looks as if it asks for something that could identify someone');
    const noScale = await post(`/surveys/${surveyId}/questions/${questionIds[0]}/change`, { text: 'Fine words', hint: '', kind: 'likert', scale: '' });
    expect(flat(noScale.body)).toContain('Error: Select the answers people choose from');
    expect(await services.surveys.show(lead, surveyId)).toMatchObject({ title: 'Being corrected', intro: 'Tell us how it went.', questions: [{ text: 'My worker listened', kind: 'likert' }] });
    await expect(services.surveys.changeQuestion(lead, surveyId, 2_000_000_000, likert('Nowhere'))).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses practitioners and analysts both changes', async () => {
    const { surveyId, questionIds } = await aSurvey('Not theirs to change', 'staff', [likert('I feel supported')]);
    for (const role of ['practitioner', 'analyst']) {
      for (const url of [`/surveys/${surveyId}/details`, `/surveys/${surveyId}/questions/${questionIds[0]}/change`]) {
        expect((await get(url, role)).statusCode, `${role} ${url}`).toBe(403);
      }
    }
    expect((await get(`/surveys/${surveyId}`, 'analyst')).body).not.toContain(`/surveys/${surveyId}/details`);
    await expect(services.surveys.changeDetails(analyst, surveyId, { title: 'Theirs', audience: 'staff', intro: '' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(services.surveys.changeQuestion(analyst, surveyId, questionIds[0]!, likert('Theirs'))).rejects.toMatchObject({ statusCode: 403 });
    expect(await services.surveys.show(lead, surveyId)).toMatchObject({ title: 'Not theirs to change', questions: [{ text: 'I feel supported' }] });
  });
});

describe(`links and responses (${engineUnderTest})`, () => {
  let surveyId: number;
  let questionIds: number[];
  let waveId: number;

  beforeAll(async () => {
    ({ surveyId, questionIds } = await aSurvey('Links and responses', 'families', [
      likert('My worker listened to me', { required: true }), freeText('What could we do better?'), freeText('If you would like us to contact you, leave a phone number', { asksPersonalData: true }),
    ]));
    waveId = await aWave(surveyId, 'Baseline');
  });

  it('issues single-use links as a CSV download, keeping only a SHA-256 hash of each token', async () => {
    const { token, cookie } = await openForm(app, `/surveys/waves/${waveId}/links`, cookies.service_manager);
    const response = await app.inject({ method: 'POST', url: `/surveys/waves/${waveId}/links`, headers: { ...posted, cookie }, payload: form({ _csrf: token, count: '3' }) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['cache-control']).toBe('no-store');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('Survey link');
    const tokens = lines.slice(1).map((url) => /^http:\/\/localhost(:\d+)?\/survey\/([A-Za-z0-9_-]{43})$/.exec(url)![2]!);
    expect(new Set(tokens).size).toBe(3);
    const stored = await database.db.query<Record<string, unknown>>('select * from survey_links where wave_id = $1 order by link_id', [waveId]);
    expect(stored.map((row) => row.token_hash).sort()).toEqual(tokens.map(tokenHash).sort());
    const everything = JSON.stringify(stored);
    for (const t of tokens) expect(everything).not.toContain(t);
    const audit = await database.db.query<{ details: { count: number } }>("select details from audit_events where action = 'survey.links_issued' and subject = $1", [`wave:${waveId}`]);
    expect(audit.map((a) => a.details.count)).toEqual([3]);
    const bad = await openForm(app, `/surveys/waves/${waveId}/links`, cookies.service_manager);
    const refused = await app.inject({ method: 'POST', url: `/surveys/waves/${waveId}/links`, headers: { ...posted, cookie: bad.cookie }, payload: form({ _csrf: bad.token, count: '0' }) });
    expect(flat(refused.body)).toContain('Error: Enter at least 1 link');
  });

  it('takes one response per link without an account, keeps answers on a problem, and then answers the link like an unknown one', async () => {
    const [token] = await services.surveys.issueLinks(lead, waveId, 1);
    const page = await openForm(app, `/survey/${token}`);
    expect(flat(page.html)).toContain('Some questions ask for personal information. You do not have to answer them.');
    expect(flat(page.html)).toContain('What could we do better? (optional)');
    // A respondent's footer speaks to them, not the staff one about children's records.
    expect(flat(page.html)).toContain('We do not ask who you are, and we do not record it.');
    expect(page.html).not.toContain("Every view of a child's record is recorded");
    const missing = await app.inject({ method: 'POST', url: `/survey/${token}`, headers: { ...posted, cookie: page.cookie }, payload: form({ _csrf: page.token, [`q${questionIds[1]}`]: 'More visits' }) });
    expect(missing.statusCode).toBe(200);
    expect(flat(missing.body)).toContain('Error: Select an answer to this question');
    expect(missing.body).toContain('>More visits</textarea>');
    const sent = await app.inject({
      method: 'POST', url: `/survey/${token}`, headers: { ...posted, cookie: page.cookie },
      payload: form({ _csrf: page.token, [`q${questionIds[0]}`]: '2', [`q${questionIds[1]}`]: 'More visits' }),
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/survey/thank-you');
    const again = await app.inject({ method: 'GET', url: `/survey/${token}` });
    const unknown = await app.inject({ method: 'GET', url: `/survey/${'x'.repeat(43)}` });
    const malformed = await app.inject({ method: 'GET', url: '/survey/not-a-token' });
    expect([again.statusCode, unknown.statusCode, malformed.statusCode]).toEqual([404, 404, 404]);
    expect(flat(again.body)).toContain('This survey link cannot be used');
    expect(flat(again.body)).toBe(flat(unknown.body));
    const resent = await app.inject({ method: 'POST', url: `/survey/${token}`, headers: { ...posted, cookie: page.cookie }, payload: form({ _csrf: page.token, [`q${questionIds[0]}`]: '1' }) });
    expect(resent.statusCode).toBe(404);
    const responses = await database.db.query<{ link_id: number; used: boolean }>(
      'select r.link_id, l.used_at is not null as used from survey_responses r join survey_links l on l.link_id = r.link_id where l.token_hash = $1', [tokenHash(token!)]);
    expect(responses).toEqual([{ link_id: expect.any(Number), used: true }]);
    const answers = await database.db.query('select a.question_id, a.choice, a.words from survey_answers a join survey_responses r using (response_id) where r.link_id = $1 order by a.question_id', [responses[0]!.link_id]);
    expect(answers).toEqual([{ question_id: questionIds[0], choice: 2, words: null }, { question_id: questionIds[1], choice: null, words: 'More visits' }]);
  });

  it('keeps nothing about the respondent: no address, browser or account on a response', async () => {
    const columns = await database.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_name in ('survey_responses', 'survey_answers') order by table_name, ordinal_position`);
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
      'survey_answers.response_id', 'survey_answers.question_id', 'survey_answers.choice', 'survey_answers.words',
      'survey_responses.response_id', 'survey_responses.link_id', 'survey_responses.wave_id',
    ]);
    const audit = await database.db.query<{ actor: string; user_id: string | null; details: object }>("select actor, user_id, details from audit_events where action = 'survey.responded'");
    expect(audit.length).toBeGreaterThan(0);
    for (const event of audit) expect(event).toEqual({ actor: 'system:survey respondent', user_id: null, details: {} });
  });

  it('records exactly one of two responses sent for one link at the same moment', async () => {
    const [token] = await services.surveys.issueLinks(lead, waveId, 1);
    const answers: Answers = new Map([[questionIds[0]!, { choice: 1 }]]);
    const results = await Promise.all([services.surveys.respond(token!, answers), services.surveys.respond(token!, answers)]);
    expect(results.sort()).toEqual(['not_available', 'recorded']);
    expect(await database.db.query('select 1 from survey_responses r join survey_links l using (link_id) where l.token_hash = $1', [tokenHash(token!)])).toHaveLength(1);
    // The database refuses a second response for a link even if the service's check were bypassed.
    const [link] = await database.db.query<{ link_id: number }>('select link_id from survey_links where token_hash = $1', [tokenHash(token!)]);
    await expect(database.db.query('insert into survey_responses (link_id, wave_id) values ($1, $2)', [link!.link_id, waveId])).rejects.toMatchObject({ code: '23505' });
  });

  it('closing a wave stops responses and links: an unused link then gets the same kind page', async () => {
    const [token] = await services.surveys.issueLinks(lead, waveId, 1);
    const { token: csrf, cookie, html } = await openForm(app, `/surveys/waves/${waveId}/close`, cookies.service_manager);
    // The page asks first, and posts back with confirmed=yes.
    expect(html).toContain('Yes, close the wave');
    const closed = await app.inject({ method: 'POST', url: `/surveys/waves/${waveId}/close`, headers: { ...posted, cookie }, payload: form({ _csrf: csrf, confirmed: 'yes' }) });
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`/surveys/waves/${waveId}/results`);
    const page = await app.inject({ method: 'GET', url: `/survey/${token}` });
    expect(page.statusCode).toBe(404);
    expect(flat(page.body)).toContain('This survey link cannot be used');
    expect(await services.surveys.respond(token!, new Map([[questionIds[0]!, { choice: 1 }]]))).toBe('not_available');
    await expect(services.surveys.issueLinks(lead, waveId, 1)).rejects.toMatchObject({ statusCode: 409 });
    expect((await services.surveys.wave(lead, waveId)).wave.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('rate-limits the public page per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await app.inject({ method: 'GET', url: '/survey/not-a-token', remoteAddress: '10.200.0.1' })).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

describe(`results and comparing waves (${engineUnderTest})`, () => {
  let surveyId: number;
  let baseline: number;
  let comparator: number;

  beforeAll(async () => {
    const built = await aSurvey('Staff survey', 'staff', [
      likert('I have enough time for direct work'), likert('My supervision helps me'), freeText('What one thing would help most?'), freeText('Your team name', { asksPersonalData: true }),
    ]);
    surveyId = built.surveyId;
    baseline = await aWave(surveyId, 'Baseline 2025');
    // 6 respondents: Q1 answered by 6 (2, 2, 1, 1, 0), Q2 by 4 only, Q3 by 5, Q4 by 5.
    await respondAll(baseline, built.questionIds, [
      [1, 1, 'Fewer forms', 'North'], [1, 2, 'More time', 'North'], [2, 3, 'Admin support', 'South'], [2, 4, 'Cover for leave', 'South'], [3, null, 'Better laptops', 'East'], [4, null, null, null],
    ]);
    await services.surveys.closeWave(lead, baseline);
    comparator = await aWave(surveyId, 'Comparator 2026');
    // 8 respondents: Q1 answered by 8 (4, 2, 1, 0, 1), Q2 by 8 (all Agree), Q3 by 2, Q4 by none.
    await respondAll(comparator, built.questionIds, [
      [1, 2, 'More staff', null], [1, 2, null, null], [1, 2, 'Less travel', null], [1, 2, null, null], [2, 2, null, null], [2, 2, null, null], [3, 2, null, null], [5, 2, null, null],
    ]);
  });

  it('compares two waves of one survey by hand: counts, percentages and respondents, suppressing groups under 5', async () => {
    const comparison = await services.surveys.compareWaves(analyst, baseline, comparator);
    expect(comparison.surveyTitle).toBe('Staff survey');
    expect(comparison.audience).toBe('staff');
    expect(comparison.baseline).toMatchObject({ id: baseline, surveyId, name: 'Baseline 2025', respondents: 6, closedOn: expect.any(String) });
    expect(comparison.comparator).toMatchObject({ id: comparator, name: 'Comparator 2026', respondents: 8, closedOn: null });
    const [time, supervision, help, team] = comparison.questions;
    // Q1: baseline 2/6 = 33.3, 1/6 = 16.7, 0; comparator 4/8 = 50.0, 2/8 = 25.0, 1/8 = 12.5.
    expect(time!.options.map((o) => [o.baseline.count, o.baseline.percent, o.comparator.count, o.comparator.percent])).toEqual([
      [2, 33.3, 4, 50], [2, 33.3, 2, 25], [1, 16.7, 1, 12.5], [1, 16.7, 0, 0], [0, 0, 1, 12.5],
    ]);
    expect(time!.answered).toEqual({ baseline: 6, comparator: 8 });
    expect(supervision).toMatchObject({ answered: { baseline: 4, comparator: 8 }, suppressed: true });
    expect(supervision!.options.every((o) => o.baseline.count === null && o.comparator.percent === null)).toBe(true);
    expect(help).toMatchObject({ kind: 'free_text', answered: { baseline: 5, comparator: 2 }, suppressed: true, options: [] });
    expect(team).toMatchObject({ answered: { baseline: 5, comparator: 0 }, suppressed: true });
    const summaries = await services.surveys.listWaves(analyst);
    expect(summaries.filter((w) => w.surveyId === surveyId).map((w) => [w.name, w.respondents, w.audience, w.surveyTitle]))
      .toEqual([['Baseline 2025', 6, 'staff', 'Staff survey'], ['Comparator 2026', 8, 'staff', 'Staff survey']]);
  });

  it('refuses to compare waves of different surveys', async () => {
    const other = await aSurvey('Another survey', 'staff', [likert('Something')]);
    const otherWave = await aWave(other.surveyId, 'Baseline');
    await expect(services.surveys.compareWaves(analyst, baseline, otherWave)).rejects.toMatchObject({ statusCode: 409, message: 'Choose two waves of the same survey to compare' });
  });

  it('shows a wave’s results page: respondents, counts and percentages, free text only from 5 answers, personal answers only to the lead', async () => {
    const analystPage = flat((await get(`/surveys/waves/${baseline}/results`, 'analyst')).body);
    expect(analystPage).toContain('Respondents 6');
    expect(analystPage).toContain('Answered by 6');
    expect(analystPage).toMatch(/Strongly agree 2 33\.3% Agree 2 33\.3% Neither agree nor disagree 1 16\.7% Disagree 1 16\.7% Strongly disagree 0 0\.0%/);
    expect(analystPage).toMatch(/2\. My supervision helps me Fewer than 5 responses 3\./);
    expect(analystPage).toContain('Admin support Better laptops Cover for leave Fewer forms More time');
    expect(analystPage).toContain('only the quality lead can read its answers');
    expect(analystPage).not.toContain('North');
    const leadPage = flat((await get(`/surveys/waves/${baseline}/results`, 'service_manager')).body);
    expect(leadPage).toContain('East North North South South');
    const comparatorPage = flat((await get(`/surveys/waves/${comparator}/results`, 'analyst')).body);
    expect(comparatorPage).not.toContain('More staff');
  });

  it('shows the comparison page with both waves’ figures and "fewer than 5" for suppressed groups', async () => {
    const page = await get(`/surveys/${surveyId}/compare?baseline=${baseline}&comparator=${comparator}`, 'team_manager');
    expect(page.statusCode).toBe(200);
    const text = flat(page.body);
    expect(text).toContain('Respondents 6 8');
    expect(text).toMatch(/Strongly agree 2 33\.3% 4 50\.0%/);
    expect(text).toMatch(/2\. My supervision helps me Fewer than 5 responses in one or both waves: figures not shown\./);
    const same = flat((await get(`/surveys/${surveyId}/compare?baseline=${baseline}&comparator=${baseline}`, 'analyst')).body);
    expect(same).toContain('Error: Select a different wave from the baseline');
  });
});

describe(`who may do what (${engineUnderTest})`, () => {
  it('refuses practitioners every survey page; analysts see results but cannot build or change', async () => {
    const { surveyId } = await aSurvey('Permissions', 'families', [likert('Question')]);
    const waveId = await aWave(surveyId, 'Baseline');
    for (const url of ['/surveys', `/surveys/${surveyId}`, `/surveys/waves/${waveId}/results`, '/surveys/new']) {
      expect((await get(url, 'practitioner')).statusCode, url).toBe(403);
    }
    expect((await get(`/surveys/waves/${waveId}/results`, 'analyst')).statusCode).toBe(200);
    expect((await get('/surveys', 'analyst')).statusCode).toBe(200);
    for (const url of ['/surveys/new', `/surveys/${surveyId}/questions/new`, `/surveys/waves/${waveId}/links`, `/surveys/waves/${waveId}/close`, `/surveys/${surveyId}/waves/new`]) {
      expect((await get(url, 'analyst')).statusCode, url).toBe(403);
    }
    const page = await get(`/surveys/${surveyId}`, 'analyst');
    expect(page.body).not.toContain('Issue links');
    await expect(services.surveys.create(analyst, { title: 'Not allowed', audience: 'staff', intro: '' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(services.surveys.issueLinks(analyst, waveId, 1)).rejects.toMatchObject({ statusCode: 403 });
    const practitioner: Actor = { kind: 'user', user: await aUser(database.db, 'practitioner') };
    await expect(services.surveys.listWaves(practitioner)).rejects.toMatchObject({ statusCode: 403 });
  });
});

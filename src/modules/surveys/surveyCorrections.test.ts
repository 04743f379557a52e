/**
 * Issue 12: a survey wave's dates corrected as an amendment with a reason (audited, shown as "amended by … on …
 * because …", the quality report choosing its waves by the corrected dates), and removing a question asks first.
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
import { likertScales } from './survey.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let lead: Actor;
let cookie: string;
let surveyId: number;
let baseline: number;
let later: number;

const date = (field: string, iso: string) => ({ [`${field}-day`]: String(Number(iso.slice(8))), [`${field}-month`]: String(Number(iso.slice(5, 7))), [`${field}-year`]: iso.slice(0, 4) });

/** Post a form from the page at `formUrl`, as a browser would. */
async function post(url: string, fields: Record<string, string>, formUrl = url) {
  const page = await openForm(app, formUrl, cookie);
  const response = await app.inject({
    method: 'POST', url, headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: page.token, ...fields }).toString(),
  });
  cookie = sessionCookie(response, page.cookie);
  return response;
}
/** The wave the quality report's select chooses by default. */
async function chosenByDefault(side: 'Baseline' | 'Comparator'): Promise<number> {
  const page = await app.inject({ url: paths.quality.report(), headers: { cookie } });
  const select = new RegExp(`id="survey${surveyId}${side}"[^>]*>([\\s\\S]*?)</select>`).exec(page.body)?.[1] ?? '';
  return Number(/<option value="(\d+)" selected/.exec(select)?.[1]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  const signedIn = await signInAs(app, services, 'service_manager', { displayName: 'Fiona Lead' });
  cookie = signedIn.cookie;
  lead = { kind: 'user', user: signedIn.user };
  const created = await services.surveys.create(lead, { title: 'Staff survey', audience: 'staff', intro: '' });
  if (created.outcome !== 'done') throw new Error('no survey');
  surveyId = created.surveyId;
  await services.surveys.addQuestion(lead, surveyId, { kind: 'likert', text: 'I feel supported', hint: '', scale: [...likertScales.agreement], asksPersonalData: false, required: false });
  const first = await services.surveys.openWave(lead, surveyId, 'Baseline', '2025-01-13');
  if (first.outcome !== 'done') throw new Error('no wave');
  baseline = first.waveId;
  await services.surveys.closeWave(lead, baseline, '2025-02-28');
  const second = await services.surveys.openWave(lead, surveyId, 'Follow-up', '2025-06-02');
  if (second.outcome !== 'done') throw new Error('no wave');
  later = second.waveId;
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe(`correcting a survey wave's dates (${engineUnderTest})`, () => {
  it('refuses a correction without a reason, or closing before opening, keeping what was typed and writing nothing', async () => {
    const noReason = await post(paths.surveys.correctWave({ waveId: baseline }), { ...date('opensOn', '2025-01-06'), ...date('closedOn', '2025-02-28'), reason: '' });
    expect(noReason.statusCode).toBe(200);
    expect(noReason.body).toContain('Enter why you are correcting the wave’s dates');
    expect(noReason.body).toContain('name="opensOn-day" type="text" value="6"');
    const backwards = await post(paths.surveys.correctWave({ waveId: baseline }), { ...date('opensOn', '2025-03-06'), ...date('closedOn', '2025-02-28'), reason: 'Typo' });
    expect(backwards.body).toContain('Date it closed must be on or after the date it opened');
    expect((await services.surveys.wave(lead, baseline)).wave).toMatchObject({ opensOn: '2025-01-13', closedOn: '2025-02-28' });
    expect(await services.surveys.waveAmendments(lead, [baseline])).toEqual([]);
  });

  it('corrects a closed wave’s dates with a reason: the survey page shows who, when and why, and it is audited', async () => {
    const corrected = await post(paths.surveys.correctWave({ waveId: baseline }), { ...date('opensOn', '2025-01-06'), ...date('closedOn', '2025-02-28'), reason: 'it opened on the Monday before' });
    expect(corrected.statusCode).toBe(303);
    expect((await services.surveys.wave(lead, baseline)).wave).toMatchObject({ opensOn: '2025-01-06', closedOn: '2025-02-28' });
    const page = await app.inject({ url: paths.surveys.show({ surveyId }), headers: { cookie } });
    expect(page.body).toContain('Dates of Baseline corrected');
    expect(page.body).toMatch(/Baseline: Amended by Fiona Lead on \d{1,2} \w+ \d{4}, \d{2}:\d{2} because it opened on the Monday before/);
    expect(page.body).toContain('Opened: was 13 January 2025, now 6 January 2025');
    expect(page.body).not.toContain('Closed: was');
    const events = await database.db.query<{ subject: string; reason: string; details: object }>("select subject, reason, details from audit_events where action = 'survey.wave_dates_amended'");
    expect(events).toEqual([{ subject: `wave:${baseline}`, reason: 'it opened on the Monday before', details: { before: { Opened: '13 January 2025' }, after: { Opened: '6 January 2025' } } }]);
  });

  it('the quality report chooses its before and after waves by the corrected dates', async () => {
    expect([await chosenByDefault('Baseline'), await chosenByDefault('Comparator')]).toEqual([baseline, later]);
    // The follow-up was in fact run first: corrected, it becomes the report's "before".
    const corrected = await post(paths.surveys.correctWave({ waveId: later }), { ...date('opensOn', '2024-11-04'), reason: 'recorded in the wrong year' });
    expect(corrected.statusCode).toBe(303);
    expect([await chosenByDefault('Baseline'), await chosenByDefault('Comparator')]).toEqual([later, baseline]);
    const waves = await services.surveys.listWaves(lead);
    expect(waves.find((w) => w.id === later)).toMatchObject({ opensOn: '2024-11-04', closedOn: null });
  });

  it('is for the quality lead only', async () => {
    const analyst = await signInAs(app, services, 'analyst');
    expect((await app.inject({ url: paths.surveys.correctWave({ waveId: baseline }), headers: { cookie: analyst.cookie } })).statusCode).toBe(403);
  });
});

describe(`asking before removing a question or closing a wave (${engineUnderTest})`, () => {
  it('asks before removing a question, and removes it only when the person says yes', async () => {
    const created = await services.surveys.create(lead, { title: 'Draft survey', audience: 'families', intro: '' });
    if (created.outcome !== 'done') throw new Error('no survey');
    for (const text of ['Were you listened to?', 'Anything else?']) {
      await services.surveys.addQuestion(lead, created.surveyId, { kind: 'free_text', text, hint: '', scale: [], asksPersonalData: false, required: false });
    }
    const [question] = (await services.surveys.show(lead, created.surveyId)).questions;
    const remove = paths.surveys.removeQuestion({ surveyId: created.surveyId, questionId: question!.questionId });
    const asked = await post(remove, {}, paths.surveys.show({ surveyId: created.surveyId }));
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Remove this question?');
    expect(asked.body).toContain('“Were you listened to?”');
    expect((await services.surveys.show(lead, created.surveyId)).questions).toHaveLength(2);
    const removed = await post(remove, { confirmed: 'yes' }, paths.surveys.show({ surveyId: created.surveyId }));
    expect(removed.statusCode).toBe(303);
    expect((await services.surveys.show(lead, created.surveyId)).questions.map((q) => q.text)).toEqual(['Anything else?']);
  });

  it('asks before closing a wave, and closes it only when the person says yes', async () => {
    const close = paths.surveys.close({ waveId: later });
    const page = await app.inject({ url: close, headers: { cookie } });
    expect(page.body).toContain('Close the wave Follow-up?');
    expect(page.body).toContain('name="confirmed" value="yes"');
    const unconfirmed = await post(close, {});
    expect(unconfirmed.statusCode).toBe(200);
    expect((await services.surveys.wave(lead, later)).wave.closedOn).toBeNull();
    const closed = await post(close, { confirmed: 'yes' });
    expect(closed.statusCode).toBe(303);
    expect((await services.surveys.wave(lead, later)).wave.closedOn).not.toBeNull();
  });
});

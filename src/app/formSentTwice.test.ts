/**
 * @module A form sent twice is saved once (ADR 0085): the same form's token sent again — at the same moment, or after
 * the first was saved (a click again on a slow line) — is sent on to where the first went, with its message, and
 * saves nothing more. A form shown again with problems gives its token up; a form drawn again, or sent again with
 * other words, is a new sending; another person's token is never theirs to repeat. That every form carries a token is
 * checked by the walk of every form (draftsForEveryForm.test.ts).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../test/support/testDatabase.js';
import { aCase, aChild } from '../../test/support/factories.js';
import { testConfig } from '../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../test/support/signIn.js';
import { buildServices, type Services } from '../composition.js';
import { submissionRepository } from '../platform/forms/submissions/submissionRepository.js';
import { submissionService } from '../platform/forms/submissions/submissionService.js';
import { paths } from '../platform/http/paths.js';
import { buildApp } from './app.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let worker: string;
let manager: string;
let workerId: string;
let managerId: string;
const chronology = paths.children.chronology({ childId: 'FS1' });

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  await aChild(database.db, { childId: 'FS1', forename: 'Eilidh', surname: 'Grant' });
  await aCase(database.db, 'FS1', { team: 'Family First', workerId: 'W1' });
  app = await buildApp(services, { logger: false });
  const signedIn = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
  worker = signedIn.cookie;
  workerId = signedIn.user.userId;
  const managerSignedIn = await signInAs(app, services, 'team_manager', { team: 'Family First' });
  manager = managerSignedIn.cookie;
  managerId = managerSignedIn.user.userId;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** The chronology's form as drawn for this person: its tokens and the cookie to send it with. */
async function chronologyForm(cookie: string) {
  const { token, cookie: sent, html } = await openForm(app, chronology, cookie);
  const submission = /name="_submission" value="([^"]+)"/.exec(html)?.[1];
  expect(submission).toMatch(/^[A-Za-z0-9_-]{22}$/);
  return { cookie: sent, fields: { _csrf: token, _submission: submission! } };
}

const event = (title: string) => ({ 'event-day': '3', 'event-month': '11', 'event-year': '2026', title, details: '' });

function send(form: { cookie: string; fields: Record<string, string> }, values: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url: chronology,
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...form.fields, ...values }).toString(),
  });
}

async function eventsTitled(title: string): Promise<number> {
  const [row] = await database.db.query<{ n: number }>('select count(*)::int as n from significant_events where child_id = $1 and title = $2', ['FS1', title]);
  return row!.n;
}

describe(`a form sent twice is saved once (${engineUnderTest})`, () => {
  it('saves a form sent twice at the same moment once, and sends both to the same page with the same message', async () => {
    const form = await chronologyForm(worker);
    const [first, second] = await Promise.all([send(form, event('Clicked twice')), send(form, event('Clicked twice'))]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await eventsTitled('Clicked twice')).toBe(1);
    for (const answer of [first, second]) {
      const page = await app.inject({ method: 'GET', url: String(answer.headers.location), headers: { cookie: sessionCookie(answer, form.cookie) } });
      expect(page.body).toContain('Significant event added to the chronology');
    }
  });

  it('sends a form sent again after it was saved to where it went, saving nothing more', async () => {
    const form = await chronologyForm(worker);
    const first = await send(form, event('Clicked again on a slow line'));
    const again = await send(form, event('Clicked again on a slow line'));
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await eventsTitled('Clicked again on a slow line')).toBe(1);
  });

  it('saves the same form sent again with other words: back to the form, a word changed, sent', async () => {
    const form = await chronologyForm(worker);
    expect((await send(form, event('Visit on Monday'))).statusCode).toBe(303);
    expect((await send(form, event('Visit on Tuesday'))).statusCode).toBe(303);
    expect([await eventsTitled('Visit on Monday'), await eventsTitled('Visit on Tuesday')]).toEqual([1, 1]);
  });

  it('saves the same words again from a form drawn again: a second entry made on purpose', async () => {
    for (let i = 0; i < 2; i++) expect((await send(await chronologyForm(worker), event('Visited twice'))).statusCode).toBe(303);
    expect(await eventsTitled('Visited twice')).toBe(2);
  });

  it('lets a form shown again with problems be sent again, put right, and saved', async () => {
    const form = await chronologyForm(worker);
    const problem = await send(form, event(''));
    expect(problem.statusCode).toBe(422);
    expect(problem.body).toContain('What happened');
    expect((await send(form, event('Put right'))).statusCode).toBe(303);
    expect(await eventsTitled('Put right')).toBe(1);
  });

  it('never repeats another person’s sending for them', async () => {
    const theirs = await chronologyForm(worker);
    expect((await send(theirs, event('Sent by the worker'))).statusCode).toBe(303);
    const mine = await chronologyForm(manager);
    const answer = await send({ cookie: mine.cookie, fields: { ...mine.fields, _submission: theirs.fields._submission } }, event('Sent by the manager'));
    expect(answer.statusCode).toBe(303);
    expect(await eventsTitled('Sent by the manager')).toBe(1);
  });

  it('waits for a first sending still being saved, and says so rather than saving twice when it takes too long', async () => {
    const submissions = submissionService(database.db, submissionRepository(), { waitMs: 200, pollMs: 20, keepHours: 24, abandonedAfterSeconds: 600 });
    const token = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect(await submissions.claim(token, workerId, chronology, 'the same fields')).toEqual({ kind: 'first', claimed: true });
    expect(await submissions.claim(token, workerId, chronology, 'the same fields')).toEqual({ kind: 'still saving' });
    const waiting = submissions.claim(token, workerId, chronology, 'the same fields');
    await submissions.saved(token, '/somewhere', 'Saved');
    expect(await waiting).toEqual({ kind: 'repeat', sentTo: '/somewhere', notice: 'Saved' });
    await submissions.notSaved(token);
    expect(await submissions.claim(token, workerId, chronology, 'the same fields')).toEqual({ kind: 'first', claimed: true });
  });

  it('takes over a sending whose request never answered (its process stopped) once the claim is ten minutes old', async () => {
    const submissions = submissionService(database.db, submissionRepository(), { waitMs: 100, pollMs: 20, keepHours: 24, abandonedAfterSeconds: 600 });
    const claimedAgo = (token: string, minutes: number) =>
      database.db.query(`update form_submissions set claimed_at = now() - make_interval(mins => $2) where token = $1`, [token, minutes]);
    // Claimed by a request whose process then stopped: never settled.
    const stranded = 'BBBBBBBBBBBBBBBBBBBBBB';
    expect(await submissions.claim(stranded, workerId, chronology, 'the same fields')).toEqual({ kind: 'first', claimed: true });
    await claimedAgo(stranded, 9);
    expect(await submissions.claim(stranded, workerId, chronology, 'the same fields')).toEqual({ kind: 'still saving' });
    await claimedAgo(stranded, 11);
    // Another person's sending, or other words, are saved as sent and leave the claim where it is.
    expect(await submissions.claim(stranded, managerId, chronology, 'the same fields')).toEqual({ kind: 'first', claimed: false });
    expect(await submissions.claim(stranded, workerId, chronology, 'other fields')).toEqual({ kind: 'first', claimed: false });
    // The same person's same sending claims it afresh: saved once, and a repeat after that is sent where it went.
    expect(await submissions.claim(stranded, workerId, chronology, 'the same fields')).toEqual({ kind: 'first', claimed: true });
    expect(await submissions.claim(stranded, workerId, chronology, 'the same fields')).toEqual({ kind: 'still saving' });
    await submissions.saved(stranded, '/saved', 'Saved');
    // Settled, a claim is a repeat however old, until it is a day old.
    await claimedAgo(stranded, 60);
    expect(await submissions.claim(stranded, workerId, chronology, 'the same fields')).toEqual({ kind: 'repeat', sentTo: '/saved', notice: 'Saved' });
  });
});

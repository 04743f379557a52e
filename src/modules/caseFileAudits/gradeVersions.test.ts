/**
 * Versions on audit grades (issue 12): the same file's grades open in two sessions, saved one after the other.
 * Different fields are merged; the same field changed both ways shows both values to choose from, and the choice is saved.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { addUser, sessionCookie, signIn } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { Grade } from './caseFileAudit.js';

describe(`two sessions grading the same file (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let auditor: SignedInUser & { password: string };
  let fileId: number;

  /** A session's open grading form, as a browser would send it untouched. */
  async function open(cookie: string) {
    const page = await app.inject({ url: paths.caseFileAudits.grade({ fileId }), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const form = postForms(page.body, paths.caseFileAudits.grade({ fileId })).find((f) => f.action === paths.caseFileAudits.grade({ fileId }))!;
    return { cookie: sessionCookie(page, cookie), fields: { ...form.hidden, ...form.shown } };
  }
  async function save(session: { cookie: string; fields: Record<string, string> }, changes: Record<string, string>) {
    const response = await app.inject({
      method: 'POST', url: paths.caseFileAudits.grade({ fileId }),
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...session.fields, ...changes }).toString(),
    });
    return Object.assign(response, { cookie: sessionCookie(response, session.cookie) });
  }
  const review = async () => (await services.caseFileAudits.openFile(auditor, fileId, 'audit'));

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'GV1', forename: 'Rhona', surname: 'Tait' });
    await aCase(database.db, 'GV1', { team: 'North', openedDate: '2025-01-01' });
    app = await buildApp(services, { logger: false });
    const lead = await addUser(services, 'service_manager');
    auditor = await addUser(services, 'team_manager', { team: 'South' });
    const rubricId = (await services.caseFileAudits.rubrics())[0]!.rubricId;
    const round = await services.caseFileAudits.createRound(lead, { name: 'Winter 2026', rubricId, periodStart: '2026-01-01', periodEnd: '2026-03-31', sampleSize: 5, stratified: false, seed: 3 });
    if (round.outcome === 'problems') throw new Error('no round');
    await services.caseFileAudits.allocate(lead, round.roundId, [auditor.userId]);
    fileId = (await services.caseFileAudits.files(round.roundId))[0]!.fileId;
    const grades: Record<string, Grade> = Object.fromEntries((await services.caseFileAudits.rubric(rubricId))!.questions.map((q) => [q.key, q.scale === 'yes_no' ? 'yes' : 'good']));
    expect(await services.caseFileAudits.grade(auditor, fileId, 'audit', { grades, strengths: 'Clear map', actions: 'None yet' })).toEqual({ outcome: 'graded' });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('merges changes to different fields: both are saved, and the second person is told the other change was kept', async () => {
    const first = await open(await signIn(app, auditor.username, auditor.password));
    const second = await open(await signIn(app, auditor.username, auditor.password));
    expect((await save(first, { q2: 'excellent' })).statusCode).toBe(303);
    const saved = await save(second, { actions: 'Add the child’s own words' });
    expect(saved.statusCode).toBe(303);
    const home = await app.inject({ url: paths.caseFileAudits.home(), headers: { cookie: saved.cookie } });
    expect(home.body).toContain('Someone else changed Question 2 meanwhile: their change is kept too.');
    const shown = await review();
    if (shown.outcome !== 'shown') throw new Error('not shown');
    const q2 = shown.rubric.questions[1]!.key;
    expect(shown.review).toMatchObject({ actions: 'Add the child’s own words', strengths: 'Clear map', version: 3 });
    expect(shown.review!.grades[q2]).toBe('excellent');
  });

  it('shows both values of a field changed both ways, writes nothing until one is chosen, then saves the choice', async () => {
    const first = await open(await signIn(app, auditor.username, auditor.password));
    const second = await open(await signIn(app, auditor.username, auditor.password));
    expect((await save(first, { q3: 'weak', strengths: 'Strong safety goals' })).statusCode).toBe(303);
    const clash = await save(second, { q3: 'adequate', actions: 'Review the plan' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Question 3: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: Weak');
    expect(clash.body).toContain('Use mine: Adequate');
    const before = await review();
    if (before.outcome !== 'shown') throw new Error('not shown');
    const q3 = before.rubric.questions[2]!.key;
    expect(before.review).toMatchObject({ strengths: 'Strong safety goals', actions: 'Add the child’s own words', version: 4 });
    expect(before.review!.grades[q3]).toBe('weak');

    // The clash page stands on the current version, with the other person's strengths and this person's actions.
    const again = postForms(clash.body, paths.caseFileAudits.grade({ fileId })).find((f) => f.action === paths.caseFileAudits.grade({ fileId }))!;
    expect(again.shown.strengths).toBe('Strong safety goals');
    expect(again.shown.actions).toBe('Review the plan');
    const chosen = await save({ cookie: clash.cookie, fields: { ...again.hidden, ...again.shown } }, { '_keep-q3': 'mine' });
    expect(chosen.statusCode).toBe(303);
    const after = await review();
    if (after.outcome !== 'shown') throw new Error('not shown');
    expect(after.review).toMatchObject({ strengths: 'Strong safety goals', actions: 'Review the plan', version: 5 });
    expect(after.review!.grades[q3]).toBe('adequate');
  });

  it('refuses a save that crosses another without a version in between: nothing is overwritten', async () => {
    const shown = await review();
    if (shown.outcome !== 'shown') throw new Error('not shown');
    const grades = shown.review!.grades;
    expect(await services.caseFileAudits.grade(auditor, fileId, 'audit', { grades, strengths: 'Stale', actions: '' }, 4)).toEqual({ outcome: 'changed_meanwhile' });
    const after = await review();
    expect(after.outcome === 'shown' && after.review!.strengths).toBe('Strong safety goals');
  });
});

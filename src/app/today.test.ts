import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../test/support/testDatabase.js';
import { aCase, aChild } from '../../test/support/factories.js';
import { testConfig } from '../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../test/support/signIn.js';
import { buildServices, type Services } from '../composition.js';
import { buildApp } from './app.js';
import { paths } from '../platform/http/paths.js';
import { addDays, todayIso } from '../platform/dates/isoDates.js';

describe(`a practitioner's today page (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let cookie: string;
  const today = todayIso();

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    const { db } = database;
    await aChild(db, { childId: 'N1', forename: 'Nell', surname: 'Orr', dateOfBirth: '2014-02-02' });
    await aChild(db, { childId: 'O1', forename: 'Owen', surname: 'Muir', dateOfBirth: '2013-03-03' });
    await aChild(db, { childId: 'X1', forename: 'Xander', surname: 'Hay', dateOfBirth: '2012-04-04' });
    const newCase = await aCase(db, 'N1', { team: 'Family First', workerId: 'W1', openedDate: addDays(today, -3) });
    const oldCase = await aCase(db, 'O1', { team: 'Family First', workerId: 'W1', openedDate: '2021-01-01' });
    await aCase(db, 'X1', { team: 'Family First', workerId: 'W2', openedDate: addDays(today, -1) });
    app = await buildApp(services, { logger: false });
    const signedIn = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    cookie = signedIn.cookie;
    const worker = signedIn.user;
    await services.caseloads.addTask(worker, { caseId: oldCase, kind: 'visit', description: 'Home visit overdue', dueDate: addDays(today, -2) });
    await services.caseloads.addTask(worker, { caseId: newCase, kind: 'task', description: 'Chase the school', dueDate: addDays(today, 3) });
    await services.caseloads.addTask(worker, { caseId: oldCase, kind: 'visit', description: 'Visit next month', dueDate: addDays(today, 30) });
    expect(await services.supervisionOrders.record(worker, 'O1', { kind: 'interim_cso', madeDate: addDays(today, -10), measures: 'Reside with grandmother', residence: 'With grandmother', hearingId: null, reviewDueDate: addDays(today, 5) })).toMatchObject({ outcome: 'done' });
    await services.drafts.keep(worker.userId, paths.referrals.new(), { reason: 'Half typed' });
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('shows the visits and tasks due this week, reviews due, new allocations and forms waiting, each linked', async () => {
    const page = await app.inject({ url: paths.home(), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Today</h1>');
    const section = (id: string) => page.body.slice(page.body.indexOf(`id="${id}"`), page.body.indexOf('<h2', page.body.indexOf(`id="${id}"`) + 1));
    expect(section('due')).toContain('Home visit overdue');
    expect(section('due')).toContain('Overdue');
    expect(section('due')).toContain('Chase the school');
    expect(section('due')).not.toContain('Visit next month');
    expect(section('reviews')).toContain(`href="${paths.supervisionOrders.child({ childId: 'O1' })}">Owen Muir</a>`);
    expect(section('allocations')).toContain(`href="${paths.children.show({ childId: 'N1' })}">Nell Orr</a>`);
    expect(section('allocations')).not.toContain('Owen Muir');
    expect(section('allocations')).not.toContain('Xander Hay');
    expect(section('drafts')).toContain(`href="${paths.referrals.new()}"`);
  });

  it('is audited as one view naming the children on the caseload (issue 16 item 5)', async () => {
    const count = async () => (await database.db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'caseload.viewed'`))[0]!.n;
    const before = await count();
    const page = await app.inject({ url: paths.home(), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
    const [event] = await database.db.query<{ details: { named: string[] } }>(`select details from audit_events where action = 'caseload.viewed' order by chain_position desc limit 1`);
    expect([...event!.details.named].sort()).toEqual(['N1', 'O1']);
  });

  it('gives back the draft from the link, lists it until it is discarded (or the form saved), then no longer', async () => {
    const form = await openForm(app, paths.referrals.new(), cookie);
    expect(form.html).toContain('Half typed');
    const stillWaiting = await app.inject({ url: paths.home(), headers: { cookie: form.cookie } });
    expect(stillWaiting.body).not.toContain('No forms are waiting.');
    const discarded = await app.inject({
      method: 'POST', url: paths.session.discardDraft(),
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: form.token, path: paths.referrals.new() }).toString(),
    });
    expect(discarded.statusCode).toBe(303);
    const page = await app.inject({ url: paths.home(), headers: { cookie: sessionCookie(discarded, form.cookie) } });
    expect(page.body).toContain('No forms are waiting.');
  });

  it('keeps the list of links for people without a caseload', async () => {
    const analyst = (await signInAs(app, services, 'analyst')).cookie;
    const page = await app.inject({ url: paths.home(), headers: { cookie: analyst } });
    expect(page.body).not.toContain('<h1 class="govuk-heading-l">Today</h1>');
    expect(page.body).toContain(`href="${paths.dashboards.show()}"`);
  });
});

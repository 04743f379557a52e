import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import { addDays } from '../../platform/dates/isoDates.js';
import { longDateOf } from '../../platform/dates/formats.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const dateParts = (field: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${field}-day`]: String(Number(day)), [`${field}-month`]: String(Number(month)), [`${field}-year`]: year! };
};
const today = new Date().toISOString().slice(0, 10);

describe(`supervision order pages: from a hearing, review, the care page and the managers' hub (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let cookie: string;
  let managerCookie: string;
  let hearingId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'Q1', forename: 'Eilidh', surname: 'Ross' });
    await aCase(database.db, 'Q1', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    const worker = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    cookie = worker.cookie;
    ({ cookie: managerCookie } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    const made = addDays(today, -300);
    await services.scra.refer(worker.user, 'Q1', { referralDate: addDays(made, -30), ground: 'o' });
    const found = await services.scra.referralsOf(worker.user, 'Q1');
    const referralId = found.outcome === 'found' ? found.referrals[0]!.scraReferralId : '';
    await services.scra.recordHearing(worker.user, 'Q1', referralId, { hearingDate: made, outcome: 'cso_made', reviewDate: addDays(today, 20) });
    const hearings = await services.scra.referralsOf(worker.user, 'Q1');
    hearingId = hearings.outcome === 'found' ? hearings.referrals[0]!.hearings[0]!.hearingId : '';
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('offers "Record the order" beside a hearing that made one and prefills the form from it', async () => {
    const scra = await app.inject({ url: paths.care.scra({ childId: 'Q1' }), headers: { cookie } });
    expect(scra.statusCode).toBe(200);
    expect(scra.body).toContain(`href="${paths.supervisionOrders.new({ childId: 'Q1' }, { hearingId }).replace('&', '&amp;')}"`);
    const page = await openForm(app, paths.supervisionOrders.new({ childId: 'Q1' }, { hearingId }), cookie);
    expect(page.html).toContain(`From the hearing on ${longDateOf(addDays(today, -300))}`);
    expect(page.html).toContain(`name="hearingId" value="${hearingId}"`);
    expect(page.html).toMatch(new RegExp(`name="reviewDueDate-year"[^>]*value="${addDays(today, 20).slice(0, 4)}"`));
    expect((await app.inject({ url: paths.supervisionOrders.new({ childId: 'Q1' }, { hearingId: 'H-nope' }), headers: { cookie } })).statusCode).toBe(404);
  });

  it('explains a missing residence condition beside the field, keeps what was typed, then records the order', async () => {
    const url = paths.supervisionOrders.new({ childId: 'Q1' }, { hearingId });
    const page = await openForm(app, url, cookie);
    const fields = { _csrf: page.token, hearingId, kind: 'cso_away', measures: 'Contact with father at weekends', residence: '', ...dateParts('madeDate', addDays(today, -300)), ...dateParts('reviewDueDate', addDays(today, 20)) };
    const refused = await app.inject({ method: 'POST', url: paths.supervisionOrders.new({ childId: 'Q1' }), headers: urlencoded(page.cookie), payload: form(fields) });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#residence"');
    expect(refused.body).toMatch(/id="residence-error"[^]*Enter where the order says the child must live/);
    expect(refused.body).toContain('Contact with father at weekends');
    const saved = await app.inject({ method: 'POST', url: paths.supervisionOrders.new({ childId: 'Q1' }), headers: urlencoded(page.cookie), payload: form({ ...fields, residence: 'With his aunt in Glenmuir' }) });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(paths.supervisionOrders.child({ childId: 'Q1' }));
    const orders = await app.inject({ url: paths.supervisionOrders.child({ childId: 'Q1' }), headers: { cookie: sessionCookie(saved, page.cookie) } });
    expect(orders.body).toContain('Order recorded');
    expect(orders.body).toContain('With his aunt in Glenmuir');
    expect(orders.body).toContain(`${longDateOf(addDays(today, 20))} (due in 20 days)`);
    const scra = await app.inject({ url: paths.care.scra({ childId: 'Q1' }), headers: { cookie } });
    expect(scra.body).toContain('See the order');
  });

  it('shows the order in force with its review date on the looked after page, and on the managers’ hub as due', async () => {
    const care = await app.inject({ url: paths.care.child({ childId: 'Q1' }), headers: { cookie } });
    expect(care.body).toContain('Compulsory Supervision Order with a residence condition, made on');
    expect(care.body).toContain(`Review by ${longDateOf(addDays(today, 20))} (due in 20 days)`);
    const hub = await app.inject({ url: paths.care.hub(), headers: { cookie: managerCookie } });
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toMatch(/Eilidh Ross[^]*Compulsory Supervision Order with a residence condition[^]*Due in 20 days/);
    expect((await app.inject({ url: paths.care.hub(), headers: { cookie } })).statusCode).toBe(403);
  });

  it('records a review: the next review date beyond a year is explained beside the field; a continued order leaves the hub list', async () => {
    const orderId = (await database.db.query<{ order_id: string }>("select order_id from supervision_orders where child_id = 'Q1'"))[0]!.order_id;
    const url = paths.supervisionOrders.review({ childId: 'Q1', orderId });
    const page = await openForm(app, url, cookie);
    const fields = { _csrf: page.token, outcome: 'continued', measures: '', ...dateParts('reviewDate', today), ...dateParts('nextReviewDate', addDays(today, 400)) };
    const refused = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form(fields) });
    expect(refused.body).toMatch(/id="nextReviewDate-error"[^]*An order lapses unless it is reviewed within a year of the day it was reviewed/);
    expect(refused.body).toContain('href="#nextReviewDate-day"');
    const saved = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...fields, ...dateParts('nextReviewDate', addDays(today, 180)) }) });
    expect(saved.statusCode).toBe(303);
    const hub = await app.inject({ url: paths.care.hub(), headers: { cookie: managerCookie } });
    expect(hub.body).not.toContain('Eilidh Ross');
    expect((await app.inject({ url: paths.supervisionOrders.review({ childId: 'Q1', orderId: 'SO-nope' }), headers: { cookie } })).statusCode).toBe(404);
  });
});

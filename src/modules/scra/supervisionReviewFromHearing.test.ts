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
import { hearingAlreadyReviewed, hearingNotThisChilds } from './supervisionOrderService.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const dateParts = (field: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${field}-day`]: String(Number(day)), [`${field}-month`]: String(Number(month)), [`${field}-year`]: year! };
};
const escaped = (html: string) => html.replace(/&/g, '&amp;');

describe(`recording a hearing outcome as a review of the order in force (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let cookie: string;
  let worker: SignedInUser;
  let orderId: string;
  const hearings: Record<string, string> = {};

  /** Record a referral and hearing outcomes for a child; their ids by outcome. */
  async function hearingsFor(childId: string, outcomes: { hearingDate: string; outcome: 'cso_made' | 'cso_continued' | 'cso_varied' | 'cso_terminated'; reviewDate: string | null }[]) {
    await services.scra.refer(worker, childId, { referralDate: '2024-01-15', ground: 'a' });
    const found = await services.scra.referralsOf(worker, childId);
    const referralId = found.outcome === 'found' ? found.referrals[0]!.scraReferralId : '';
    for (const h of outcomes) expect(await services.scra.recordHearing(worker, childId, referralId, h)).toEqual({ outcome: 'done' });
    const after = await services.scra.referralsOf(worker, childId);
    for (const h of after.outcome === 'found' ? after.referrals[0]!.hearings : []) hearings[`${childId}:${h.outcome}`] = h.hearingId;
  }
  const reviewsOfOrder = async () => database.db.query<{ hearing_id: string | null; outcome: string; review_date: string }>(
    'select hearing_id, outcome, review_date from supervision_order_reviews where order_id = $1 order by review_date', [orderId]);

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'V1', forename: 'Ailsa', surname: 'Grant' });
    await aChild(database.db, { childId: 'V2', forename: 'Ruaridh', surname: 'Grant' });
    for (const childId of ['V1', 'V2']) await aCase(database.db, childId, { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    ({ cookie, user: worker } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' }));
    await hearingsFor('V1', [
      { hearingDate: '2024-03-01', outcome: 'cso_made', reviewDate: '2025-02-01' },
      { hearingDate: '2024-09-02', outcome: 'cso_continued', reviewDate: '2025-08-01' },
      { hearingDate: '2025-03-03', outcome: 'cso_varied', reviewDate: '2025-12-01' },
      { hearingDate: '2025-06-04', outcome: 'cso_terminated', reviewDate: null },
    ]);
    await hearingsFor('V2', [{ hearingDate: '2024-09-02', outcome: 'cso_continued', reviewDate: '2025-08-01' }]);
    expect(await services.supervisionOrders.record(worker, 'V1', {
      kind: 'cso_home', madeDate: '2024-03-01', measures: 'Supervision by the social work service', residence: null, hearingId: hearings['V1:cso_made']!, reviewDueDate: '2025-02-01',
    })).toMatchObject({ outcome: 'done' });
    orderId = (await database.db.query<{ order_id: string }>("select order_id from supervision_orders where child_id = 'V1'"))[0]!.order_id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('offers "Record as a review of the order" beside continued, varied and terminated outcomes, only where an order is in force', async () => {
    const scra = await app.inject({ url: paths.care.scra({ childId: 'V1' }), headers: { cookie } });
    expect(scra.statusCode).toBe(200);
    for (const outcome of ['cso_continued', 'cso_varied', 'cso_terminated']) {
      expect(scra.body).toContain(`href="${escaped(paths.supervisionOrders.review({ childId: 'V1', orderId }, { hearingId: hearings[`V1:${outcome}`]! }))}"`);
    }
    expect(scra.body.match(/Record as a review of the order/g)).toHaveLength(3);
    const other = await app.inject({ url: paths.care.scra({ childId: 'V2' }), headers: { cookie } });
    expect(other.body).toContain('Compulsory Supervision Order continued');
    expect(other.body).not.toContain('Record as a review of the order');
  });

  it('prefills the review form from the hearing: its date, the outcome mapped, and its review date as the next review', async () => {
    const continued = await openForm(app, paths.supervisionOrders.review({ childId: 'V1', orderId }, { hearingId: hearings['V1:cso_continued']! }), cookie);
    expect(continued.html).toContain('From the hearing on 2 September 2024');
    expect(continued.html).toContain(`name="hearingId" value="${hearings['V1:cso_continued']}"`);
    expect(continued.html).toMatch(/value="continued" checked/);
    expect(continued.html).toMatch(/name="reviewDate-day"[^>]*value="2"/);
    expect(continued.html).toMatch(/name="nextReviewDate-month"[^>]*value="8"/);
    const varied = await openForm(app, paths.supervisionOrders.review({ childId: 'V1', orderId }, { hearingId: hearings['V1:cso_varied']! }), cookie);
    expect(varied.html).toMatch(/value="varied" checked/);
    expect(varied.html).toMatch(/name="nextReviewDate-year"[^>]*value="2025"/);
    const terminated = await openForm(app, paths.supervisionOrders.review({ childId: 'V1', orderId }, { hearingId: hearings['V1:cso_terminated']! }), cookie);
    expect(terminated.html).toMatch(/value="terminated" checked/);
    expect(terminated.html).not.toMatch(/name="nextReviewDate-year"[^>]*value=/);
    expect(terminated.html).not.toContain('govuk-error-summary');
  });

  it('keeps the review to the hearing’s day and outcome, records it once in one audited change, and then shows "See the order"', async () => {
    const hearingId = hearings['V1:cso_continued']!;
    const url = paths.supervisionOrders.review({ childId: 'V1', orderId }, { hearingId });
    const page = await openForm(app, url, cookie);
    const fields = { _csrf: page.token, hearingId, outcome: 'varied', measures: 'Weekly contact', ...dateParts('reviewDate', '2024-09-03'), ...dateParts('nextReviewDate', '2025-08-01') };
    const refused = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form(fields) });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toMatch(/id="reviewDate-error"[^]*This review is the hearing on 2 September 2024: enter that date/);
    expect(refused.body).toMatch(/id="outcome-error"[^]*recorded the order as continued: choose that/);
    expect(refused.body).toContain('Weekly contact');
    expect(await reviewsOfOrder()).toEqual([]);

    const right = { ...fields, outcome: 'continued', measures: '', ...dateParts('reviewDate', '2024-09-02') };
    const saved = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form(right) });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(paths.supervisionOrders.child({ childId: 'V1' }));
    expect(await reviewsOfOrder()).toEqual([{ hearing_id: hearingId, outcome: 'continued', review_date: '2024-09-02' }]);
    const audit = await database.db.query<{ details: { hearingId: string; outcome: string } }>(
      "select details from audit_events where child_id = 'V1' and action = 'supervision_order.reviewed'");
    expect(audit.map((a) => [a.details.hearingId, a.details.outcome])).toEqual([[hearingId, 'continued']]);
    const orders = await app.inject({ url: paths.supervisionOrders.child({ childId: 'V1' }), headers: { cookie: sessionCookie(saved, page.cookie) } });
    expect(orders.body).toContain('Review recorded');

    const scra = await app.inject({ url: paths.care.scra({ childId: 'V1' }), headers: { cookie } });
    expect(scra.body).toMatch(new RegExp(`See the order<span class="govuk-visually-hidden"> from the hearing on 2 September 2024`));
    expect(scra.body).not.toContain(`hearing=${hearingId}`);

    const again = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form(right) });
    expect(again.statusCode).toBe(200);
    expect(again.body).toMatch(new RegExp(`id="reviewDate-error"[^]*${hearingAlreadyReviewed}`));
    expect(await services.supervisionOrders.review(worker, 'V1', orderId, { reviewDate: '2024-09-02', outcome: 'continued', nextReviewDate: '2025-08-01', measures: null, hearingId }))
      .toEqual({ outcome: 'problems', problems: { reviewDate: hearingAlreadyReviewed } });
    expect(await reviewsOfOrder()).toHaveLength(1);
    const reopened = await app.inject({ url, headers: { cookie } });
    expect(reopened.body).toContain(hearingAlreadyReviewed);
  });

  it('refuses another child’s hearing, in the address and in the form, and the database holds one review per hearing', async () => {
    const foreign = hearings['V2:cso_continued']!;
    const opened = await app.inject({ url: paths.supervisionOrders.review({ childId: 'V1', orderId }, { hearingId: foreign }), headers: { cookie } });
    expect(opened.statusCode).toBe(404);
    expect(opened.body).toContain('That hearing is not one of this child');
    const page = await openForm(app, paths.supervisionOrders.review({ childId: 'V1', orderId }), cookie);
    const posted = await app.inject({
      method: 'POST', url: paths.supervisionOrders.review({ childId: 'V1', orderId }), headers: urlencoded(page.cookie),
      payload: form({ _csrf: page.token, hearingId: foreign, outcome: 'continued', measures: '', ...dateParts('reviewDate', '2024-09-20'), ...dateParts('nextReviewDate', '2025-08-01') }),
    });
    expect(posted.statusCode).toBe(404);
    expect(await services.supervisionOrders.review(worker, 'V1', orderId, { reviewDate: '2024-09-20', outcome: 'continued', nextReviewDate: '2025-08-01', measures: null, hearingId: foreign }))
      .toEqual({ outcome: 'problems', problems: { reviewDate: hearingNotThisChilds } });
    expect(await reviewsOfOrder()).toHaveLength(1);
    await expect(database.db.query(
      `insert into supervision_order_reviews (review_id, order_id, review_date, outcome, next_review_date, hearing_id) values ('SOR-dup', $1, '2024-10-01', 'continued', '2025-09-01', $2)`,
      [orderId, hearings['V1:cso_continued']])).rejects.toThrow();
  });
});

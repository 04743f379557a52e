import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';

describe(`Compulsory Supervision Orders and their reviews (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let outsider: SignedInUser;
  let manager: SignedInUser;
  let hearingId: string;

  const ordersOf = async (childId: string) => {
    const found = await services.supervisionOrders.ordersOf(worker, childId);
    return found.outcome === 'found' ? found.orders : [];
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'O1', forename: 'Calum', surname: 'Reid' });
    await aChild(database.db, { childId: 'O2', forename: 'Morven', surname: 'Reid' });
    await aChild(database.db, { childId: 'O9', forename: 'Kirsty', surname: 'Dunn' });
    await aCase(database.db, 'O1', { team: 'Family First', workerId: 'W1' });
    await aCase(database.db, 'O2', { team: 'Family First', workerId: 'W1' });
    await aCase(database.db, 'O9', { team: 'North', workerId: 'W9' });
    worker = await aUser(database.db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    outsider = await aUser(database.db, 'practitioner', { team: 'North', workerId: 'W9' });
    manager = await aUser(database.db, 'team_manager', { team: 'Family First' });
    await services.scra.refer(worker, 'O1', { referralDate: '2024-01-15', ground: 'a' });
    const found = await services.scra.referralsOf(worker, 'O1');
    const referralId = found.outcome === 'found' ? found.referrals[0]!.scraReferralId : '';
    await services.scra.decide(worker, 'O1', referralId, { decision: 'hearing_arranged', decisionDate: '2024-02-01' });
    expect(await services.scra.recordHearing(worker, 'O1', referralId, { hearingDate: '2024-02-29', outcome: 'cso_made', reviewDate: '2025-02-28' })).toEqual({ outcome: 'done' });
    const hearings = await services.scra.referralsOf(worker, 'O1');
    hearingId = hearings.outcome === 'found' ? hearings.referrals[0]!.hearings[0]!.hearingId : '';
  });
  afterAll(() => database?.drop());

  it('records an order from the hearing that made it, refusing a review later than a year after 29 February and a second order from the hearing', async () => {
    expect(await services.supervisionOrders.hearingFor('O1', hearingId)).toEqual({ hearingId, hearingDate: '2024-02-29', outcome: 'cso_made', reviewDate: '2025-02-28', ordered: false });
    const order = { kind: 'cso_away' as const, madeDate: '2024-02-29', measures: 'Contact with mother twice a week, supervised', residence: 'With kinship carers in Glenmuir', hearingId, reviewDueDate: '2025-03-01' };
    expect(await services.supervisionOrders.record(worker, 'O1', order)).toEqual({
      outcome: 'problems', problems: { reviewDueDate: 'An order lapses unless it is reviewed within a year of the day it was made: review it on or before 28 February 2025' },
    });
    expect(await services.supervisionOrders.record(worker, 'O1', { ...order, madeDate: '2024-03-01', reviewDueDate: '2025-02-28' })).toEqual({
      outcome: 'problems', problems: { madeDate: 'The order was made at the hearing on 29 February 2024: enter that date' },
    });
    const done = await services.supervisionOrders.record(worker, 'O1', { ...order, reviewDueDate: '2025-02-28' });
    expect(done).toEqual({ outcome: 'done', orderId: expect.stringMatching(/^SO-/) });
    expect(await services.supervisionOrders.record(worker, 'O1', { ...order, reviewDueDate: '2025-02-28' })).toEqual({
      outcome: 'problems', problems: { madeDate: 'An order has already been recorded from this hearing' },
    });
    expect(await services.supervisionOrders.record(worker, 'O1', { ...order, hearingId: 'H-not-this-childs' })).toEqual({ outcome: 'not_found' });
    expect(await ordersOf('O1')).toEqual([{
      orderId: done.outcome === 'done' ? done.orderId : '', childId: 'O1', kind: 'cso_away', madeDate: '2024-02-29', measures: order.measures, residence: order.residence,
      hearingId, reviewDueDate: '2025-02-28', endedDate: null, endReason: null, reviews: [], version: 1,
    }]);
  });

  it('continues, varies and terminates an order at review hearings; termination ends it and each change is audited', async () => {
    const orderId = (await ordersOf('O1'))[0]!.orderId;
    expect(await services.supervisionOrders.review(worker, 'O1', orderId, { reviewDate: '2025-02-20', outcome: 'continued', nextReviewDate: '2026-02-21', measures: null })).toEqual({
      outcome: 'problems', problems: { nextReviewDate: 'An order lapses unless it is reviewed within a year of the day it was reviewed: review it on or before 20 February 2026' },
    });
    expect(await services.supervisionOrders.review(worker, 'O1', orderId, { reviewDate: '2025-02-20', outcome: 'continued', nextReviewDate: '2026-02-20', measures: null })).toEqual({ outcome: 'done', orderId });
    expect(await services.supervisionOrders.review(worker, 'O1', orderId, { reviewDate: '2025-08-01', outcome: 'varied', nextReviewDate: '2026-02-01', measures: null })).toEqual({
      outcome: 'problems', problems: { measures: 'Enter the measures and conditions as varied' },
    });
    expect(await services.supervisionOrders.review(worker, 'O1', orderId, { reviewDate: '2025-08-01', outcome: 'varied', nextReviewDate: '2026-02-01', measures: 'Contact with mother weekly, unsupervised' })).toEqual({ outcome: 'done', orderId });
    expect(await services.supervisionOrders.review(worker, 'O1', orderId, { reviewDate: '2025-12-01', outcome: 'terminated', nextReviewDate: null, measures: null, reasonEnded: 'home_with_parents' })).toEqual({ outcome: 'done', orderId });
    const [order] = await ordersOf('O1');
    expect(order).toMatchObject({ endedDate: '2025-12-01', endReason: 'terminated_at_hearing' });
    expect(order!.reviews.map((r) => [r.reviewDate, r.outcome, r.nextReviewDate])).toEqual([['2025-02-20', 'continued', '2026-02-20'], ['2025-08-01', 'varied', '2026-02-01'], ['2025-12-01', 'terminated', null]]);
    expect(await services.supervisionOrders.review(worker, 'O1', orderId, { reviewDate: '2026-01-10', outcome: 'continued', nextReviewDate: '2026-06-01', measures: null })).toEqual({
      outcome: 'problems', problems: { reviewDate: 'This order ended on 1 December 2025' },
    });
    const audit = await database.db.query<{ action: string }>("select action from audit_events where child_id = 'O1' and action like 'supervision_order.%' order by event_id");
    expect(audit.map((a) => a.action)).toEqual(['supervision_order.recorded', 'supervision_order.reviewed', 'supervision_order.reviewed', 'supervision_order.reviewed']);
  });

  it('keeps an interim order to 22 days and ends an order another way', async () => {
    const interim = { kind: 'interim_cso' as const, madeDate: '2024-06-03', measures: 'Reside at Seabank House', residence: 'Seabank House', hearingId: null };
    expect(await services.supervisionOrders.record(worker, 'O2', { ...interim, reviewDueDate: '2024-06-25' })).toEqual({
      outcome: 'problems', problems: { reviewDueDate: 'An interim order lasts at most 22 days, counting the day it was made: the next hearing must be on or before 24 June 2024' },
    });
    const done = await services.supervisionOrders.record(worker, 'O2', { ...interim, reviewDueDate: '2024-06-24' });
    const orderId = done.outcome === 'done' ? done.orderId : '';
    expect(await services.supervisionOrders.end(worker, 'O2', orderId, { endedDate: '2024-06-02', endReason: 'interim_expired' })).toEqual({
      outcome: 'problems', problems: { endedDate: 'The order must end on or after the day it was made (3 June 2024)' },
    });
    expect(await services.supervisionOrders.end(worker, 'O2', orderId, { endedDate: '2024-06-24', endReason: 'replaced_by_new_order', reasonEnded: 'home_with_parents' })).toEqual({ outcome: 'done', orderId });
    expect(await services.supervisionOrders.end(worker, 'O2', 'SO-unknown', { endedDate: '2024-06-24', endReason: 'other' })).toEqual({ outcome: 'not_found' });
    expect((await ordersOf('O2'))[0]).toMatchObject({ endedDate: '2024-06-24', endReason: 'replaced_by_new_order' });
  });

  it('lists reviews overdue or due within 28 days for the children a manager may see, soonest first, and audits the list', async () => {
    await services.supervisionOrders.record(worker, 'O2', { kind: 'cso_home', madeDate: '2024-06-24', measures: 'Supervision by the council', residence: null, hearingId: null, reviewDueDate: '2025-06-20' });
    await services.supervisionOrders.record(worker, 'O2', { kind: 'cso_home', madeDate: '2024-07-01', measures: 'Attend school daily', residence: null, hearingId: null, reviewDueDate: '2025-05-01' });
    await services.supervisionOrders.record(outsider, 'O9', { kind: 'cso_home', madeDate: '2024-07-01', measures: 'Supervision', residence: null, hearingId: null, reviewDueDate: '2025-05-02' });
    const due = await services.supervisionOrders.reviewsDue(manager, '2025-05-23');
    expect(due.map((d) => [d.name, d.nextReviewDate])).toEqual([['Morven Reid', '2025-05-01'], ['Morven Reid', '2025-06-20']]);
    expect((await services.supervisionOrders.reviewsDue(manager, '2025-05-22')).map((d) => d.nextReviewDate)).toEqual(['2025-05-01']);
    const audit = await database.db.query<{ details: { orders: number } }>("select details from audit_events where action = 'supervision_order.reviews_due_viewed' order by event_id");
    expect(audit.map((a) => a.details.orders)).toEqual([2, 1]);
  });

  it('refuses someone who may not access the child, and the database refuses orders that break the rules', async () => {
    expect(await services.supervisionOrders.ordersOf(outsider, 'O1')).toEqual({ outcome: 'forbidden' });
    expect(await services.supervisionOrders.record(outsider, 'O1', { kind: 'cso_home', madeDate: '2024-07-01', measures: 'x', residence: null, hearingId: null, reviewDueDate: '2025-05-01' })).toEqual({ outcome: 'forbidden' });
    const insert = (kind: string, made: string, due: string, residence: string | null) => database.db.query(
      `insert into supervision_orders (order_id, child_id, kind, made_date, measures, residence, review_due_date) values ('SO-db', 'O2', $1, $2, 'Measures', $3, $4)`, [kind, made, residence, due]);
    await expect(insert('cso_home', '2024-02-29', '2025-03-01', null)).rejects.toThrow();
    await expect(insert('interim_cso', '2024-06-03', '2024-06-25', null)).rejects.toThrow();
    await expect(insert('cso_away', '2024-06-03', '2024-12-01', null)).rejects.toThrow();
    await insert('cso_home', '2024-02-29', '2025-02-28', null);
    await expect(database.db.query(`insert into supervision_order_reviews (review_id, order_id, review_date, outcome) values ('SOR-db', 'SO-db', '2024-06-01', 'continued')`)).rejects.toThrow();
  });
});

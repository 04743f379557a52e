import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const dateParts = (field: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${field}-day`]: String(Number(day)), [`${field}-month`]: String(Number(month)), [`${field}-year`]: year! };
};

describe(`a Compulsory Supervision Order makes the child looked after, and ending it ends the episode (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let cookie: string;
  let worker: SignedInUser;

  const episodes = (childId: string) => database.db.query<{ start_date: string; end_date: string | null; legal_reason: string; reason_ended: string | null }>(
    `select start_date::text, end_date::text, legal_reason, reason_ended from looked_after_episodes where child_id = $1 order by start_date`, [childId]);
  const lacCount = async (year: number) => {
    const stats = await services.stats.compute({ years: { first: year, last: year }, baseline: year });
    return stats.rows.find((row) => row.indicator === 'lac.count' && row.period === `${year}-07-31`)!.value;
  };

  /** The Reporter screens: referral, decision to arrange a hearing, the hearing that made an order. */
  async function hearingMakingAnOrder(childId: string, hearingDate: string, outcome: 'cso_made' | 'interim_cso', reviewDate: string): Promise<string> {
    await services.scra.refer(worker, childId, { referralDate: '2024-01-15', ground: 'a' });
    const referrals = await services.scra.referralsOf(worker, childId);
    const referralId = referrals.outcome === 'found' ? referrals.referrals.at(-1)!.scraReferralId : '';
    await services.scra.decide(worker, childId, referralId, { decision: 'hearing_arranged', decisionDate: '2024-02-01' });
    expect(await services.scra.recordHearing(worker, childId, referralId, { hearingDate, outcome, reviewDate })).toEqual({ outcome: 'done' });
    const found = await services.scra.referralsOf(worker, childId);
    return found.outcome === 'found' ? found.referrals.at(-1)!.hearings.at(-1)!.hearingId : '';
  }

  async function post(url: string, fields: Record<string, string>) {
    const opened = await openForm(app, url, cookie);
    return app.inject({ method: 'POST', url, headers: urlencoded(opened.cookie), payload: form({ _csrf: opened.token, ...fields }) });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'H1', forename: 'Hamish', surname: 'Reid', dateOfBirth: '2015-06-06' });
    await aChild(database.db, { childId: 'V1', forename: 'Vari', surname: 'Kerr', dateOfBirth: '2014-04-04' });
    await aCase(database.db, 'H1', { team: 'Family First', workerId: 'W1' });
    await aCase(database.db, 'V1', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    const signedIn = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    cookie = signedIn.cookie;
    worker = signedIn.user;
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('counts in lac.count a child recorded only through the Reporter and order screens, at home without a residence condition', async () => {
    expect(await lacCount(2024)).toBe(0);
    const hearingId = await hearingMakingAnOrder('H1', '2024-05-10', 'cso_made', '2025-05-09');
    const made = await post(paths.supervisionOrders.new({ childId: 'H1' }, { hearingId }), {
      kind: 'cso_home', measures: 'Supervision by the social worker', residence: '', hearingId, ...dateParts('madeDate', '2024-05-10'), ...dateParts('reviewDueDate', '2025-05-09'),
    });
    expect(made.statusCode).toBe(303);
    expect(await episodes('H1')).toEqual([{ start_date: '2024-05-10', end_date: null, legal_reason: 'cso_home', reason_ended: null }]);
    expect(await lacCount(2024)).toBe(1);
    const care = await app.inject({ url: paths.care.child({ childId: 'H1' }), headers: { cookie } });
    expect(care.body).not.toContain('Not looked after');
    const audit = await database.db.query<{ action: string }>(`select action from audit_events where child_id = 'H1' and action like 'care.%'`);
    expect(audit.map((a) => a.action)).toEqual(['care.episode_started']);
  });

  it('asks where the child went before ending the last order, then ends the episode with it, in one transaction', async () => {
    const [order] = (await services.supervisionOrders.ordersOf(worker, 'H1') as { orders: { orderId: string }[] }).orders;
    const url = paths.supervisionOrders.end({ childId: 'H1', orderId: order!.orderId });
    const unconfirmed = await post(url, { endReason: 'other', ...dateParts('endedDate', '2025-02-01') });
    expect(unconfirmed.statusCode).not.toBe(303);
    expect(unconfirmed.body).toContain('Select where the child went when the order ended');
    expect(await database.db.query(`select 1 from supervision_orders where child_id = 'H1' and ended_date is not null`)).toEqual([]);
    const ended = await post(url, { endReason: 'other', reasonEnded: 'home_with_parents', ...dateParts('endedDate', '2025-02-01') });
    expect(ended.statusCode).toBe(303);
    expect(await episodes('H1')).toEqual([{ start_date: '2024-05-10', end_date: '2025-02-01', legal_reason: 'cso_home', reason_ended: 'home_with_parents' }]);
    expect(await lacCount(2025)).toBe(0);
  });

  it('starts an interim order away from home, takes the full order’s legal reason when it follows, and keeps the episode while an order remains', async () => {
    const interimHearing = await hearingMakingAnOrder('V1', '2024-03-01', 'interim_cso', '2024-03-22');
    expect(await services.supervisionOrders.record(worker, 'V1', { kind: 'interim_cso', madeDate: '2024-03-01', measures: 'Reside with foster carers', residence: 'Foster carers', hearingId: interimHearing, reviewDueDate: '2024-03-22' })).toMatchObject({ outcome: 'done' });
    expect(await episodes('V1')).toEqual([{ start_date: '2024-03-01', end_date: null, legal_reason: 'interim_cso', reason_ended: null }]);
    expect(await services.supervisionOrders.record(worker, 'V1', { kind: 'cso_away', madeDate: '2024-03-20', measures: 'Reside with foster carers', residence: 'Foster carers', hearingId: null, reviewDueDate: '2025-03-19' })).toMatchObject({ outcome: 'done' });
    expect(await episodes('V1')).toEqual([{ start_date: '2024-03-01', end_date: null, legal_reason: 'cso_away', reason_ended: null }]);
    const orders = (await services.supervisionOrders.ordersOf(worker, 'V1') as { orders: { orderId: string; kind: string }[] }).orders;
    const interim = orders.find((o) => o.kind === 'interim_cso')!;
    expect(await services.supervisionOrders.end(worker, 'V1', interim.orderId, { endedDate: '2024-03-20', endReason: 'replaced_by_new_order' })).toMatchObject({ outcome: 'done' });
    expect(await episodes('V1')).toEqual([{ start_date: '2024-03-01', end_date: null, legal_reason: 'cso_away', reason_ended: null }]);
    expect(await lacCount(2024)).toBe(2);
  });
});

/**
 * @module Correcting and withdrawing Compulsory Supervision Orders (issue 12): with a reason, as amendments, the looked
 * after episode the order started corrected or withdrawn in the same transaction (so `lac.count` moves with it),
 * withdrawals asked to confirm, two corrections at once merged field by field, every path refused outside the team.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`correcting and withdrawing supervision orders (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let worker: string;
  let colleague: string;
  let outsider: string;
  let workerUser: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    for (const childId of ['OC1', 'OC2', 'OC3']) {
      await aChild(database.db, { childId, forename: 'Eilidh', surname: `Munro ${childId}`, dateOfBirth: '2013-03-03' });
      await aCase(database.db, childId, { team: 'Family First', workerId: 'W1' });
    }
    app = await buildApp(services, { logger: false });
    ({ cookie: worker, user: workerUser } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    ({ cookie: colleague } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    ({ cookie: outsider } = await signInAs(app, services, 'team_manager', { team: 'North' }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const episodes = (childId: string) => database.db.query<{ start_date: string; legal_reason: string }>(
    'select start_date::text, legal_reason from looked_after_episodes where child_id = $1 order by start_date', [childId]);
  const lacCount = async (year: number) => {
    const stats = await services.stats.compute({ years: { first: year, last: year }, baseline: year });
    return stats.rows.find((row) => row.indicator === 'lac.count' && row.period === `${year}-07-31`)!.value;
  };
  async function anOrder(childId: string, madeDate: string, reviewDueDate: string, kind: 'cso_home' | 'cso_away' = 'cso_home'): Promise<string> {
    const made = await services.supervisionOrders.record(workerUser, childId, { kind, madeDate, measures: 'Supervision by the social worker', residence: kind === 'cso_away' ? 'Foster carers' : null, hearingId: null, reviewDueDate });
    if (made.outcome !== 'done') throw new Error(JSON.stringify(made));
    return made.orderId;
  }
  async function opened(url: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const found = postForms(page.html, url).find((candidate) => candidate.action === url);
    return { page, send: (changes: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...found!.hidden, ...found!.shown, ...changes }) }) };
  }
  /** Post a withdrawal with its reason, then say yes on the confirmation page. */
  async function withdraw(url: string, reason: string) {
    const start = await opened(url, worker);
    const asked = await start.send({ reason });
    if (asked.statusCode !== 200 || !asked.body.includes('Yes, withdraw it')) return asked;
    const confirmation = postForms(asked.body, url).find((candidate) => candidate.action === url && candidate.hidden.confirmed === 'yes');
    return app.inject({ method: 'POST', url, headers: urlencoded(start.page.cookie), payload: form(confirmation!.hidden) });
  }

  it('moves the episode with a corrected made date, so lac.count at 31 July changes, and withdrawing the order withdraws the episode', async () => {
    const orderId = await anOrder('OC1', '2024-08-05', '2025-07-01');
    expect(await episodes('OC1')).toEqual([{ start_date: '2024-08-05', legal_reason: 'cso_home' }]);
    expect(await lacCount(2024)).toBe(0);
    const ref = { childId: 'OC1', orderId };

    const correction = await opened(paths.supervisionOrders.correct(ref), worker);
    const refused = await correction.send({ 'madeDate-month': '7', 'madeDate-day': '20', reason: '' });
    expect(refused.body).toContain('Enter why the order is being corrected');
    expect(await episodes('OC1')).toEqual([{ start_date: '2024-08-05', legal_reason: 'cso_home' }]);
    const corrected = await correction.send({ 'madeDate-month': '7', 'madeDate-day': '20', kind: 'cso_away', residence: 'Foster carers', reason: 'The hearing was on 20 July' });
    expect(corrected.statusCode).toBe(303);
    expect(await episodes('OC1')).toEqual([{ start_date: '2024-07-20', legal_reason: 'cso_away' }]);
    expect(await lacCount(2024)).toBe(1);

    const page = await app.inject({ url: paths.supervisionOrders.child({ childId: 'OC1' }), headers: { cookie: worker } });
    expect(page.body).toContain('made on 20 July 2024');
    expect(page.body).toContain('Date made: was 5 August 2024, now 20 July 2024');
    expect(page.body).toContain('because The hearing was on 20 July');
    const kept = await database.db.query<{ record_kind: string; reason: string }>("select record_kind, reason from amendments where child_id = 'OC1' order by record_kind");
    expect(kept).toEqual([{ record_kind: 'looked_after_episode', reason: 'The hearing was on 20 July' }, { record_kind: 'supervision_order', reason: 'The hearing was on 20 July' }]);

    const asked = await (await opened(paths.supervisionOrders.withdraw(ref), worker)).send({ reason: 'Recorded against the wrong child' });
    expect(asked.body).toContain('Withdraw a Compulsory Supervision Order?');
    expect(await episodes('OC1')).toHaveLength(1);
    expect((await withdraw(paths.supervisionOrders.withdraw(ref), 'Recorded against the wrong child')).statusCode).toBe(303);
    expect(await database.db.query("select 1 from supervision_orders where child_id = 'OC1'")).toEqual([]);
    expect(await episodes('OC1')).toEqual([]);
    expect(await lacCount(2024)).toBe(0);
    const after = await app.inject({ url: paths.supervisionOrders.child({ childId: 'OC1' }), headers: { cookie: worker } });
    expect(after.body).toContain('Status: was Recorded, now Withdrawn');
    const chronology = await app.inject({ url: paths.children.chronology({ childId: 'OC1' }), headers: { cookie: worker } });
    expect(chronology.body).toContain('A Compulsory Supervision Order was corrected or withdrawn');
    expect(chronology.body).toContain('A looked after episode was corrected or withdrawn');
    const audited = await database.db.query<{ action: string }>("select action from audit_events where child_id = 'OC1' and (action like 'supervision_order.%' or action like 'care.episode_%') order by occurred_at, action");
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['supervision_order.amended', 'care.episode_amended', 'supervision_order.withdrawn', 'care.episode_withdrawn']));
  });

  it('withdrawing the order that started an episode another order followed moves the episode to that order, and refuses when placements depend on it', async () => {
    const first = await anOrder('OC2', '2024-03-01', '2025-02-28');
    await anOrder('OC2', '2024-09-01', '2025-08-31', 'cso_away');
    expect(await episodes('OC2')).toEqual([{ start_date: '2024-03-01', legal_reason: 'cso_away' }]);
    expect(await services.supervisionOrders.withdraw(workerUser, 'OC2', first, 'Recorded twice')).toEqual({ outcome: 'done', orderId: first });
    expect(await episodes('OC2')).toEqual([{ start_date: '2024-09-01', legal_reason: 'cso_away' }]);
    expect(await lacCount(2024)).toBe(0);

    const placed = await anOrder('OC3', '2024-03-01', '2025-02-28', 'cso_away');
    expect(await services.lookedAfter.place(workerUser, 'OC3', { placementType: 'foster_la', providerId: null, outOfAuthority: false, weeklyCost: 450, startDate: '2024-03-02' })).toMatchObject({ outcome: 'done' });
    const refused = await services.supervisionOrders.withdraw(workerUser, 'OC3', placed, 'Recorded twice');
    expect(refused).toEqual({ outcome: 'problems', problems: { reason: expect.stringContaining('placements recorded') } });
    expect(await database.db.query("select 1 from supervision_orders where child_id = 'OC3'")).toHaveLength(1);
    expect(await episodes('OC3')).toHaveLength(1);
  });

  it('merges two corrections of an order’s different fields, and shows both values for the same field', async () => {
    const orderId = await anOrder('OC2', '2024-10-01', '2025-09-30');
    const url = paths.supervisionOrders.correct({ childId: 'OC2', orderId });
    const first = await opened(url, worker);
    const second = await opened(url, colleague);
    expect((await first.send({ 'reviewDueDate-day': '29', reason: 'date mistyped' })).statusCode).toBe(303);
    expect((await second.send({ measures: 'Supervision and school attendance', reason: 'measures incomplete' })).statusCode).toBe(303);
    const [row] = await database.db.query<{ review_due_date: string; measures: string }>('select review_due_date::text, measures from supervision_orders where order_id = $1', [orderId]);
    expect(row).toEqual({ review_due_date: '2025-09-29', measures: 'Supervision and school attendance' });

    const third = await opened(url, worker);
    const fourth = await opened(url, colleague);
    expect((await third.send({ 'reviewDueDate-day': '28', reason: 'letter checked' })).statusCode).toBe(303);
    const clash = await fourth.send({ 'reviewDueDate-day': '27', reason: 'my reading' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Keep theirs: 28');
    expect(clash.body).toContain('Use mine: 27');
  });

  it('refuses every correction and withdrawal to someone outside the child’s team, and writes nothing', async () => {
    const orderId = await anOrder('OC3', '2024-11-01', '2025-10-31');
    const ref = { childId: 'OC3', orderId };
    const { token, cookie } = await openForm(app, paths.care.hub(), outsider);
    const amendmentsBefore = await database.db.query('select 1 from amendments');
    for (const url of [paths.supervisionOrders.correct(ref), paths.supervisionOrders.withdraw(ref)]) {
      expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode).toBe(403);
      const posted = await app.inject({ method: 'POST', url, headers: urlencoded(cookie), payload: form({ _csrf: token, reason: 'x', confirmed: 'yes', kind: 'cso_home', measures: 'x' }) });
      expect(posted.statusCode).toBe(403);
    }
    expect((await database.db.query('select 1 from amendments')).length).toBe(amendmentsBefore.length);
    expect(await database.db.query('select 1 from supervision_orders where order_id = $1', [orderId])).toHaveLength(1);
    expect((await app.inject({ url: paths.supervisionOrders.correct({ childId: 'OC3', orderId: 'SO-nope' }), headers: { cookie: worker } })).statusCode).toBe(404);
  });
});

/**
 * @module Costs from dated rates (issue 13 item 10, ADR 0024): a placement in a provider's home costs the home's rate
 * on its start date; a new rate from a date applies to placements starting from then; a different cost needs a reason;
 * a correction that moves a placement to another home or start date re-takes the rate unless it was overridden; and
 * the external spend figure uses these costs.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { PlacementDetails } from './lookedAfter.js';

const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`placement costs from dated rates (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let providerId: string;
  let braeside: string;
  let craigview: string;

  const residential = (startDate: string, homeId: string | null, weeklyCost: number | null = null, costOverrideReason: string | null = null): PlacementDetails =>
    ({ placementType: 'voluntary_home', providerId: null, outOfAuthority: false, startDate, homeId, weeklyCost, costOverrideReason });
  const placementsOf = (childId: string) => database.db.query<{ start_date: string; weekly_cost: string | null; home_id: string | null; provider_id: string | null; cost_override_reason: string | null }>(
    'select start_date::text, weekly_cost::text, home_id, provider_id, cost_override_reason from placements where child_id = $1 order by start_date', [childId]);
  const spend = async (year: number) => (await services.stats.compute({ years: { first: year, last: year } })).rows.find((r) => r.indicator === 'placements.external_spend_gbp')?.value;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    worker = await aUser(db, 'team_manager', { team: 'North' });
    const system = { kind: 'system', name: 'test' } as const;
    await services.commissioning.addProvider(system, { name: 'Lochview Care', providerType: 'voluntary' });
    providerId = (await services.commissioning.providers())[0]!.providerId;
    await services.commissioning.addHome(system, { providerId, name: 'Braeside', outOfAuthority: false, weeklyRate: 4200 });
    await services.commissioning.addHome(system, { providerId, name: 'Craigview', outOfAuthority: false, weeklyRate: 3000, rateFrom: '2023-01-01' });
    const homes = (await services.commissioning.providers())[0]!.homes;
    braeside = homes.find((h) => h.name === 'Braeside')!.homeId;
    craigview = homes.find((h) => h.name === 'Craigview')!.homeId;
    for (const childId of ['R1', 'R2', 'R3', 'R4']) {
      await aChild(db, { childId, forename: `Kid${childId}`, surname: 'Rennie' });
      await aCase(db, childId, { team: 'North' });
      await anEpisode(db, childId, { startDate: '2023-09-01' });
    }
  });
  afterAll(() => database?.drop());

  it('keeps a home’s rates by date: a new rate from 1 April 2024, and refuses a second rate from the same date', async () => {
    expect(await services.commissioning.addRate({ kind: 'user', user: worker }, braeside, { fromDate: '2024-04-01', weeklyRate: 4500 })).toEqual({ outcome: 'done' });
    expect(await services.commissioning.addRate({ kind: 'user', user: worker }, braeside, { fromDate: '2024-04-01', weeklyRate: 4600 })).toEqual({
      outcome: 'problems', problems: { fromDate: 'Braeside already has a rate from that date' },
    });
    const home = (await services.commissioning.providers())[0]!.homes.find((h) => h.homeId === braeside)!;
    expect(home.rates).toEqual([{ fromDate: '2024-04-01', weeklyRate: 4500 }, { fromDate: '2000-01-01', weeklyRate: 4200 }]);
  });

  it('costs a placement at the home’s rate on its start date, and a move after the rate changed at the new rate; spend uses both', async () => {
    expect(await services.lookedAfter.place(worker, 'R1', residential('2024-01-15', braeside))).toMatchObject({ outcome: 'done' });
    expect(await services.lookedAfter.move(worker, 'R1', residential('2024-05-01', braeside), 'Nearer school')).toMatchObject({ outcome: 'done' });
    expect(await placementsOf('R1')).toEqual([
      { start_date: '2024-01-15', weekly_cost: '4200.00', home_id: braeside, provider_id: providerId, cost_override_reason: null },
      { start_date: '2024-05-01', weekly_cost: '4500.00', home_id: braeside, provider_id: providerId, cost_override_reason: null },
    ]);
    // 2023-24 (1 August 2023 to 31 July 2024): 107 days at £4,200 and 92 days at £4,500, a week being 7 days.
    expect(await spend(2024)).toBe(Math.round((4200 * 107 + 4500 * 92) / 7));
  });

  it('needs a reason for a cost that is not the home’s rate, and keeps it', async () => {
    const refused = await services.lookedAfter.place(worker, 'R2', residential('2024-02-01', braeside, 5000));
    expect(refused).toEqual({ outcome: 'problems', problems: { costOverrideReason: 'Enter why the weekly cost is not the home’s rate (Braeside’s rate on 1 February 2024 is £4,200.00)' } });
    expect(await placementsOf('R2')).toEqual([]);
    expect(await services.lookedAfter.place(worker, 'R2', residential('2024-02-01', braeside, 5000, 'one-to-one staffing agreed'))).toMatchObject({ outcome: 'done' });
    expect(await placementsOf('R2')).toEqual([{ start_date: '2024-02-01', weekly_cost: '5000.00', home_id: braeside, provider_id: providerId, cost_override_reason: 'one-to-one staffing agreed' }]);
  });

  it('re-takes the rate when a correction changes the home or the start date, but not when the cost was overridden', async () => {
    expect(await services.lookedAfter.place(worker, 'R3', residential('2024-03-01', braeside))).toMatchObject({ outcome: 'done' });
    const correct = async (childId: string, changes: Partial<PlacementDetails>, reason: string) => {
      const view = await services.lookedAfter.history(worker, childId);
      if (view.outcome !== 'shown') throw new Error(`cannot see ${childId}`);
      const p = view.history.placements[0]!;
      const details = { placementType: 'voluntary_home' as const, providerId: p.providerId, outOfAuthority: p.outOfAuthority, weeklyCost: p.weeklyCost, startDate: p.startDate, endDate: p.endDate, homeId: p.homeId, costOverrideReason: p.costOverrideReason, ...changes };
      return services.lookedAfter.correctPlacement(worker, childId, p.placementId, details, reason, p.version);
    };
    expect(await correct('R3', { startDate: '2024-04-10' }, 'started later than recorded')).toEqual({ outcome: 'done' });
    expect((await placementsOf('R3'))[0]).toMatchObject({ start_date: '2024-04-10', weekly_cost: '4500.00', cost_override_reason: null });
    expect(await correct('R3', { homeId: craigview }, 'the wrong home was chosen')).toEqual({ outcome: 'done' });
    expect((await placementsOf('R3'))[0]).toMatchObject({ weekly_cost: '3000.00', home_id: craigview });
    expect(await correct('R3', { homeId: null, providerId: null }, 'not in a home after all')).toEqual({ outcome: 'done' });
    expect((await placementsOf('R3'))[0]).toMatchObject({ weekly_cost: '3000.00', home_id: null, cost_override_reason: null });

    expect(await correct('R2', { startDate: '2024-04-05' }, 'started later than recorded')).toEqual({ outcome: 'done' });
    expect((await placementsOf('R2'))[0]).toMatchObject({ start_date: '2024-04-05', weekly_cost: '5000.00', cost_override_reason: 'one-to-one staffing agreed' });
  });

  describe('the place form, without JavaScript', () => {
    let app: FastifyInstance;
    let cookie: string;
    beforeAll(async () => {
      app = await buildApp(services, { logger: false });
      ({ cookie } = await signInAs(app, services, 'team_manager', { team: 'North' }));
    });
    afterAll(() => app?.close());

    it('takes a blank weekly cost to mean the chosen home’s rate on the start date, and says so on the care page', async () => {
      const url = paths.care.place({ childId: 'R4' });
      const page = await openForm(app, url, cookie);
      expect(page.html).toContain('Braeside, Lochview Care');
      const fields = { _csrf: page.token, placementType: 'voluntary_home', homeId: braeside, providerId: '', outOfAuthority: 'no', weeklyCost: '', 'startDate-day': '2', 'startDate-month': '4', 'startDate-year': '2024' };
      const saved = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: new URLSearchParams(fields).toString() });
      expect(saved.statusCode).toBe(303);
      expect((await placementsOf('R4'))[0]).toMatchObject({ weekly_cost: '4500.00', home_id: braeside, provider_id: providerId });
      const care = await app.inject({ url: paths.care.child({ childId: 'R4' }), headers: { cookie: sessionCookie(saved, page.cookie) } });
      expect(care.body).toContain('£4,500.00');
      expect(care.body).toContain('The home’s rate on 2 April 2024');
      expect(care.body).toContain('Braeside, Lochview Care');
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { presentCommissioning, yearlyCost } from './commissioningPresenter.js';
import { reportingYearEnding } from './commissioningService.js';

describe('commissioning arithmetic', () => {
  it('puts a date in the reporting year that ends on the next 31 July', () => {
    expect(reportingYearEnding('2024-07-31')).toBe(2024);
    expect(reportingYearEnding('2024-08-01')).toBe(2025);
  });
  it('costs a year as 365 days of the weekly cost', () => {
    expect(yearlyCost(700)).toBe(36500);
    expect(yearlyCost(1068.38)).toBe(55708.39);
  });
});

describe(`commissioning: external and out of authority placements and spend (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let manager: SignedInUser;

  async function placement(childId: string, start: string, end: string | null, providerId: string | null, outOfAuthority: boolean, weeklyCost: number | null) {
    const episodeId = await anEpisode(database.db, childId, { startDate: start });
    await database.db.query(
      `insert into placements (placement_id, episode_id, child_id, start_date, end_date, placement_type, provider_id, out_of_authority, weekly_cost)
       values ($1, $2, $3, $4, $5, 'residential_school', $6, $7, $8)`,
      [`P${childId}`, episodeId, childId, start, end, providerId, outOfAuthority, weeklyCost]);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    manager = await aUser(db, 'team_manager', { team: 'Family First' });
    const system = { kind: 'system', name: 'test' } as const;
    expect(await services.commissioning.addProvider(system, { name: 'Heatherbank Care', providerType: 'private' })).toEqual({ outcome: 'done' });
    expect(await services.commissioning.addProvider(system, { name: 'heatherbank care', providerType: 'voluntary' })).toEqual({
      outcome: 'problems', problems: { name: 'A provider with this name already exists' },
    });
    await services.commissioning.addProvider(system, { name: 'Glenmuir Council homes', providerType: 'local_authority' });
    const providers = await services.commissioning.providers();
    const [own, heatherbank] = [providers[0]!, providers[1]!];
    expect(await services.commissioning.addHome(system, { providerId: heatherbank.providerId, name: 'Braeside', outOfAuthority: true, weeklyRate: 4200 })).toEqual({ outcome: 'done' });
    for (const childId of ['X1', 'X2', 'X3', 'X4']) await aChild(db, { childId, forename: `Kid${childId}`, surname: 'Moffat' });
    await aCase(db, 'X1', { team: 'Family First' });
    await aCase(db, 'X2', { team: 'North' });
    await placement('X1', '2023-09-01', null, heatherbank.providerId, true, 700); // external and out of authority
    await placement('X2', '2024-01-01', '2024-04-01', own.providerId, true, 350); // the council's own, but out of authority
    await placement('X3', '2023-09-01', null, own.providerId, false, 300); // neither: not shown
    await placement('X4', '2024-03-02', null, heatherbank.providerId, false, null); // external, not yet costed
  });
  afterAll(() => database?.drop());

  it('lists providers with their homes and weekly rates', async () => {
    const providers = await services.commissioning.providers();
    expect(providers.map((p) => [p.name, p.homes.map((h) => [h.name, h.outOfAuthority, h.rates])])).toEqual([
      ['Glenmuir Council homes', []],
      ['Heatherbank Care', [['Braeside', true, [{ fromDate: '2000-01-01', weeklyRate: 4200 }]]]],
    ]);
  });

  it('shows every external or out of authority placement open on the date, with costs, names only within scope', async () => {
    const view = await services.commissioning.view(manager, '2024-03-31');
    expect(view.placements.map((p) => [p.childId, p.nameShown])).toEqual([['X1', true], ['X2', false], ['X4', false]]);
    const page = presentCommissioning(view);
    expect(page.rows.map((r) => [r.child, r.weekly, r.yearly])).toEqual([
      ['KidX1 Moffat', '£700.00', '£36,500.00'],
      ['A child outside your team', '£350.00', '£18,250.00'],
      ['A child outside your team', 'Not recorded', 'Not recorded'],
    ]);
    expect(page.totals).toEqual({ count: 3, weekly: '£1,050.00', yearly: '£54,750.00' });
    expect((await services.commissioning.view(manager, '2024-04-01')).placements.map((p) => p.childId)).toEqual(['X1', 'X4']);
  });

  it('gives the reporting year’s external spend from the registry indicator', async () => {
    const view = await services.commissioning.view(manager, '2024-03-31');
    // 2023-24 runs 1 August 2023 to 31 July 2024. X1: 700 × 335 days (1 September 2023 to 31 July 2024, a leap year) ÷ 7 = 33,500.
    // X2 is the council's own and X4 has no cost, so neither adds to external spend.
    expect(view.reportingYear.label).toBe('2023-24');
    expect(view.externalSpend).toBe(33500);
    const stats = await services.stats.compute({ years: { first: 2024, last: 2024 } });
    expect(stats.rows.find((r) => r.indicator === 'placements.external_spend_gbp')?.value).toBe(33500);
  });
});

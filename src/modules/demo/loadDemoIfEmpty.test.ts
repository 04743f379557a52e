/** @module The demo loads through the real importer into an empty database (PGlite, or PostgreSQL with DATABASE_URL), once. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { createDemoTestDatabase } from '../../../test/support/demoTemplate.js';
import type { Database } from '../../db/database.js';
import { createDemoUsers, demoPassword } from './demoUsers.js';
import type { DemoExtract } from './extract.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { loadDemoIfEmpty, type LoadedDemo } from './loadDemoIfEmpty.js';

let database: TestDatabase;
let services: Services;
let dataDir: string;
let extract: DemoExtract;
let loaded: LoadedDemo | undefined;
const progress: string[] = [];

async function count(table: string): Promise<number> {
  const rows = await database.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]!.n;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'cairn-demo-data-'));
  services = buildServices(testConfig({ dataDir, demoSeed: 2021 }), database.db);
  extract = generateDemoExtract({ seed: 2021 });
  loaded = await loadDemoIfEmpty(services, { onProgress: (line) => progress.push(line) });
}, 300_000);

afterAll(async () => {
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe(`loading the demo into an empty database (${engineUnderTest})`, () => {
  it('imports every row of the generated extract, with no problems', async () => {
    expect(loaded?.authorityName).toBe('Glenmuir');
    expect(await services.authority.current()).toEqual({ code: 'S12000990', name: 'Glenmuir' });
    expect(await count('children')).toBe(extract.children.length);
    expect(await count('cases')).toBe(extract.cases.length);
    expect(await count('referrals')).toBe(extract.referrals.length);
    expect(await count('looked_after_episodes')).toBe(extract.lookedAfter.length);
    expect(await count('placements')).toBe(extract.placements.length);
    expect(await count('providers')).toBe(extract.providers.length);
    expect(await count('cp_registrations')).toBe(extract.cpRegistrations.length);
    expect(await count('scra_referrals')).toBe(extract.scraReferrals.length);
    expect(await count('benchmarks')).toBe(extract.benchmarks.length);
    expect(await count('population')).toBe(extract.population.length);
    expect(progress.some((line) => line.includes('imported'))).toBe(true);
  });

  it('says at start-up what it recorded beyond the extract (the files reading the demo copy this load, ADR 0063)', () => {
    expect(progress.some((line) => line.startsWith('Demo: recorded practice quality'))).toBe(true);
    expect(progress.some((line) => /Signs of Safety maps for 12 children/.test(line))).toBe(true);
    expect(progress.some((line) => /undecided referrals for the Family First tray/.test(line))).toBe(true);
  });

  it("is what the files reading the demo are given: a copy of the run's demo template holds the same rows in every table", async () => {
    const rowCounts = async (db: Database) => {
      const tables = await db.query<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`);
      const counts: Record<string, number> = {};
      for (const { name } of tables) counts[name] = (await db.query<{ n: number }>(`select count(*)::int as n from "${name}"`))[0]!.n;
      return counts;
    };
    const copy = await createDemoTestDatabase();
    try {
      const [loadedHere, copied] = [await rowCounts(database.db), await rowCounts(copy.db)];
      expect(copied).toEqual(loadedHere);
      expect(copied.children).toBe(extract.children.length);
      expect(copied.safety_maps).toBe(12);
    } finally {
      await copy.drop();
    }
  });

  it('gives the residential providers’ homes dated rates, and costs the placements there at the rate of their start date', async () => {
    const homes = (await services.commissioning.providers()).flatMap((p) => p.homes);
    expect(homes.map((h) => h.name).sort()).toEqual(['Ashgrove School', 'Greystanes Secure Unit', 'Heatherlea Lodge', 'Lochside House', 'Thistlebank School']);
    expect(homes.find((h) => h.name === 'Lochside House')?.rates).toEqual([
      { fromDate: '2021-04-01', weeklyRate: 3650 }, { fromDate: '2019-04-01', weeklyRate: 3500 }, { fromDate: '2000-01-01', weeklyRate: 3300 },
    ]);
    const costed = await database.db.query<{ start_date: string; weekly_cost: string }>(
      `select p.start_date::text, p.weekly_cost::text from placements p join provider_homes h on h.home_id = p.home_id where h.name = 'Lochside House' order by p.start_date`);
    expect(costed.length).toBeGreaterThan(5);
    const rateOn = (date: string) => (date >= '2021-04-01' ? '3650.00' : date >= '2019-04-01' ? '3500.00' : '3300.00');
    expect(costed.filter((p) => p.weekly_cost !== rateOn(p.start_date))).toEqual([]);
    expect(progress.some((line) => line.includes('placements there take the rate of their start date'))).toBe(true);
  });

  it('keeps the extract in the data folder for PGlite, and leaves no temporary folder for PostgreSQL', async () => {
    const kept = await readdir(join(dataDir, 'demo-extract')).catch(() => []);
    expect(kept.length).toBe(engineUnderTest === 'pglite' ? 11 : 0);
  });

  it('creates one demo account per role, and the practitioner is a Family First worker with open cases', async () => {
    expect(loaded?.password).toBe(demoPassword);
    expect(loaded?.signIns.map((s) => [s.username, s.role])).toEqual([
      ['practitioner', 'practitioner'], ['manager', 'team_manager'], ['service.manager', 'service_manager'], ['analyst', 'analyst'], ['admin', 'admin'],
    ]);
    const users = await services.users.list();
    const practitioner = users.find((u) => u.username === 'practitioner')!;
    expect(practitioner.team).toBe('Family First');
    expect(loaded?.signIns[0]!.description).toContain(practitioner.workerId!);
    const open = await database.db.query<{ n: number }>(
      "select count(*)::int as n from cases where worker_id = $1 and team = 'Family First' and closed_date is null", [practitioner.workerId]);
    expect(open[0]!.n).toBeGreaterThan(0);
    expect(users.find((u) => u.username === 'manager')?.team).toBe('Family First');
    const signedIn = await services.users.signIn('practitioner', demoPassword);
    expect(signedIn.outcome).toBe('signed_in');
  });

  it('does nothing the second time, but still returns the sign-ins', async () => {
    const audited = await count('audit_events');
    const again = await loadDemoIfEmpty(services);
    expect(again).toEqual(loaded);
    expect(await count('children')).toBe(extract.children.length);
    expect(await count('users')).toBe(5);
    expect(await count('audit_events')).toBe(audited);
  });

  it("never resets an account of someone's own that has a demo username, nor lists it", async () => {
    const actor = { kind: 'system', name: 'test' } as const;
    await services.users.add(actor, { username: 'admin', displayName: 'Morag Reid', role: 'admin', password: 'morag-own-password-1' });
    const signIns = await createDemoUsers(services, actor, 'W043');
    expect(signIns.map((s) => s.username)).toEqual(['practitioner', 'manager', 'service.manager', 'analyst']);
    expect((await services.users.signIn('admin', 'morag-own-password-1')).outcome).toBe('signed_in');
    expect((await loadDemoIfEmpty(services))?.signIns.map((s) => s.username)).toEqual(['practitioner', 'manager', 'service.manager', 'analyst']);
  });

  it('returns no sign-ins for a database that is not the demo authority', async () => {
    await database.db.query("update authority set authority_code = 'S12000099', authority_name = 'Elsewhere'");
    try {
      expect(await loadDemoIfEmpty(services)).toBeUndefined();
    } finally {
      await database.db.query("update authority set authority_code = 'S12000990', authority_name = 'Glenmuir'");
    }
  });
});

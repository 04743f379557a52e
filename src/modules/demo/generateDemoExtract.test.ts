/** @module The demo generator: deterministic, fast, and telling the seed report's story in its figures. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusters, familyFirst } from './authority.js';
import { censusFigures, familyFirstReferrals, lookedAfterOn, openCaseChildrenOn, openOn } from './demoFigures.js';
import type { DemoExtract } from './extract.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { demoExtractFiles, writeDemoExtract } from './writeCsv.js';

// The story must hold for any seed: CAIRN_DEMO_TEST_SEED=7 npx vitest run src/modules/demo checks another.
const seed = Number(process.env.CAIRN_DEMO_TEST_SEED ?? 2021);
let extract: DemoExtract;
const folders: string[] = [];

// How long generating takes is measured by `npm run bench` (bench/foundation.ts), not here.
beforeAll(() => {
  extract = generateDemoExtract({ seed });
});
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function written(seed: number): Promise<Map<string, Buffer>> {
  const folder = await mkdtemp(join(tmpdir(), 'cairn-demo-test-'));
  folders.push(folder);
  await writeDemoExtract(folder, generateDemoExtract({ seed }));
  const files = new Map<string, Buffer>();
  for (const file of (await readdir(folder)).sort()) files.set(file, await readFile(join(folder, file)));
  return files;
}

describe('the demo generator is deterministic', () => {
  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const [first, again, other] = [await written(7), await written(7), await written(8)];
    expect([...first.keys()]).toEqual([
      'authority.csv', 'benchmarks.csv', 'cases.csv', 'children.csv', 'cp_registrations.csv', 'looked_after.csv',
      'placements.csv', 'population.csv', 'providers.csv', 'referrals.csv', 'scra_referrals.csv',
    ]);
    for (const [file, bytes] of first) expect(again.get(file)!.equals(bytes), file).toBe(true);
    for (const file of ['children.csv', 'looked_after.csv', 'placements.csv', 'referrals.csv', 'cases.csv']) {
      expect(other.get(file)!.equals(first.get(file)!), file).toBe(false);
    }
  });

  it('keeps the history to the reference date it is given', () => {
    const later = generateDemoExtract({ seed: 2021, today: '2023-03-31' });
    expect(later.today).toBe('2023-03-31');
    const dates = later.lookedAfter.flatMap((e) => [e.start_date, e.end_date ?? '']).concat(later.referrals.map((r) => r.received_date));
    expect(dates.every((d) => d <= '2023-03-31')).toBe(true);
    expect(later.population.at(-1)?.year).toBe(2023);
    expect(() => generateDemoExtract({ seed: 2021, today: '2020-01-01' })).toThrow(RangeError);
    expect(() => generateDemoExtract({ seed: 1.5 })).toThrow(RangeError);
  });
});

describe('the demo authority tells the seed report\'s story', () => {
  it('is a fictional council of about 20,000 children aged 0–17 in five clusters', () => {
    expect(extract.authority).toEqual({ authority_code: 'S12000990', authority_name: 'Glenmuir' });
    const eighteenYearsAgo = `${Number(extract.today.slice(0, 4)) - 18}${extract.today.slice(4)}`;
    const current = extract.children.filter((c) => c.date_of_birth > eighteenYearsAgo && c.date_of_birth <= extract.today);
    expect(current.length).toBeGreaterThan(19_000);
    expect(current.length).toBeLessThan(21_000);
    expect(new Set(extract.children.map((c) => c.school_cluster))).toEqual(new Set(clusters.map((c) => c.name)));
    const population = extract.population.map((p) => p.year);
    expect(population).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(extract.population[0]!.age_0_17).toBeGreaterThan(extract.population.at(-1)!.age_0_17);
    for (const row of extract.population) expect(Math.abs(row.age_0_17 - 20_000)).toBeLessThan(1_000);
  });

  it('holds the older young people only for the history they had as children', () => {
    const eighteenYearsAgo = `${Number(extract.today.slice(0, 4)) - 18}${extract.today.slice(4)}`;
    const adults = new Set(extract.children.filter((c) => c.date_of_birth <= eighteenYearsAgo).map((c) => c.child_id));
    const withHistory = new Set([...extract.cases, ...extract.referrals, ...extract.lookedAfter, ...extract.cpRegistrations, ...extract.scraReferrals].map((r) => r.child_id));
    expect(adults.size).toBeLessThan(2_000);
    for (const child of adults) expect(withHistory.has(child), child).toBe(true);
  });

  it('has fewer children looked after on each census day than the year before, about 385 in 2016 and 230 in 2022', () => {
    const counts = censusFigures(extract).map((c) => c.lookedAfter);
    expect(counts).toHaveLength(7);
    for (let i = 1; i < counts.length; i += 1) expect(counts[i]).toBeLessThan(counts[i - 1]!);
    expect(counts[0]).toBeGreaterThan(360);
    expect(counts[0]).toBeLessThan(410);
    expect(counts.at(-1)).toBeGreaterThan(200);
    expect(counts.at(-1)).toBeLessThan(250);
  });

  it('places far fewer children outwith the authority in 2022 than in 2016', () => {
    const outOfAuthority = censusFigures(extract).map((c) => c.outOfAuthority);
    expect(outOfAuthority[0]).toBeGreaterThan(30);
    expect(outOfAuthority.at(-1)!).toBeLessThan(outOfAuthority[0]! * 0.7);
  });

  it('has about 1,200 open cases now, roughly a fifth of them statutory, each worker with a caseload', () => {
    const open = openCaseChildrenOn(extract, extract.today);
    const lookedAfter = lookedAfterOn(extract, extract.today);
    expect(open.size).toBeGreaterThan(1_100);
    expect(open.size).toBeLessThan(1_350);
    const statutory = [...open].filter((c) => lookedAfter.has(c)).length;
    expect(statutory / open.size).toBeGreaterThan(0.15);
    expect(statutory / open.size).toBeLessThan(0.25);
    expect(statutory).toBe(lookedAfter.size);
    const workers = new Set(extract.cases.filter((k) => k.closed_date === null).map((k) => k.worker_id));
    expect(workers.size).toBe(60);
    expect(extract.cases.filter((k) => k.closed_date === null).every((k) => openOn(k.opened_date, k.closed_date, extract.today))).toBe(true);
  });

  it('sends referrals in the Family First cluster to Family First from 1 July 2021, about 30 children from about 24 families by April 2022', () => {
    const familyFirstReferralRows = extract.referrals.filter((r) => r.pathway === 'family_first');
    expect(familyFirstReferralRows.every((r) => r.school_cluster === familyFirst.cluster && r.received_date >= familyFirst.start)).toBe(true);
    const { children, families } = familyFirstReferrals(extract, '2022-04-30');
    expect(children).toBeGreaterThanOrEqual(20);
    expect(children).toBeLessThanOrEqual(45);
    expect(families).toBeLessThan(children);
    expect(families).toBeGreaterThanOrEqual(18);
  });

  it('keeps Family First children out of care and off the register, while other clusters go on producing looked after starts', () => {
    const clusterOf = new Map(extract.children.map((c) => [c.child_id, c.school_cluster]));
    const firstFamilyFirst = new Map<string, string>();
    for (const r of extract.referrals) if (r.pathway === 'family_first' && !firstFamilyFirst.has(r.child_id)) firstFamilyFirst.set(r.child_id, r.received_date);
    for (const episode of extract.lookedAfter) {
      const referred = firstFamilyFirst.get(episode.child_id);
      expect(referred === undefined || episode.start_date < referred, episode.episode_id).toBe(true);
    }
    const inWindow = (date: string) => date >= familyFirst.start && date <= '2022-04-30';
    const starts = extract.lookedAfter.filter((e) => inWindow(e.start_date));
    expect(starts.filter((e) => clusterOf.get(e.child_id) === familyFirst.cluster)).toEqual([]);
    expect(starts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(starts.map((e) => clusterOf.get(e.child_id))).size).toBeGreaterThanOrEqual(3);
    expect(extract.cpRegistrations.filter((r) => inWindow(r.registered_date) && clusterOf.get(r.child_id) === familyFirst.cluster)).toEqual([]);
    // Most of those starts are at home (the seed: 16 of 23).
    const firstPlacement = new Map<string, string>();
    for (const p of extract.placements) if (!firstPlacement.has(p.episode_id)) firstPlacement.set(p.episode_id, p.placement_type);
    expect(starts.filter((e) => firstPlacement.get(e.episode_id) === 'at_home').length / starts.length).toBeGreaterThan(0.4);
  });

  it('uses secure care rarely and not at all in the last two years, with a mix of placement types and costs', () => {
    const secure = extract.placements.filter((p) => p.placement_type === 'secure');
    expect(secure.length).toBeGreaterThan(0);
    expect(secure.length).toBeLessThan(30);
    expect(secure.every((p) => p.start_date < '2020-10-31')).toBe(true);
    const types = new Set(extract.placements.map((p) => p.placement_type));
    for (const type of ['at_home', 'kinship', 'foster_la', 'foster_purchased', 'la_home', 'residential_school']) expect(types.has(type as never), type).toBe(true);
    const cost = (type: string) => extract.placements.filter((p) => p.placement_type === type).map((p) => Number(p.weekly_cost));
    expect(Math.min(...cost('foster_purchased'))).toBeGreaterThanOrEqual(700);
    expect(Math.max(...cost('foster_purchased'))).toBeLessThanOrEqual(1100);
    expect(Math.max(...cost('residential_school'))).toBeLessThanOrEqual(6000);
    expect(extract.placements.filter((p) => p.placement_type === 'at_home').every((p) => p.weekly_cost === null)).toBe(true);
    expect(new Set(extract.providers.map((p) => p.provider_type))).toEqual(new Set(['local_authority', 'voluntary', 'private', 'other_authority']));
  });

  it('has offence referrals to the Reporter falling by about half from 2018-19 to 2019-20', () => {
    const offenceChildren = (from: string, to: string) =>
      new Set(extract.scraReferrals.filter((s) => s.ground === 'j' && s.referral_date >= from && s.referral_date <= to).map((s) => s.child_id)).size;
    const before = offenceChildren('2018-04-01', '2019-03-31');
    const after = offenceChildren('2019-04-01', '2020-03-31');
    expect(after / before).toBeGreaterThan(0.35);
    expect(after / before).toBeLessThan(0.7);
    expect(new Set(extract.scraReferrals.map((s) => s.ground)).size).toBeGreaterThan(10);
  });

  it('has a register that shrinks, with de-registration reasons and a few re-registrations within 18 months', () => {
    const registeredOn = (on: string) => new Set(extract.cpRegistrations.filter((r) => openOn(r.registered_date, r.deregistered_date, on)).map((r) => r.child_id)).size;
    expect(registeredOn('2022-07-31')).toBeLessThan(registeredOn('2016-07-31'));
    expect(new Set(extract.cpRegistrations.map((r) => r.deregistration_reason))).toEqual(new Set([null, 'improved_home_situation', 'child_looked_after', 'moved_away', 'other']));
    const byChild = new Map<string, typeof extract.cpRegistrations>();
    for (const r of extract.cpRegistrations) byChild.set(r.child_id, [...(byChild.get(r.child_id) ?? []), r]);
    let again = 0;
    for (const list of byChild.values()) {
      for (const r of list) {
        const eighteenMonthsBefore = new Date(`${r.registered_date}T00:00:00Z`);
        eighteenMonthsBefore.setUTCMonth(eighteenMonthsBefore.getUTCMonth() - 18);
        const from = eighteenMonthsBefore.toISOString().slice(0, 10);
        if (list.some((o) => o !== r && o.deregistered_date !== null && o.deregistered_date >= from && o.deregistered_date <= r.registered_date)) again += 1;
      }
    }
    expect(again).toBeGreaterThan(3);
    expect(again / extract.cpRegistrations.length).toBeLessThan(0.2);
  });

  it('has benchmarks for Scotland, the family group and four comparator councils, 2016–2022', () => {
    expect(new Set(extract.benchmarks.map((b) => b.area))).toEqual(new Set(['scotland', 'family_group', 'Dunbrae', 'Kilmarrow', 'Westhaven', 'Lochcraig']));
    expect(new Set(extract.benchmarks.map((b) => b.indicator))).toEqual(new Set(['lac.rate_per_1000', 'lac.community_pct']));
    expect(new Set(extract.benchmarks.map((b) => b.year))).toEqual(new Set([2016, 2017, 2018, 2019, 2020, 2021, 2022]));
  });

  it('writes every file the extract format names, with its header', () => {
    const headers = Object.fromEntries(demoExtractFiles(extract).map((f) => [f.file, f.csv.slice(0, f.csv.indexOf('\n'))]));
    expect(headers['placements.csv']).toBe('placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id,out_of_authority,weekly_cost');
    expect(headers['children.csv']).toBe('child_id,family_id,forename,surname,date_of_birth,sex,ethnicity,disability,school_cluster,locality');
  });
});

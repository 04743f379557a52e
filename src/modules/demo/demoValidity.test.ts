/** @module The demo extract keeps every rule of extract-format.md and the schema, checked against lists written out afresh. */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoExtract } from './extract.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { generateDemoStory } from './demoStory.js';
import { demoExtractFiles } from './writeCsv.js';

// The rules of extract-format.md v1 and of the schema, written out again here rather than imported,
// so that a mistake in the generator's own lists cannot hide itself.
const idPattern = /^[A-Za-z0-9._/-]{1,64}$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const codes = {
  sex: ['M', 'F', 'X', 'U'],
  disability: ['Y', 'N', 'U'],
  source: ['education', 'police', 'health', 'self_or_family', 'social_work', 'scra', 'third_sector', 'other'],
  pathway: ['family_first', 'social_work_assessment', 'signposted', 'no_further_action'],
  legal_reason: ['cso_home', 'cso_away', 'interim_cso', 'cpo_or_warrant', 's25_voluntary', 'permanence_order', 'criminal_justice', 'other'],
  reason_ended: ['home_with_parents', 'friends_relatives', 'kinship_care_order', 'adopted', 'continuing_care', 'own_tenancy_supported', 'residential', 'custody', 'other', 'not_known'],
  placement_type: ['at_home', 'kinship', 'foster_la', 'foster_purchased', 'prospective_adopters', 'other_community', 'la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential'],
  provider_type: ['local_authority', 'voluntary', 'private', 'other_authority'],
  concerns: ['domestic_abuse', 'neglect', 'parental_mental_health', 'parental_drug_misuse', 'parental_alcohol_misuse', 'emotional_abuse', 'physical_abuse', 'sexual_abuse', 'child_sexual_exploitation', 'child_trafficking', 'non_engaging_family', 'placing_self_at_risk', 'other'],
  deregistration_reason: ['improved_home_situation', 'child_looked_after', 'moved_away', 'other'],
  ground: 'abcdefghijklmnopq'.split(''),
};

// Any seed must give a valid extract: CAIRN_DEMO_TEST_SEED=7 npx vitest run src/modules/demo checks another.
const seed = Number(process.env.CAIRN_DEMO_TEST_SEED ?? 2021);
// The story as generated, and told five years on (a move that crosses leap days: 29 February becomes the 28th).
const stories: [string, () => DemoExtract][] = [
  ['as generated', () => generateDemoExtract({ seed })],
  ['told on 15 June 2027', () => generateDemoStory({ seed, today: '2027-06-15' })],
];

function realDate(value: string): boolean {
  return isoDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** The date `years` on; someone born on 29 February comes of age on 1 March in other years (as in Scots law). */
function addYears(value: string, years: number): string {
  const later = `${Number(value.slice(0, 4)) + years}${value.slice(4)}`;
  return realDate(later) ? later : `${later.slice(0, 4)}-03-01`;
}

describe.each(stories)('the demo extract (%s) keeps every rule of the extract format', (_told, generate) => {
  let extract: DemoExtract;
  beforeAll(() => {
    extract = generate();
  });

  it('gives every record a valid id, unique within its file', () => {
    const files: [string, string[]][] = [
      ['children', extract.children.map((r) => r.child_id)],
      ['cases', extract.cases.map((r) => r.case_id)],
      ['referrals', extract.referrals.map((r) => r.referral_id)],
      ['looked_after', extract.lookedAfter.map((r) => r.episode_id)],
      ['placements', extract.placements.map((r) => r.placement_id)],
      ['providers', extract.providers.map((r) => r.provider_id)],
      ['cp_registrations', extract.cpRegistrations.map((r) => r.registration_id)],
      ['scra_referrals', extract.scraReferrals.map((r) => r.scra_referral_id)],
      ['families', extract.children.map((r) => r.family_id ?? 'none')],
    ];
    for (const [file, ids] of files) {
      expect(ids.filter((id) => !idPattern.test(id)), file).toEqual([]);
      if (file !== 'families') expect(new Set(ids).size, file).toBe(ids.length);
    }
    expect(new Set(extract.benchmarks.map((b) => `${b.year}/${b.indicator}/${b.area}`)).size).toBe(extract.benchmarks.length);
    expect(new Set(extract.population.map((p) => p.year)).size).toBe(extract.population.length);
  });

  it('uses only the codes the format lists, flags Y or N, and money with at most two decimals', () => {
    const wrong = (values: (string | null)[], allowed: string[]) => values.filter((v) => v !== null && !allowed.includes(v));
    expect(wrong(extract.children.map((c) => c.sex), codes.sex)).toEqual([]);
    expect(wrong(extract.children.map((c) => c.disability), codes.disability)).toEqual([]);
    expect(wrong(extract.referrals.map((r) => r.source), codes.source)).toEqual([]);
    expect(wrong(extract.referrals.map((r) => r.pathway), codes.pathway)).toEqual([]);
    expect(wrong(extract.lookedAfter.map((e) => e.legal_reason), codes.legal_reason)).toEqual([]);
    expect(wrong(extract.lookedAfter.map((e) => e.reason_ended), codes.reason_ended)).toEqual([]);
    expect(wrong(extract.placements.map((p) => p.placement_type), codes.placement_type)).toEqual([]);
    expect(wrong(extract.placements.map((p) => p.out_of_authority), ['Y', 'N'])).toEqual([]);
    expect(wrong(extract.providers.map((p) => p.provider_type), codes.provider_type)).toEqual([]);
    expect(wrong(extract.cpRegistrations.flatMap((r) => r.concerns.split(';')), codes.concerns)).toEqual([]);
    expect(extract.cpRegistrations.filter((r) => r.concerns === '')).toEqual([]);
    expect(wrong(extract.cpRegistrations.map((r) => r.deregistration_reason), codes.deregistration_reason)).toEqual([]);
    expect(wrong(extract.scraReferrals.map((s) => s.ground), codes.ground)).toEqual([]);
    expect(extract.placements.filter((p) => p.weekly_cost !== null && !/^\d+(\.\d{1,2})?$/.test(p.weekly_cost))).toEqual([]);
    expect(extract.benchmarks.filter((b) => !Number.isFinite(Number(b.value)))).toEqual([]);
  });

  it('writes real dates, with ends on or after starts and an end only where there is a reason for it', () => {
    const spans: [string, string, string | null][] = [
      ...extract.cases.map((k): [string, string, string | null] => [k.case_id, k.opened_date, k.closed_date]),
      ...extract.referrals.map((r): [string, string, string | null] => [r.referral_id, r.received_date, r.closed_date]),
      ...extract.lookedAfter.map((e): [string, string, string | null] => [e.episode_id, e.start_date, e.end_date]),
      ...extract.placements.map((p): [string, string, string | null] => [p.placement_id, p.start_date, p.end_date]),
      ...extract.cpRegistrations.map((r): [string, string, string | null] => [r.registration_id, r.registered_date, r.deregistered_date]),
    ];
    for (const [id, start, end] of spans) {
      expect(realDate(start) && (end === null || (realDate(end) && end >= start && end <= extract.today)), `${id} ${start} ${end}`).toBe(true);
    }
    expect(extract.children.every((c) => realDate(c.date_of_birth) && c.date_of_birth <= extract.today)).toBe(true);
    expect(extract.scraReferrals.every((s) => realDate(s.referral_date))).toBe(true);
    expect(extract.lookedAfter.filter((e) => (e.end_date === null) !== (e.reason_ended === null))).toEqual([]);
    expect(extract.cpRegistrations.filter((r) => (r.deregistered_date === null) !== (r.deregistration_reason === null))).toEqual([]);
  });

  it('resolves every reference: children, episodes, providers', () => {
    const children = new Set(extract.children.map((c) => c.child_id));
    const providers = new Set(extract.providers.map((p) => p.provider_id));
    const episodes = new Map(extract.lookedAfter.map((e) => [e.episode_id, e]));
    for (const rows of [extract.cases, extract.referrals, extract.lookedAfter, extract.placements, extract.cpRegistrations, extract.scraReferrals]) {
      expect(rows.filter((r) => !children.has(r.child_id))).toEqual([]);
    }
    for (const placement of extract.placements) {
      const episode = episodes.get(placement.episode_id);
      expect(episode?.child_id, placement.placement_id).toBe(placement.child_id);
      expect(placement.provider_id === null || providers.has(placement.provider_id), placement.placement_id).toBe(true);
    }
  });

  it('keeps placements within their episodes, one placement and one episode at a time for each child', () => {
    const episodes = new Map(extract.lookedAfter.map((e) => [e.episode_id, e]));
    for (const placement of extract.placements) {
      const episode = episodes.get(placement.episode_id)!;
      const inside = placement.start_date >= episode.start_date &&
        (episode.end_date === null || (placement.end_date !== null && placement.end_date <= episode.end_date));
      expect(inside, placement.placement_id).toBe(true);
    }
    const overlapping = <T>(rows: T[], child: (r: T) => string, start: (r: T) => string, end: (r: T) => string | null, id: (r: T) => string) => {
      const byChild = new Map<string, T[]>();
      for (const row of rows) byChild.set(child(row), [...(byChild.get(child(row)) ?? []), row]);
      const clashes: string[] = [];
      for (const list of byChild.values()) {
        list.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0));
        for (let i = 1; i < list.length; i += 1) {
          const previousEnd = end(list[i - 1]!);
          if (previousEnd === null || previousEnd > start(list[i]!)) clashes.push(`${id(list[i - 1]!)} and ${id(list[i]!)}`);
        }
      }
      return clashes;
    };
    expect(overlapping(extract.placements, (p) => p.child_id, (p) => p.start_date, (p) => p.end_date, (p) => p.placement_id)).toEqual([]);
    expect(overlapping(extract.lookedAfter, (e) => e.child_id, (e) => e.start_date, (e) => e.end_date, (e) => e.episode_id)).toEqual([]);
    expect(overlapping(extract.cpRegistrations, (r) => r.child_id, (r) => r.registered_date, (r) => r.deregistered_date, (r) => r.registration_id)).toEqual([]);
    // Every episode has its placements end to end: a move ends one placement the day the next starts.
    const byEpisode = new Map<string, typeof extract.placements>();
    for (const p of extract.placements) byEpisode.set(p.episode_id, [...(byEpisode.get(p.episode_id) ?? []), p]);
    for (const episode of extract.lookedAfter) {
      const list = byEpisode.get(episode.episode_id) ?? [];
      expect(list[0]?.start_date, episode.episode_id).toBe(episode.start_date);
      expect(list.at(-1)?.end_date, episode.episode_id).toBe(episode.end_date);
      for (let i = 1; i < list.length; i += 1) expect(list[i]!.start_date).toBe(list[i - 1]!.end_date);
    }
  });

  it('has every child born before anything happens to them, and a child (0–17) when it happens', () => {
    const born = new Map(extract.children.map((c) => [c.child_id, c.date_of_birth]));
    const events: [string, string, string][] = [
      ...extract.cases.map((k): [string, string, string] => [k.case_id, k.child_id, k.opened_date]),
      ...extract.referrals.map((r): [string, string, string] => [r.referral_id, r.child_id, r.received_date]),
      ...extract.lookedAfter.map((e): [string, string, string] => [e.episode_id, e.child_id, e.start_date]),
      ...extract.cpRegistrations.map((r): [string, string, string] => [r.registration_id, r.child_id, r.registered_date]),
      ...extract.scraReferrals.map((s): [string, string, string] => [s.scra_referral_id, s.child_id, s.referral_date]),
    ];
    const wrong = events.filter(([, child, date]) => {
      const birth = born.get(child)!;
      return date < birth || date >= addYears(birth, 18);
    });
    expect(wrong.map(([id, child, date]) => `${id} ${child} born ${born.get(child)} on ${date}`)).toEqual([]);
    const closedAfter18 = extract.cases.filter((k) => k.closed_date !== null && k.closed_date > addYears(born.get(k.child_id)!, 18));
    expect(closedAfter18).toEqual([]);
  });

  it('writes CSV that a standard parser reads back to the same rows, quoting only where needed', () => {
    for (const file of demoExtractFiles(extract)) {
      expect(file.csv.includes('\r'), file.file).toBe(false);
      expect(file.csv.endsWith('\n'), file.file).toBe(true);
      const records = parse(file.csv, { columns: true, skip_empty_lines: false }) as Record<string, string>[];
      expect(records.length, file.file).toBe(file.rows);
    }
    const referrals = demoExtractFiles(extract).find((f) => f.file === 'referrals.csv')!;
    const parsed = parse(referrals.csv, { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => r.reason)).toEqual(extract.referrals.map((r) => r.reason));
    expect(parsed.some((r) => r.reason!.includes(','))).toBe(true);
    const placements = parse(demoExtractFiles(extract).find((f) => f.file === 'placements.csv')!.csv, { columns: true }) as Record<string, string>[];
    expect(placements.map((p) => (p.end_date === '' ? null : p.end_date))).toEqual(extract.placements.map((p) => p.end_date));
  });
});

/** @module Generates the whole Glenmuir demo extract from a seed: pure and deterministic (same seed, same rows). */
import { defaultToday, demoAuthority, providers } from './authority.js';
import { demoBenchmarks, demoPopulation } from './benchmarks.js';
import { simulateCareHistory } from './careHistory.js';
import { casesFromInvolvements } from './cases.js';
import { createChildPool } from './children.js';
import { day, isoDate, monthOf, yearOf, type Day } from './dates.js';
import type { DemoExtract, EpisodeRow, PlacementRow } from './extract.js';
import { generateRegistrations } from './protection.js';
import { createRandom } from '../../platform/random/seededRandom.js';
import { generateReferrals } from './referrals.js';
import { generateScraReferrals } from './reporter.js';

export interface DemoOptions {
  seed: number;
  /** The reference date (ISO); the history runs to it. Default 2022-10-31, just after the seed report. */
  today?: string;
}

const numbered = (prefix: string, width: number) => (n: number) => `${prefix}${String(n + 1).padStart(width, '0')}`;
const dateOrNull = (value: Day | null) => (value === null ? null : isoDate(value));
/** The year of the 31 July census closing the collection year `on` falls in. */
const censusYearOf = (on: Day) => (monthOf(on) >= 8 ? yearOf(on) + 1 : yearOf(on));

/**
 * Generate the fictional authority's extract.
 * @example const extract = generateDemoExtract({ seed: 2021 }); extract.children.length // about 20,000
 */
export function generateDemoExtract(options: DemoOptions): DemoExtract {
  const { seed } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`the demo seed must be a whole number, not ${seed}`);
  const todayIso = options.today ?? defaultToday;
  const today = day(todayIso);
  if (todayIso < '2022-05-01' || todayIso > '2040-12-31') throw new RangeError('the demo reference date must be between 2022-05-01 and 2040-12-31');

  // To the census of the collection year today falls in (1 August on: next July's, a projection), so that year's
  // returns check finds the population it needs (Y101).
  const population = demoPopulation(createRandom(seed, 'population'), censusYearOf(today));
  const pool = createChildPool(createRandom(seed, 'children'), seed, today, population.find((row) => row.year === yearOf(today))!.age_0_17);
  const episodes = simulateCareHistory(createRandom(seed, 'care'), pool, today);
  const registrations = generateRegistrations(createRandom(seed, 'protection'), pool, episodes, today);
  const history = generateReferrals(createRandom(seed, 'referrals'), pool, episodes, registrations, today);
  const scra = generateScraReferrals(createRandom(seed, 'reporter'), pool, history.known, today);
  const cases = casesFromInvolvements(createRandom(seed, 'cases'), history.involvements, today);

  const byStart = <T extends { child: { childId: string } }>(items: T[], start: (item: T) => Day) =>
    [...items].sort((a, b) => start(a) - start(b) || (a.child.childId < b.child.childId ? -1 : a.child.childId > b.child.childId ? 1 : 0));

  const lookedAfter: EpisodeRow[] = [];
  const placements: PlacementRow[] = [];
  const episodeId = numbered('E', 5);
  const placementId = numbered('P', 6);
  for (const episode of byStart(episodes, (e) => e.start)) {
    const id = episodeId(lookedAfter.length);
    lookedAfter.push({
      episode_id: id, child_id: episode.child.childId, start_date: isoDate(episode.start), end_date: dateOrNull(episode.end),
      legal_reason: episode.legalReason, reason_ended: episode.reasonEnded,
    });
    for (const placement of episode.placements) {
      placements.push({
        placement_id: placementId(placements.length), episode_id: id, child_id: episode.child.childId,
        start_date: isoDate(placement.start), end_date: dateOrNull(placement.end), placement_type: placement.type,
        provider_id: placement.providerId, out_of_authority: placement.outOfAuthority ? 'Y' : 'N',
        weekly_cost: placement.weeklyCostPence === null ? null : (placement.weeklyCostPence / 100).toFixed(2),
      });
    }
  }

  const caseId = numbered('K', 6);
  const referralId = numbered('R', 6);
  const registrationId = numbered('CP', 5);
  const scraId = numbered('S', 6);
  return {
    seed,
    today: todayIso,
    authority: { ...demoAuthority },
    population,
    children: pool.children.map((c) => ({
      child_id: c.childId, family_id: c.family.familyId, forename: c.forename, surname: c.surname, date_of_birth: isoDate(c.dateOfBirth),
      sex: c.sex, ethnicity: c.ethnicity, disability: c.disability, school_cluster: c.cluster.name, locality: c.locality,
    })),
    cases: byStart(cases, (k) => k.opened).map((k, i) => ({
      case_id: caseId(i), child_id: k.child.childId, team: k.team, worker_id: k.workerId, opened_date: isoDate(k.opened), closed_date: dateOrNull(k.closed),
    })),
    referrals: byStart(history.referrals, (r) => r.received).map((r, i) => ({
      referral_id: referralId(i), child_id: r.child.childId, received_date: isoDate(r.received), source: r.source, reason: r.reason,
      school_cluster: r.child.cluster.name, pathway: r.pathway, closed_date: dateOrNull(r.closed),
    })),
    lookedAfter,
    placements,
    providers: providers.map((p) => ({ ...p })),
    cpRegistrations: byStart(registrations, (r) => r.start).map((r, i) => ({
      registration_id: registrationId(i), child_id: r.child.childId, registered_date: isoDate(r.start), deregistered_date: dateOrNull(r.end),
      concerns: r.concerns.join(';'), deregistration_reason: r.reason,
    })),
    scraReferrals: byStart(scra, (s) => s.date).map((s, i) => ({
      scra_referral_id: scraId(i), child_id: s.child.childId, referral_date: isoDate(s.date), ground: s.ground,
    })),
    benchmarks: demoBenchmarks(),
  };
}

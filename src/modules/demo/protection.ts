/**
 * @module Child protection registrations: brothers and sisters registered together, fewer each year, a few
 * children re-registered within 18 months, registrations ending when a child comes into care — and none in
 * the Family First cluster once the team starts.
 */
import { clusters, familyFirst } from './authority.js';
import type { ChildPool, DemoChild, Span } from './children.js';
import { addYears, ageOn, day, daysPerYear, fromParts, type Day } from './dates.js';
import type { EpisodeModel } from './careHistory.js';
import type { Random } from '../../platform/random/seededRandom.js';
import { concernCodes, type Concern as ConcernCode, type DeregistrationReason } from '../../platform/codes/protectionCodes.js';

export interface RegistrationModel {
  child: DemoChild;
  start: Day;
  end: Day | null;
  concerns: ConcernCode[];
  reason: DeregistrationReason | null;
}

/** The register is kept from this day (so the 2016 census sees a register already running). */
export const registerStart = '2015-08-01';

/** Children newly registered in each reporting year (ending 31 July), besides those registered before coming into care. */
const registrationsPerYear: Readonly<Record<number, number>> = {
  2016: 62, 2017: 58, 2018: 52, 2019: 48, 2020: 40, 2021: 33, 2022: 30,
};

const concernWeights: Readonly<Record<ConcernCode, number>> = {
  domestic_abuse: 35, neglect: 30, parental_mental_health: 20, parental_drug_misuse: 18, parental_alcohol_misuse: 15,
  emotional_abuse: 20, physical_abuse: 12, sexual_abuse: 4, child_sexual_exploitation: 2, child_trafficking: 0.3,
  non_engaging_family: 10, placing_self_at_risk: 3, other: 2,
};

function concernsFor(random: Random, ageYears: number): ConcernCode[] {
  const candidates = concernCodes.filter((c) => ageYears >= 11 || (c !== 'child_sexual_exploitation' && c !== 'placing_self_at_risk'));
  const weights = candidates.map((c) => concernWeights[c]);
  const count = random.weightedIndex([0, 45, 38, 17]);
  const chosen = new Set<ConcernCode>();
  while (chosen.size < count) {
    const index = random.weightedIndex(weights);
    chosen.add(candidates[index]!);
    weights[index] = 0;
  }
  return concernCodes.filter((c) => chosen.has(c));
}

const overlaps = (spans: readonly Span[], start: Day, end: Day | null): boolean =>
  spans.some((s) => (s.end === null || s.end > start) && (end === null || s.start < end));

/**
 * Generate the register from 2015-08-01 to `today`.
 * @example const registrations = generateRegistrations(createRandom(2021, 'protection'), pool, episodes, day('2022-10-31'))
 */
export function generateRegistrations(random: Random, pool: ChildPool, episodes: readonly EpisodeModel[], today: Day): RegistrationModel[] {
  const registrations: RegistrationModel[] = [];
  const first = day(registerStart);
  const familyFirstStart = day(familyFirst.start);

  const register = (child: DemoChild, start: Day, end: Day | null, concerns: ConcernCode[], reason: DeregistrationReason | null) => {
    // A registration ends when the child comes into care.
    const care = child.lookedAfter.find((s) => s.start > start && (end === null || s.start < end));
    if (care) {
      end = care.start;
      reason = 'child_looked_after';
    }
    if (end !== null && end > today) {
      end = null;
      reason = null;
    }
    const registration: RegistrationModel = { child, start, end, concerns, reason };
    registrations.push(registration);
    child.registrations.push({ start, end });
    return registration;
  };

  const mayRegister = (child: DemoChild, on: Day): boolean =>
    child.dateOfBirth <= on && ageOn(child.dateOfBirth, on) < 16 &&
    !overlaps(child.registrations, on, on + 1) && !overlaps(child.lookedAfter, on, on + 1) &&
    !(on >= familyFirstStart && child.cluster.name === familyFirst.cluster);

  // Children registered in the months before they came into care.
  for (const episode of episodes) {
    const { child } = episode;
    if (episode.start < first + 60 || ageOn(child.dateOfBirth, episode.start) >= 13 || !random.chance(0.25)) continue;
    const start = Math.max(child.dateOfBirth, episode.start - random.int(30, 240));
    if (start >= episode.start || start < first || overlaps(child.registrations, start, episode.start) || overlaps(child.lookedAfter, start, episode.start)) continue;
    register(child, start, episode.start, concernsFor(random, ageOn(child.dateOfBirth, start)), 'child_looked_after');
  }

  const ended: RegistrationModel[] = [];
  const clusterWeights = (on: Day) => clusters.map((c) => (on >= familyFirstStart && c.name === familyFirst.cluster ? 0 : c.share * c.need));
  for (let year = 2016; fromParts(year - 1, 8, 1) <= today; year += 1) {
    const from = Math.max(first, fromParts(year - 1, 8, 1));
    const to = Math.min(today, fromParts(year, 7, 31));
    const wanted = Math.round((registrationsPerYear[year] ?? 28) * ((to - from + 1) / 365));
    let registered = 0;
    while (registered < wanted) {
      const start = random.int(from, to);
      let children: DemoChild[] = [];
      if (random.chance(0.14)) {
        // Registered again, months after being taken off the register.
        const again = ended.filter((r) => r.end !== null && r.end >= start - 540 && r.end <= start - 60 && mayRegister(r.child, start));
        if (again.length) children = [random.pick(again).child];
      }
      if (!children.length) {
        const cluster = clusters[random.weightedIndex(clusterWeights(start))]!;
        const child = pool.pick(random, cluster, start, 0, Math.floor(15.5 * daysPerYear), (c) => mayRegister(c, start));
        children = [child, ...child.family.members.filter((c) => c !== child && mayRegister(c, start) && random.chance(0.65))];
      }
      const length = random.int(90, 200) + random.int(0, 240);
      const reason = random.weighted<DeregistrationReason>({ improved_home_situation: 84, moved_away: 13, other: 3 });
      const concerns = concernsFor(random, ageOn(children[0]!.dateOfBirth, start));
      for (const child of children) {
        if (addYears(child.dateOfBirth, 18) <= start + length || overlaps(child.registrations, start, start + length)) continue;
        const registration = register(child, start, start + length, concerns, reason);
        if (registration.reason === 'improved_home_situation') ended.push(registration);
        registered += 1;
      }
    }
  }
  return registrations;
}

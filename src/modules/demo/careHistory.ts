/**
 * @module The looked after history, month by month from 2014: children come into care, move placement, are
 * brought home from outwith the authority and leave care, so that the number looked after on each 31 July
 * falls year on year as in the seed report — and no child in the Family First cluster comes into care once
 * the team starts.
 */
import { clusters, familyFirst, historyStart, lookedAfterCensusTargets, lookedAfterStartsPerYear, type Cluster } from './authority.js';
import { addMonths, addYears, ageOn, censusDay, day, daysPerYear, monthOf, yearOf, type Day } from './dates.js';
import type { DemoChild, ChildPool } from './children.js';
import {
  bringingChildrenHome, firstPlacementType, legalReason, monthlyMoveChance, nextPlacementType, placementTerms, reasonEnded,
  startingPlacementType, type PlacementTerms,
} from './placementChoices.js';
import type { Random } from '../../platform/random/seededRandom.js';
import { type LegalReason, type PlacementType, type ReasonEnded } from '../../platform/codes/careCodes.js';

export interface PlacementModel extends PlacementTerms {
  start: Day;
  end: Day | null;
  type: PlacementType;
}

export interface EpisodeModel {
  child: DemoChild;
  start: Day;
  end: Day | null;
  legalReason: LegalReason;
  reasonEnded: ReasonEnded | null;
  placements: PlacementModel[];
}

interface OpenEpisode {
  episode: EpisodeModel;
  /** The month of its last start, move or end: one event per episode per month keeps dates in order. */
  lastEventMonth: number;
}

/** Ages at coming into care, as [from, to) in years and weight. */
const ageBandsAtStart: readonly (readonly [number, number, number])[] = [
  [0, 1, 12], [1, 5, 18], [5, 10, 22], [10, 13, 18], [13, 16, 24], [16, 17.6, 6],
];
/** Ages of the children already looked after when the history starts. */
const ageBandsInCare: readonly (readonly [number, number, number])[] = [
  [0, 5, 22], [5, 12, 35], [12, 16, 30], [16, 17.7, 13],
];

/** How likely a child in each placement is to be the one leaving care (others 1). */
const leavingWeight: Partial<Record<PlacementType, number>> = {
  at_home: 1.5, prospective_adopters: 2.5, other_community: 1.5, secure: 0.3, crisis_care: 0.3, kinship: 0.7, residential_school: 0.8, la_home: 1.3, voluntary_home: 1.3, other_residential: 1.3,
};

/** The census targets with a little seeded jitter, and later years continuing the fall. */
function censusTargets(random: Random, lastYear: number): Map<number, number> {
  const targets = new Map<number, number>();
  for (let year = 2014; year <= lastYear + 1; year += 1) {
    const planned = lookedAfterCensusTargets[year];
    targets.set(year, planned === undefined ? Math.round(targets.get(year - 1)! * 0.97) : planned + (year === 2014 ? 0 : random.int(-3, 3)));
  }
  return targets;
}

function targetOn(targets: Map<number, number>, on: Day): number {
  const year = yearOf(on);
  const thisCensus = censusDay(year);
  const [fromYear, toYear] = on <= thisCensus ? [year - 1, year] : [year, year + 1];
  const from = targets.get(fromYear) ?? targets.get(2014)!;
  const to = targets.get(toYear) ?? from;
  const t = (on - censusDay(fromYear)) / (censusDay(toYear) - censusDay(fromYear));
  return Math.round(from + (to - from) * t);
}

function reportingYear(on: Day): number {
  return monthOf(on) >= 8 ? yearOf(on) + 1 : yearOf(on);
}

/**
 * Run the looked after history from 2014-08-01 to `today`.
 * @example const episodes = simulateCareHistory(createRandom(2021, 'care'), pool, day('2022-10-31'))
 */
export function simulateCareHistory(random: Random, pool: ChildPool, today: Day): EpisodeModel[] {
  const episodes: EpisodeModel[] = [];
  const open: OpenEpisode[] = [];
  const leftCare: DemoChild[] = [];
  const targets = censusTargets(random, yearOf(today));
  const familyFirstStart = day(familyFirst.start);
  const clusterWeights = (on: Day) => clusters.map((c) => (on >= familyFirstStart && c.name === familyFirst.cluster ? 0 : c.share * c.need));

  const canComeIntoCare = (child: DemoChild, on: Day): boolean => {
    if (child.dateOfBirth > on || addYears(child.dateOfBirth, 18) <= on + 120) return false;
    if (on >= familyFirstStart && child.cluster.name === familyFirst.cluster) return false;
    const last = child.lookedAfter[child.lookedAfter.length - 1];
    return !last || (last.end !== null && last.end <= on - 90);
  };

  const place = (episode: EpisodeModel, type: PlacementType, start: Day, local: boolean) => {
    episode.placements.push({ start, end: null, type, ...placementTerms(random, type, start, local) });
  };

  const startEpisode = (child: DemoChild, start: Day, type: PlacementType, month: number) => {
    const episode: EpisodeModel = { child, start, end: null, legalReason: legalReason(random, type), reasonEnded: null, placements: [] };
    place(episode, type, start, false);
    episodes.push(episode);
    open.push({ episode, lastEventMonth: month });
    child.lookedAfter.push({ start, end: null });
    return episode;
  };

  const endEpisode = (entry: OpenEpisode, end: Day, turned18: boolean, month: number) => {
    const { episode } = entry;
    const current = episode.placements[episode.placements.length - 1]!;
    current.end = end;
    episode.end = end;
    episode.reasonEnded = reasonEnded(random, current.type, ageOn(episode.child.dateOfBirth, end), turned18);
    episode.child.lookedAfter[episode.child.lookedAfter.length - 1]!.end = end;
    entry.lastEventMonth = month;
    open.splice(open.indexOf(entry), 1);
    if (!turned18) leftCare.push(episode.child);
  };

  const ageInDays = (band: readonly [number, number, number]) => random.int(Math.floor(band[0] * daysPerYear), Math.floor(band[1] * daysPerYear) - 1);

  // The children already looked after when the history starts, some of them in their second placement.
  const first = day(historyStart);
  const alreadyInCare = targetOn(targets, first - 1);
  for (let n = 0; n < alreadyInCare; n += 1) {
    const cluster = clusters[random.weightedIndex(clusterWeights(first - 1))]!;
    const ageDays = Math.max(60, ageInDays(ageBandsInCare[random.weightedIndex(ageBandsInCare.map((b) => b[2]))]!));
    const child = pool.pick(random, cluster, first, ageDays, ageDays + 30, (c) => c.lookedAfter.length === 0 && addYears(c.dateOfBirth, 18) > first + 60);
    const ageYears = ageOn(child.dateOfBirth, first);
    const type = startingPlacementType(random, ageYears);
    const inCareFor = Math.max(30, Math.min(first - child.dateOfBirth, Math.floor(random.next() ** 1.6 * 7 * daysPerYear)));
    const start = first - inCareFor;
    const reason = legalReason(random, type);
    const earlier = inCareFor > 120 && random.chance(0.35) ? nextPlacementType(random, type, start, ageOn(child.dateOfBirth, start), false, reason) : undefined;
    const episode = startEpisode(child, start, earlier ?? type, -1);
    episode.legalReason = reason;
    if (earlier) {
      const moved = random.int(start + 30, first - 1);
      episode.placements[0]!.end = moved;
      place(episode, type, moved, false);
    }
  }

  for (let monthStart = first, month = 0; monthStart <= today; monthStart = addMonths(monthStart, 1), month += 1) {
    const monthEnd = Math.min(addMonths(monthStart, 1) - 1, today);
    const someDay = () => random.int(monthStart, monthEnd);

    // Leaving care at 18.
    for (const entry of [...open]) {
      const eighteenth = addYears(entry.episode.child.dateOfBirth, 18);
      if (eighteenth <= monthEnd) endEpisode(entry, eighteenth, true, month);
    }

    // How many come in and how many leave, so that the number looked after follows the census targets.
    let arrivals = random.poisson((lookedAfterStartsPerYear[reportingYear(monthStart)] ?? 27) / 12);
    const target = targetOn(targets, monthEnd);
    let departures = open.length + arrivals - target;
    if (departures < 0) {
      arrivals -= departures;
      departures = 0;
    }
    const candidates = open.filter((entry) => entry.lastEventMonth < month);
    const weights = candidates.map(({ episode }) => {
      const current = episode.placements[episode.placements.length - 1]!;
      let weight = leavingWeight[current.type] ?? 1;
      if (episode.legalReason === 'permanence_order') weight *= 0.25;
      if (monthStart - episode.start < 60) weight *= 0.1;
      if (ageOn(episode.child.dateOfBirth, monthStart) >= 16) weight *= 1.6;
      return weight;
    });
    for (let n = 0; n < departures && n < candidates.length; n += 1) {
      const chosen = random.weightedIndex(weights);
      weights[chosen] = 0;
      endEpisode(candidates[chosen]!, someDay(), false, month);
    }

    // Moves, including bringing children placed outwith the authority back home.
    for (const entry of open) {
      if (entry.lastEventMonth >= month) continue;
      const current = entry.episode.placements[entry.episode.placements.length - 1]!;
      const bringHome = current.outOfAuthority && monthStart >= bringingChildrenHome && random.chance(0.002);
      if (!bringHome && !random.chance(monthlyMoveChance[current.type])) continue;
      const moved = someDay();
      const next = nextPlacementType(random, current.type, moved, ageOn(entry.episode.child.dateOfBirth, moved), bringHome, entry.episode.legalReason);
      if (next === undefined) continue;
      current.end = moved;
      place(entry.episode, next, moved, bringHome);
      entry.lastEventMonth = month;
    }

    // Children coming into care, sometimes with a brother or sister.
    while (arrivals > 0) {
      const start = someDay();
      let child: DemoChild | undefined;
      if (leftCare.length && random.chance(0.08)) {
        for (let attempt = 0; attempt < 10 && !child; attempt += 1) {
          const candidate = random.pick(leftCare);
          if (canComeIntoCare(candidate, start)) child = candidate;
        }
      }
      if (!child) {
        const cluster: Cluster = clusters[random.weightedIndex(clusterWeights(start))]!;
        const band = ageBandsAtStart[random.weightedIndex(ageBandsAtStart.map((b) => b[2]))]!;
        const youngest = Math.floor(band[0] * daysPerYear);
        child = pool.pick(random, cluster, start, youngest, Math.floor(band[1] * daysPerYear) - 1, (c) => canComeIntoCare(c, start));
      }
      const ageYears = ageOn(child.dateOfBirth, start);
      const type = firstPlacementType(random, start, ageYears);
      startEpisode(child, start, type, month);
      arrivals -= 1;
      if (arrivals > 0 && ageYears < 15 && random.chance(0.22)) {
        const sibling = child.family.members.find((c) => c !== child && canComeIntoCare(c, start) && ageOn(c.dateOfBirth, start) < 16);
        if (sibling) {
          const together = type === 'at_home' || type === 'kinship' || type === 'foster_la' || type === 'foster_purchased';
          startEpisode(sibling, start, together ? type : firstPlacementType(random, start, ageOn(sibling.dateOfBirth, start)), month);
          arrivals -= 1;
        }
      }
    }
  }
  return episodes;
}

/** @module How the demo chooses a placement: its type (shifting towards home and family over the years), provider, location and cost. */
import { lastSecureStart, providersByType, providers, weeklyCostRange } from './authority.js';
import { day, yearOf, type Day } from './dates.js';
import type { Random } from '../../platform/random/seededRandom.js';
import { type LegalReason, type PlacementType, type ReasonEnded } from '../../platform/codes/careCodes.js';

type Weights = Partial<Record<PlacementType, number>>;

/** First placements when the history begins (2016) … */
const earlyFirstPlacements: Weights = {
  at_home: 32, kinship: 17, foster_la: 18, foster_purchased: 14, la_home: 5, residential_school: 6, voluntary_home: 2,
  secure: 2.5, crisis_care: 1.5, other_residential: 1, prospective_adopters: 1.5, other_community: 1,
};
/** … and once the change in the balance of care has taken hold (mid-2021; cf. the seed's 23 starts). */
const lateFirstPlacements: Weights = {
  at_home: 68, kinship: 6, foster_la: 14, foster_purchased: 1, la_home: 4, residential_school: 6, prospective_adopters: 0.5, crisis_care: 0.5,
};
/** Where the children already looked after when the history starts are living. */
const startingStock: Weights = {
  at_home: 22, kinship: 27, foster_la: 20, foster_purchased: 13, la_home: 6, residential_school: 6, voluntary_home: 2,
  other_residential: 1, secure: 0.5, prospective_adopters: 1.5, other_community: 1,
};

const shiftFrom = day('2016-08-01');
const shiftTo = day('2021-07-01');
const secureEnds = day(lastSecureStart);
/** From here on, children placed outwith the authority are brought back when a local place is found. */
export const bringingChildrenHome = day('2018-08-01');

function allowedAtAge(type: PlacementType, ageYears: number): boolean {
  switch (type) {
    case 'prospective_adopters': return ageYears < 5;
    case 'residential_school':
    case 'voluntary_home': return ageYears >= 10;
    case 'secure':
    case 'other_residential': return ageYears >= 13;
    case 'other_community': return ageYears >= 16;
    case 'la_home': return ageYears >= 8;
    default: return true;
  }
}

function usable(weights: Weights, on: Day, ageYears: number, except?: PlacementType): Weights {
  const result: Weights = {};
  for (const [type, weight] of Object.entries(weights) as [PlacementType, number][]) {
    if (type === except || !allowedAtAge(type, ageYears)) continue;
    if (type === 'secure' && on > secureEnds) continue;
    result[type] = weight;
  }
  return result;
}

function blend(on: Day): Weights {
  const t = Math.min(1, Math.max(0, (on - shiftFrom) / (shiftTo - shiftFrom)));
  const result: Weights = {};
  for (const type of new Set([...Object.keys(earlyFirstPlacements), ...Object.keys(lateFirstPlacements)]) as Set<PlacementType>) {
    result[type] = (earlyFirstPlacements[type] ?? 0) * (1 - t) + (lateFirstPlacements[type] ?? 0) * t;
  }
  return result;
}

/** @example firstPlacementType(random, day('2021-09-01'), 9) // usually 'at_home' */
export function firstPlacementType(random: Random, on: Day, ageYears: number): PlacementType {
  return random.weighted(usable(blend(on), on, ageYears));
}

/** @example startingPlacementType(random, 12) */
export function startingPlacementType(random: Random, ageYears: number): PlacementType {
  return random.weighted(usable(startingStock, 0, ageYears));
}

/** Chance in a month that a child in this placement moves (before any move home to Glenmuir). */
export const monthlyMoveChance: Readonly<Record<PlacementType, number>> = {
  at_home: 0.006, kinship: 0.004, foster_la: 0.009, foster_purchased: 0.013, prospective_adopters: 0.004, other_community: 0.01,
  la_home: 0.014, voluntary_home: 0.02, residential_school: 0.012, secure: 0.35, crisis_care: 0.55, other_residential: 0.03,
};

/**
 * Can a child be placed in `type` under `reason`, as the returns' rules require (E102, E103, P107)? A supervision
 * order at home keeps the child at home; an order with a residence condition, a permanence order, a child
 * protection order, voluntary accommodation and criminal justice measures keep the child away from home; voluntary
 * accommodation is never secure. An interim order (and "other") may do either. A child whose placement would need
 * another legal reason stays where they are: Cairn records one legal reason an episode.
 * @example allowedUnder('cso_home', 'kinship') // false
 */
export function allowedUnder(reason: LegalReason, type: PlacementType): boolean {
  switch (reason) {
    case 'cso_home': return type === 'at_home';
    case 'interim_cso':
    case 'other': return true;
    case 's25_voluntary': return type !== 'at_home' && type !== 'secure';
    default: return type !== 'at_home';
  }
}

function under(reason: LegalReason, weights: Weights): Weights {
  const result: Weights = {};
  for (const [type, weight] of Object.entries(weights) as [PlacementType, number][]) if (allowedUnder(reason, type)) result[type] = weight;
  return result;
}

function drawn(random: Random, weights: Weights): PlacementType | undefined {
  return Object.values(weights).some((weight) => weight > 0) ? random.weighted(weights) : undefined;
}

/**
 * Where a child looked after under `reason` moves to from `from`, or undefined when no placement the legal reason
 * allows fits. `bringHome` moves a child placed outwith the authority to a local placement.
 * @example nextPlacementType(random, 'secure', day('2019-03-01'), 15, false, 'cso_away') // e.g. 'residential_school'
 */
export function nextPlacementType(random: Random, from: PlacementType, on: Day, ageYears: number, bringHome: boolean, reason: LegalReason): PlacementType | undefined {
  if (bringHome) return drawn(random, under(reason, usable({ kinship: 30, foster_la: 35, la_home: 35 }, on, ageYears, from)));
  if (from === 'secure') return drawn(random, under(reason, usable({ residential_school: 50, la_home: 40, voluntary_home: 10 }, on, ageYears)));
  if (from === 'crisis_care') return drawn(random, under(reason, usable({ foster_la: 45, kinship: 25, la_home: 20, at_home: 10 }, on, ageYears)));
  const weights = under(reason, usable(blend(on), on, ageYears, from));
  if (weights.at_home !== undefined) weights.at_home *= 0.3;
  return drawn(random, weights);
}

/** Chance that a placement of this type lies outwith the authority. */
function outOfAuthorityChance(type: PlacementType, on: Day): number {
  const t = Math.min(1, Math.max(0, (on - shiftFrom) / (shiftTo - shiftFrom)));
  switch (type) {
    case 'residential_school': return 0.85;
    case 'voluntary_home': return 0.55;
    case 'other_residential': return 0.8;
    case 'secure': return 1;
    case 'foster_purchased': return 0.45 - 0.15 * t;
    case 'kinship': return 0.08;
    case 'foster_la': return 0.03;
    default: return 0;
  }
}

export interface PlacementTerms {
  providerId: string | null;
  outOfAuthority: boolean;
  /** Whole pence a week, or null where the authority pays nothing for the placement. */
  weeklyCostPence: number | null;
}

const providerTypeOf = new Map(providers.map((p) => [p.provider_id, p.provider_type]));

/**
 * Provider, location and weekly cost of a placement starting on `on`; `local` keeps it inside the authority.
 * @example placementTerms(random, 'foster_purchased', day('2017-05-01'), false) // { providerId: 'BRIGHTWATER', … }
 */
export function placementTerms(random: Random, type: PlacementType, on: Day, local: boolean): PlacementTerms {
  const choices = providersByType[type];
  const providerId = Object.keys(choices).length ? random.weighted(choices) : null;
  const otherCouncil = providerId !== null && providerTypeOf.get(providerId) === 'other_authority';
  const outOfAuthority = !local && (otherCouncil || random.chance(outOfAuthorityChance(type, on)));
  const range = weeklyCostRange[type];
  let weeklyCostPence: number | null = null;
  if (range) {
    // 2022 prices, less 1.5% for each year before 2022 (placements from before 2016 at 2016 prices), 3% more each year after.
    const years = Math.max(2016, yearOf(on)) - 2022;
    const prices = years < 0 ? 1 + 0.015 * years : 1 + 0.03 * years;
    weeklyCostPence = Math.round(random.between(range[0], range[1]) * prices * 100);
  }
  return { providerId, outOfAuthority, weeklyCostPence };
}

const legalReasonWeights: Readonly<Record<PlacementType, Partial<Record<LegalReason, number>>>> = {
  at_home: { cso_home: 92, interim_cso: 8 },
  kinship: { cso_away: 55, s25_voluntary: 30, interim_cso: 10, permanence_order: 5 },
  foster_la: { cso_away: 45, s25_voluntary: 25, interim_cso: 12, permanence_order: 12, cpo_or_warrant: 6 },
  foster_purchased: { cso_away: 45, s25_voluntary: 25, interim_cso: 12, permanence_order: 12, cpo_or_warrant: 6 },
  prospective_adopters: { permanence_order: 70, cso_away: 30 },
  other_community: { cso_away: 50, s25_voluntary: 50 },
  la_home: { cso_away: 60, s25_voluntary: 25, interim_cso: 10, other: 5 },
  voluntary_home: { cso_away: 60, s25_voluntary: 25, interim_cso: 10, other: 5 },
  residential_school: { cso_away: 65, s25_voluntary: 20, interim_cso: 10, other: 5 },
  secure: { cso_away: 60, criminal_justice: 30, interim_cso: 10 },
  crisis_care: { cpo_or_warrant: 50, s25_voluntary: 50 },
  other_residential: { cso_away: 60, s25_voluntary: 30, other: 10 },
};

/** @example legalReason(random, 'at_home') // 'cso_home' */
export function legalReason(random: Random, firstPlacement: PlacementType): LegalReason {
  return random.weighted(legalReasonWeights[firstPlacement]);
}

function group(type: PlacementType): 'home' | 'kinship' | 'adoption' | 'family' | 'residential' {
  if (type === 'at_home') return 'home';
  if (type === 'kinship') return 'kinship';
  if (type === 'prospective_adopters') return 'adoption';
  if (type === 'foster_la' || type === 'foster_purchased' || type === 'other_community') return 'family';
  return 'residential';
}

/**
 * Why an episode ended, given the last placement and the child's age; `turned18` for those who leave care at 18.
 * @example reasonEnded(random, 'kinship', 9, false) // e.g. 'kinship_care_order'
 */
export function reasonEnded(random: Random, last: PlacementType, ageYears: number, turned18: boolean): ReasonEnded {
  const kind = group(last);
  if (turned18) {
    if (kind === 'home') return 'home_with_parents';
    if (kind === 'kinship') return 'friends_relatives';
    if (kind === 'residential') return random.weighted({ continuing_care: 40, own_tenancy_supported: 45, home_with_parents: 10, custody: 5 });
    return random.weighted({ continuing_care: 60, own_tenancy_supported: 30, home_with_parents: 10 });
  }
  switch (kind) {
    case 'home': return random.weighted({ home_with_parents: 85, friends_relatives: 5, other: 5, not_known: 5 });
    case 'kinship': return random.weighted({ kinship_care_order: 50, friends_relatives: 25, home_with_parents: 25 });
    case 'adoption': return 'adopted';
    case 'family':
      // Adopted only from a placement with prospective adopters (E114).
      if (ageYears < 6) return random.weighted({ home_with_parents: 55, kinship_care_order: 25, friends_relatives: 15, other: 5 });
      if (ageYears >= 16) return random.weighted({ continuing_care: 40, own_tenancy_supported: 25, home_with_parents: 30, other: 5 });
      return random.weighted({ home_with_parents: 60, friends_relatives: 15, kinship_care_order: 15, other: 5, not_known: 5 });
    case 'residential':
      if (ageYears >= 16) return random.weighted({ own_tenancy_supported: 35, continuing_care: 25, home_with_parents: 25, custody: 5, residential: 5, other: 5 });
      return random.weighted({ home_with_parents: 65, friends_relatives: 15, residential: 5, other: 10, not_known: 5 });
  }
}

/** @module Glenmuir, the fictional demo authority: its clusters, teams, workers, providers and the shape of its story. */
import type { ProviderRow } from './extract.js';
import { type PlacementType } from '../../platform/codes/careCodes.js';

/** A made-up council and a made-up GSS-style code (no real council has it). */
export const demoAuthority = { authority_code: 'S12000990', authority_name: 'Glenmuir' } as const;

export const areaTeams = {
  north: 'Children and Families North',
  south: 'Children and Families South',
} as const;

export const teams = {
  ...areaTeams,
  familyFirst: 'Family First',
  throughcare: 'Throughcare',
  disabilities: 'Children with Disabilities',
} as const;
export type TeamKey = keyof typeof teams;

export interface Cluster {
  /** The secondary school cluster, as `school_cluster` is written. */
  name: string;
  localities: readonly string[];
  /** Share of the authority's children living in it. */
  share: number;
  /** How much more (or less) than average its children come to social work's attention. */
  need: number;
  areaTeam: 'north' | 'south';
}

/** Five invented secondary school clusters. Corsebank is the high-need cluster that gets the Family First team. */
export const clusters: readonly Cluster[] = [
  { name: 'Ardmorran', localities: ['Ardmorran', 'Portlachan'], share: 0.23, need: 1.0, areaTeam: 'north' },
  { name: 'Corsebank', localities: ['Corsebank', 'Whinfield'], share: 0.195, need: 1.55, areaTeam: 'north' },
  { name: 'Drumlaggan', localities: ['Drumlaggan', 'Knockstane'], share: 0.21, need: 1.15, areaTeam: 'south' },
  { name: 'Inverbrae', localities: ['Inverbrae', 'Coldwells'], share: 0.19, need: 0.9, areaTeam: 'north' },
  { name: 'Strathmuir', localities: ['Strathmuir', 'Glenarroch', 'Auchenlea'], share: 0.175, need: 0.7, areaTeam: 'south' },
];

/** The cluster with the early-intervention team, and the day it started taking referrals. */
export const familyFirst = { cluster: 'Corsebank', start: '2021-07-01' } as const;

function workerIds(from: number, to: number): string[] {
  const ids: string[] = [];
  for (let n = from; n <= to; n += 1) ids.push(`W${String(n).padStart(3, '0')}`);
  return ids;
}

/** Sixty workers, W001–W060; the Family First team is the "team of five". */
export const workersByTeam: Readonly<Record<TeamKey, readonly string[]>> = {
  north: workerIds(1, 22),
  south: workerIds(23, 40),
  familyFirst: workerIds(41, 45),
  throughcare: workerIds(46, 52),
  disabilities: workerIds(53, 60),
};

/** The council's own services, then invented agencies, schools and neighbouring councils. */
export const providers: readonly ProviderRow[] = [
  { provider_id: 'GLM-HOUSES', name: "Glenmuir Council Children's Houses", provider_type: 'local_authority' },
  { provider_id: 'GLM-FOSTERING', name: 'Glenmuir Council Fostering and Adoption Service', provider_type: 'local_authority' },
  { provider_id: 'GLM-LODGINGS', name: 'Glenmuir Council Supported Lodgings', provider_type: 'local_authority' },
  { provider_id: 'BRIGHTWATER', name: 'Brightwater Fostering Ltd', provider_type: 'private' },
  { provider_id: 'HEARTHSTONE', name: 'Hearthstone Family Placements', provider_type: 'voluntary' },
  { provider_id: 'NORTHLIGHT', name: 'Northlight Foster Care', provider_type: 'private' },
  { provider_id: 'THISTLEBANK', name: 'Thistlebank Residential School', provider_type: 'voluntary' },
  { provider_id: 'ASHGROVE', name: 'Ashgrove School and Care Ltd', provider_type: 'private' },
  { provider_id: 'LOCHSIDE', name: "Lochside Children's Services", provider_type: 'voluntary' },
  { provider_id: 'HEATHERLEA', name: 'Heatherlea Care Homes Ltd', provider_type: 'private' },
  { provider_id: 'GREYSTANES', name: 'Greystanes Secure Centre', provider_type: 'voluntary' },
  { provider_id: 'WESTHAVEN', name: 'Westhaven Council', provider_type: 'other_authority' },
  { provider_id: 'DUNBRAE', name: 'Dunbrae Council', provider_type: 'other_authority' },
];

/** Who provides each placement type (weights); kinship and home placements have no provider. */
export const providersByType: Readonly<Record<PlacementType, Readonly<Record<string, number>>>> = {
  at_home: {},
  kinship: {},
  foster_la: { 'GLM-FOSTERING': 1 },
  foster_purchased: { BRIGHTWATER: 40, HEARTHSTONE: 35, NORTHLIGHT: 25 },
  prospective_adopters: { 'GLM-FOSTERING': 1 },
  other_community: { 'GLM-LODGINGS': 1 },
  la_home: { 'GLM-HOUSES': 1 },
  voluntary_home: { LOCHSIDE: 70, HEATHERLEA: 30 },
  residential_school: { THISTLEBANK: 50, ASHGROVE: 50 },
  secure: { GREYSTANES: 70, WESTHAVEN: 30 },
  crisis_care: { 'GLM-HOUSES': 1 },
  other_residential: { HEATHERLEA: 60, DUNBRAE: 40 },
};

/**
 * Gross weekly cost in pounds at 2022 prices (from, to); earlier years are a little cheaper.
 * Null where the authority pays nothing for the placement itself.
 */
export const weeklyCostRange: Readonly<Record<PlacementType, readonly [number, number] | null>> = {
  at_home: null,
  kinship: [185, 215],
  foster_la: [400, 500],
  foster_purchased: [800, 1100],
  prospective_adopters: null,
  other_community: [250, 350],
  la_home: [2600, 3200],
  voluntary_home: [3000, 4200],
  residential_school: [3500, 6000],
  secure: [5800, 6600],
  crisis_care: [1800, 2400],
  other_residential: [3200, 4800],
};

/**
 * Children looked after on each 31 July census day (before a little seeded jitter): falling year on year,
 * as in the seed board report (370 in 2017 to 233 in 2021, a 39% fall from 2016).
 */
export const lookedAfterCensusTargets: Readonly<Record<number, number>> = {
  2014: 398, 2015: 392, 2016: 385, 2017: 370, 2018: 355, 2019: 345, 2020: 300, 2021: 236, 2022: 226,
};

/** Children starting to be looked after in each reporting year (ending 31 July of the year). */
export const lookedAfterStartsPerYear: Readonly<Record<number, number>> = {
  2015: 100, 2016: 95, 2017: 92, 2018: 86, 2019: 80, 2020: 62, 2021: 45, 2022: 28,
};

/** Mid-year population aged 0–17 (before jitter): slowly falling. */
export const populationEstimates: Readonly<Record<number, number>> = {
  2016: 20480, 2017: 20390, 2018: 20300, 2019: 20180, 2020: 20050, 2021: 19930, 2022: 19840,
};

/** The history starts with the children already looked after on this day. */
export const historyStart = '2014-08-01';
/** Referrals, registrations and Reporter referrals are recorded from this day. */
export const recordsStart = '2016-01-01';
/** The default reference date: the history runs to it and records open on it have no end date. */
export const defaultToday = '2022-10-31';
/** Secure care stopped being used (the seed: "no secure placements in 24 months"). */
export const lastSecureStart = '2020-09-30';

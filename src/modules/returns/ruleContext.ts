/** @module What a rule is given: the collection year, the day the rules run, the records, and ways into them. */
import { addYears } from '../../platform/dates/isoDates.js';
import type { CollectionYear } from './collectionYear.js';
import type { CaseRecord, ChildRecord, EpisodeRecord, PlacementRecord, ProviderRecord, RegistrationRecord, ReturnRecords } from './records.js';

export interface RuleContext {
  year: CollectionYear;
  /** The day the rules run: dates after it are in the future. */
  today: string;
  /** The day "now" means for the year: its census date, or today while the year is not over. */
  asAt: string;
  records: ReturnRecords;
  child(childId: string): ChildRecord | undefined;
  provider(providerId: string | null): ProviderRecord | undefined;
  episode(episodeId: string): EpisodeRecord | undefined;
  /** A child's episodes, earliest first. */
  episodesOf(childId: string): EpisodeRecord[];
  /** An episode's placements, earliest first. */
  placementsOf(episodeId: string): PlacementRecord[];
  casesOf(childId: string): CaseRecord[];
  registrationsOf(childId: string): RegistrationRecord[];
  /** Episodes open on any day of the collection year. */
  episodesInYear(): EpisodeRecord[];
  placementsInYear(): PlacementRecord[];
  registrationsInYear(): RegistrationRecord[];
  /** Children looked after or on the child protection register on any day of the year: the return's children. */
  childrenInYear(): ChildRecord[];
}

interface Spell {
  startDate: string;
  endDate: string | null;
}

/**
 * Is a half-open spell (its end the first day it no longer holds) open on `date`?
 * @example openOn({ startDate: '2021-01-01', endDate: '2021-07-31' }, '2021-07-31') // false
 */
export function openOn(spell: Spell, date: string): boolean {
  return spell.startDate <= date && (spell.endDate === null || spell.endDate > date);
}

/** Is the spell open on any day from `first` to `last`, both included? */
export function openBetween(spell: Spell, first: string, last: string): boolean {
  return spell.startDate <= last && (spell.endDate === null || spell.endDate > first);
}

/** The day a child turns `years` old. */
export const birthday = (child: ChildRecord, years: number): string => addYears(child.dateOfBirth, years);

function groupBy<T>(records: readonly T[], key: (record: T) => string, order: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const at = key(record);
    const group = groups.get(at);
    if (group) group.push(record);
    else groups.set(at, [record]);
  }
  for (const group of groups.values()) group.sort(order);
  return groups;
}

const byStart = (a: Spell, b: Spell) => a.startDate.localeCompare(b.startDate);

/**
 * The context rules run in, with its lookups made once.
 * @example ruleContext(collectionYear('2021-22')!, records, '2022-09-30').childrenInYear()
 */
export function ruleContext(year: CollectionYear, records: ReturnRecords, today: string): RuleContext {
  const children = new Map(records.children.map((child) => [child.childId, child]));
  const providers = new Map(records.providers.map((provider) => [provider.providerId, provider]));
  const episodes = new Map(records.episodes.map((episode) => [episode.episodeId, episode]));
  const episodesByChild = groupBy(records.episodes, (episode) => episode.childId, byStart);
  const placementsByEpisode = groupBy(records.placements, (placement) => placement.episodeId, byStart);
  const casesByChild = groupBy(records.cases, (record) => record.childId, (a, b) => a.openedDate.localeCompare(b.openedDate));
  const registrationsByChild = groupBy(records.registrations, (registration) => registration.childId, (a, b) => a.registeredDate.localeCompare(b.registeredDate));
  const inYear = (spell: Spell) => openBetween(spell, year.start, year.census);
  const episodesInYear = records.episodes.filter(inYear);
  const registrationsInYear = records.registrations.filter((registration) => inYear({ startDate: registration.registeredDate, endDate: registration.deregisteredDate }));
  const childIdsInYear = new Set([...episodesInYear, ...registrationsInYear].map((record) => record.childId));
  // Worked out when first asked and then shared: a large authority's rules asked for them eighteen times.
  let placementsInYear: PlacementRecord[] | undefined;
  let childrenInYear: ChildRecord[] | undefined;
  return {
    year,
    today,
    asAt: today < year.census ? today : year.census,
    records,
    child: (childId) => children.get(childId),
    provider: (providerId) => (providerId === null ? undefined : providers.get(providerId)),
    episode: (episodeId) => episodes.get(episodeId),
    episodesOf: (childId) => episodesByChild.get(childId) ?? [],
    placementsOf: (episodeId) => placementsByEpisode.get(episodeId) ?? [],
    casesOf: (childId) => casesByChild.get(childId) ?? [],
    registrationsOf: (childId) => registrationsByChild.get(childId) ?? [],
    episodesInYear: () => episodesInYear,
    placementsInYear: () => (placementsInYear ??= records.placements.filter(inYear)),
    registrationsInYear: () => registrationsInYear,
    childrenInYear: () => (childrenInYear ??= records.children.filter((child) => childIdsInYear.has(child.childId))),
  };
}

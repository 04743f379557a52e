/**
 * @module A few headline figures of a generated extract, worked out from its rows by the definitions in
 * indicators.md — for `cairn demo`'s summary and for the tests that check the demo tells the seed's story.
 */
import type { DemoExtract } from './extract.js';
import { familyFirst } from './authority.js';

/**
 * Open on a date: started on or before it, and not yet ended (an end date is the first day it no longer holds).
 * @example openOn('2019-01-01', '2021-07-31', '2021-07-31') // false
 */
export function openOn(start: string, end: string | null, on: string): boolean {
  return start <= on && (end === null || end > on);
}

/** `lac.count`: distinct children with an episode open on the day. @example lookedAfterOn(extract, '2021-07-31').size */
export function lookedAfterOn(extract: DemoExtract, on: string): Set<string> {
  return new Set(extract.lookedAfter.filter((e) => openOn(e.start_date, e.end_date, on)).map((e) => e.child_id));
}

/** `placements.out_of_authority`: placements open on the day outwith the authority. @example outOfAuthorityOn(extract, '2016-07-31') */
export function outOfAuthorityOn(extract: DemoExtract, on: string): number {
  return extract.placements.filter((p) => p.out_of_authority === 'Y' && openOn(p.start_date, p.end_date, on)).length;
}

/** `caseload.open`: distinct children with a case open on the day. @example openCaseChildrenOn(extract, extract.today).size */
export function openCaseChildrenOn(extract: DemoExtract, on: string): Set<string> {
  return new Set(extract.cases.filter((k) => openOn(k.opened_date, k.closed_date, on)).map((k) => k.child_id));
}

export interface CensusFigures {
  census: string;
  lookedAfter: number;
  outOfAuthority: number;
  openCases: number;
  /** `caseload.statutory`: children with an open case who are looked after. */
  statutory: number;
}

/**
 * The census figures for each 31 July from 2016 to the reference date's year.
 * @example censusFigures(extract).map((c) => c.lookedAfter) // e.g. [386, 368, …, 227]
 */
export function censusFigures(extract: DemoExtract): CensusFigures[] {
  const figures: CensusFigures[] = [];
  for (let year = 2016; `${year}-07-31` <= extract.today; year += 1) {
    const census = `${year}-07-31`;
    const lookedAfter = lookedAfterOn(extract, census);
    const openCases = openCaseChildrenOn(extract, census);
    figures.push({
      census,
      lookedAfter: lookedAfter.size,
      outOfAuthority: outOfAuthorityOn(extract, census),
      openCases: openCases.size,
      statutory: [...openCases].filter((child) => lookedAfter.has(child)).length,
    });
  }
  return figures;
}

/**
 * Children and families referred to Family First from its start to `to` (the seed: 31 children, 24 families by April 2022).
 * @example familyFirstReferrals(extract, '2022-04-30') // { children: 31, families: 24 }
 */
export function familyFirstReferrals(extract: DemoExtract, to: string): { children: number; families: number } {
  const familyOf = new Map(extract.children.map((c) => [c.child_id, c.family_id ?? c.child_id]));
  const children = new Set(extract.referrals
    .filter((r) => r.pathway === 'family_first' && r.received_date >= familyFirst.start && r.received_date <= to)
    .map((r) => r.child_id));
  return { children: children.size, families: new Set([...children].map((c) => familyOf.get(c))).size };
}

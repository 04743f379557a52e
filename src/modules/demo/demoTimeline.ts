/**
 * @module The demo's story told today. The story (the seed board report's: a baseline year, Family First from July,
 * looked after children falling) is generated around a reference date in its own years, May 2022 to April 2023, and
 * every date and year of the extract is then moved forward by whole years, so that on the day Cairn is started the
 * latest complete reporting year is last year and the trays hold new, due and overdue work. Moving by whole years
 * keeps every interval, age and census day (31 July) as generated; only the days of the week change.
 */
import { addYears } from '../../platform/dates/isoDates.js';
import type { DemoExtract } from './extract.js';
import { familyFirst } from './authority.js';

/** The story's own reference dates run from this day for a year. */
const storyFrom = '2022-05-01';

/** Where the story is generated and how many years it moves forward to reach `today`. */
export interface DemoTimeline {
  /** The reference date the story is generated around (between 1 May 2022 and 30 April 2023). */
  storyToday: string;
  /** Whole years added to every date and year. */
  years: number;
}

/**
 * The story's reference date and the years to move it by, for a demo whose history runs to `today`.
 * @example demoTimeline('2026-12-02') // { storyToday: '2022-12-02', years: 4 }
 * @example demoTimeline('2027-03-01') // { storyToday: '2023-03-01', years: 4 }
 */
export function demoTimeline(today: string): DemoTimeline {
  if (today < storyFrom) return { storyToday: storyFrom, years: 0 };
  let years = Number(today.slice(0, 4)) - Number(storyFrom.slice(0, 4));
  if (addYears(today, -years) < storyFrom) years -= 1;
  return { storyToday: addYears(today, -years), years };
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function moved<Row extends object>(rows: readonly Row[], years: number, yearColumns: readonly string[] = []): Row[] {
  return rows.map((row) => {
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const [column, value] of Object.entries(copy)) {
      if (typeof value === 'string' && isoDatePattern.test(value)) copy[column] = addYears(value, years);
      else if (yearColumns.includes(column) && typeof value === 'number') copy[column] = value + years;
    }
    return copy as Row;
  });
}

/**
 * The same extract with every date (and the population's and benchmarks' years) `years` later.
 * @example shiftDemoExtract(extract, 4).today // four years after extract.today
 */
export function shiftDemoExtract(extract: DemoExtract, years: number): DemoExtract {
  if (years === 0) return extract;
  return {
    ...extract,
    today: addYears(extract.today, years),
    population: moved(extract.population, years, ['year']),
    children: moved(extract.children, years),
    cases: moved(extract.cases, years),
    referrals: moved(extract.referrals, years),
    lookedAfter: moved(extract.lookedAfter, years),
    placements: moved(extract.placements, years),
    providers: moved(extract.providers, years),
    cpRegistrations: moved(extract.cpRegistrations, years),
    scraReferrals: moved(extract.scraReferrals, years),
    benchmarks: moved(extract.benchmarks, years, ['year']),
  };
}

/**
 * A year of the story as it is told on a demo whose history runs to `today`: the seed's baseline year 2016, say.
 * @example storyYear(2016, '2026-12-02') // 2020
 */
export const storyYear = (year: number, today: string): number => year + demoTimeline(today).years;

/**
 * The day Family First started, as told on a demo whose history runs to `today`.
 * @example familyFirstStart('2026-12-02') // '2025-07-01'
 */
export const familyFirstStart = (today: string): string => addYears(familyFirst.start, demoTimeline(today).years);

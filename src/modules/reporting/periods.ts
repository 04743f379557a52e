/** @module The periods of indicators.md: census dates, reporting and financial years, windows, and calendar-month arithmetic. */
import type { DateWindow, StatsPeriods, YearRange } from './statsTypes.js';
import { addMonths, isIsoDate } from '../../platform/dates/isoDates.js';

/** A named span of days, both ends included, as `YYYY-MM-DD`. */
export interface Period {
  label: string;
  first: string;
  last: string;
}

/** The lowest and highest census years Cairn accepts (the schema's bounds on `population.year`). */
export const earliestYear = 1900;
export const latestYear = 2200;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The CLAS census day of year Y: 31 July.
 * @example censusDate(2021) // '2021-07-31'
 */
export function censusDate(year: number): string {
  return `${pad(year, 4)}-07-31`;
}

/** `2020-21` for a year ending in 2021. */
function yearLabel(endYear: number): string {
  return `${pad(endYear - 1, 4)}-${pad(endYear % 100)}`;
}

/**
 * The reporting year ending on the census date of `endYear`: 1 August of Y−1 to 31 July of Y.
 * @example reportingYear(2021) // { label: '2020-21', first: '2020-08-01', last: '2021-07-31' }
 */
export function reportingYear(endYear: number): Period {
  return { label: yearLabel(endYear), first: `${pad(endYear - 1, 4)}-08-01`, last: `${pad(endYear, 4)}-07-31` };
}

/**
 * The financial year (SCRA's) ending in `endYear`: 1 April of Y−1 to 31 March of Y.
 * @example financialYear(2020) // { label: '2019-20', first: '2019-04-01', last: '2020-03-31' }
 */
export function financialYear(endYear: number): Period {
  return { label: yearLabel(endYear), first: `${pad(endYear - 1, 4)}-04-01`, last: `${pad(endYear, 4)}-03-31` };
}

/**
 * A window chosen by the user, labelled `from/to`.
 * @example windowPeriod({ from: '2021-07-01', to: '2022-04-30' }).label // '2021-07-01/2022-04-30'
 */
export function windowPeriod(window: DateWindow): Period {
  return { label: `${window.from}/${window.to}`, first: window.from, last: window.to };
}

/**
 * The same day `months` calendar months earlier; where that day does not exist in the month, the
 * month's last day (so 18 months before 31 August 2021 is 29 February 2020, and before 31 August 2022
 * is 28 February 2021). PostgreSQL's `date - interval 'N months'` follows the same rule.
 * @example calendarMonthsBefore('2021-08-31', 18) // '2020-02-29'
 */
export function calendarMonthsBefore(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return addMonths(date, -months);
}

/**
 * Every year from `range.first` to `range.last`.
 * @example yearsOf({ first: 2019, last: 2021 }) // [2019, 2020, 2021]
 */
export function yearsOf(range: YearRange): number[] {
  const years: number[] = [];
  for (let year = range.first; year <= range.last; year++) years.push(year);
  return years;
}

/**
 * The census years whose census date lies between two dates, both included.
 * @example censusYearsWithin('2018-12-01', '2021-07-31') // [2019, 2020, 2021]
 */
export function censusYearsWithin(earliest: string, latest: string): number[] {
  const first = Number(earliest.slice(0, 4)) + (earliest.slice(5) > '07-31' ? 1 : 0);
  const last = Number(latest.slice(0, 4)) - (latest.slice(5) < '07-31' ? 1 : 0);
  return first <= last ? yearsOf({ first, last }) : [];
}

/**
 * Read `2016-2021` or `2021` as a range of census years, or undefined when it is neither.
 * @example parseYearRange('2016-2021') // { first: 2016, last: 2021 }
 */
export function parseYearRange(text: string): YearRange | undefined {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (first > last || first < earliestYear || last > latestYear) return undefined;
  return { first, last };
}

/**
 * The census dates of the years in `periods` (and, with `withBaseline`, of the baseline year too).
 * @example censusDates({ years: [2020, 2021], baseline: 2016 }, true) // ['2020-07-31', '2021-07-31', '2016-07-31']
 */
export function censusDates(periods: StatsPeriods, withBaseline = false): string[] {
  const dates = periods.years.map(censusDate);
  const baselineDate = censusDate(periods.baseline);
  if (withBaseline && !dates.includes(baselineDate)) dates.push(baselineDate);
  return dates;
}

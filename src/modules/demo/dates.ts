/** @module Calendar dates as whole days since 1970-01-01 (UTC), so the generator does date sums with integers. */

/** Days since 1970-01-01. */
export type Day = number;


// The last date civil() worked out. Kept in module variables rather than returned as an array: the
// generator asks millions of times, and the garbage of a tuple each time costs more than the sums.
let civilYear = 0;
let civilMonth = 0;
let civilDay = 0;

/** Year, month (1–12) and day of a day number, by integer arithmetic (H. Hinnant's civil_from_days), into the variables above. */
function civil(value: Day): void {
  const z = value + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  civilDay = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  civilMonth = shifted < 10 ? shifted + 3 : shifted - 9;
  civilYear = yearOfEra + era * 400 + (civilMonth <= 2 ? 1 : 0);
}

/** The day number of a year, month (1–12; may run past 12) and day (may run past the month's end). */
function daysFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m0 > 2 ? m0 - 3 : m0 + 9) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * @example day('2021-07-01') // 18809
 */
export function day(isoDate: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  const value = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  if (formatDay(value) !== isoDate) throw new RangeError(`no such date: ${isoDate}`);
  return value;
}

/**
 * @example isoDate(18809) // '2021-07-01'
 */
export function isoDate(value: Day): string {
  return formatDay(value);
}

function formatDay(value: Day): string {
  civil(value);
  return `${civilYear}-${civilMonth < 10 ? '0' : ''}${civilMonth}-${civilDay < 10 ? '0' : ''}${civilDay}`;
}

/** @example fromParts(2021, 7, 31) === day('2021-07-31') */
export function fromParts(year: number, month: number, dayOfMonth: number): Day {
  return daysFromCivil(year, month, dayOfMonth);
}

/** @example yearOf(day('2021-07-31')) // 2021 */
export function yearOf(value: Day): number {
  civil(value);
  return civilYear;
}

/** @example monthOf(day('2021-07-31')) // 7 */
export function monthOf(value: Day): number {
  civil(value);
  return civilMonth;
}

/**
 * The same date `years` later; 29 February becomes 1 March in a year without it, as a birthday does.
 * @example isoDate(addYears(day('2004-02-29'), 18)) // '2022-03-01'
 */
export function addYears(value: Day, years: number): Day {
  civil(value);
  return daysFromCivil(civilYear + years, civilMonth, civilDay);
}

/**
 * The first day of the month `months` after the month holding `value`.
 * @example isoDate(addMonths(day('2021-07-15'), 1)) // '2021-08-01'
 */
export function addMonths(value: Day, months: number): Day {
  civil(value);
  return daysFromCivil(civilYear, civilMonth + months, 1);
}

/**
 * Age in whole years on a date.
 * @example ageOn(day('2010-08-01'), day('2021-07-31')) // 10
 */
export function ageOn(dateOfBirth: Day, on: Day): number {
  civil(dateOfBirth);
  const birthYear = civilYear;
  const birthMonth = civilMonth;
  const birthDay = civilDay;
  civil(on);
  let age = civilYear - birthYear;
  if (civilMonth < birthMonth || (civilMonth === birthMonth && civilDay < birthDay)) age -= 1;
  return age;
}

/** The 31 July census day of `year`. @example isoDate(censusDay(2021)) // '2021-07-31' */
export function censusDay(year: number): Day {
  return fromParts(year, 7, 31);
}

/** Average days in a year, for turning ages in years into spans of days. */
export const daysPerYear = 365.25;

/**
 * @module Calendar dates as ISO strings (`YYYY-MM-DD`, no time of day, as Cairn keeps them) and the arithmetic on them,
 * done in UTC so no clock change moves a day.
 */

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const msPerDay = 86_400_000;

/** Today as `YYYY-MM-DD` (UTC). @example todayIso() // '2026-12-02' */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** A moment's calendar date as `YYYY-MM-DD` (UTC). @example isoDate(new Date('2024-05-01T10:00:00Z')) // '2024-05-01' */
export const isoDate = (moment: Date): string => moment.toISOString().slice(0, 10);

/**
 * Whether text is a real ISO calendar date that the database can hold. Year 0000 is not one: JavaScript's calendar
 * has a year 0 (1 BC) and PostgreSQL's does not, so a date in it passed here and then failed the query it was sent
 * to (a child born in 2000 had 0000 among the near misses of their date of birth, and their page failed).
 * @example isIsoDate('2023-02-29') // false
 * @example isIsoDate('0000-09-10') // false
 */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !text.startsWith('0000') && !Number.isNaN(asDate(text).getTime()) && isoDate(asDate(text)) === text;
}

/**
 * Years a date typed by a person or read from an extract may fall in: one before or after these is far more likely a
 * typing slip (0212 for 2012) than a real record, and is refused with a message that asks about the year.
 */
export const plausibleYears = { earliest: 1900, latest: 2199 } as const;

/**
 * `days` after `date` (negative: before).
 * @example addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(date: string, days: number): string {
  return isoDate(new Date(asDate(date).getTime() + days * msPerDay));
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier): the days from `from` up to, not including, `to`.
 * @example daysBetween('2024-12-30', '2025-01-02') // 3
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((asDate(to).getTime() - asDate(from).getTime()) / msPerDay);
}

/**
 * The same day `months` calendar months later (negative: earlier); where that day does not exist in the month, the
 * month's last day, as PostgreSQL's `date + interval 'N months'` (so 18 months before 31 August 2021 is 29 February 2020).
 * @example addMonths('2021-08-31', -18) // '2020-02-29'
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  const lastDay = new Date(Date.UTC(newYear, newMonth, 0)).getUTCDate();
  return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * The same day `years` later (or earlier); from 29 February, 28 February (as PostgreSQL's `date + interval '1 year'`).
 * @example addYears('2024-02-29', 1) // '2025-02-28'
 */
export const addYears = (date: string, years: number): string => addMonths(date, years * 12);

/**
 * Whole years between a date of birth and `on` (today by default).
 * @example ageOn('2012-03-04', '2022-03-03') // 9
 */
export function ageOn(dateOfBirth: string, on: string = todayIso()): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

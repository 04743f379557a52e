/**
 * @module Dates, times, numbers and money written the UK way, for pages and documents. Each `Intl` formatter is made
 * once (making one per value was a measured cost on busy pages).
 */

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
const dateTimeSeconds = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const fixed = new Map<number, Intl.NumberFormat>();

/**
 * An ISO date in words; empty for none; anything that is not a date is left as it is.
 * @example longDateOf('2021-07-01') // '1 July 2021'
 */
export function longDateOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

/** @example monthOf('2024-03-05') // 'March 2024' */
export const monthOf = (iso: string): string => monthYear.format(new Date(`${iso}T00:00:00Z`));

/** A moment as people read it in the UK. @example dateTimeOf('2024-05-01T09:30:00Z') // '1 May 2024, 10:30' */
export function dateTimeOf(moment: Date | string | null | undefined, withSeconds = false): string {
  if (!moment) return '';
  return (withSeconds ? dateTimeSeconds : dateTime).format(new Date(moment));
}

/**
 * A number with UK separators and a fixed number of decimal places.
 * @example numberOf(1234.5, 1) // '1,234.5'
 */
export function numberOf(value: number, places = 0): string {
  let format = fixed.get(places);
  if (!format) fixed.set(places, (format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places })));
  return format.format(value);
}

/** @example moneyOf(1068.38) // '£1,068.38'; moneyOf(2500000, { whole: true }) // '£2,500,000' */
export function moneyOf(value: number, options: { whole?: boolean } = {}): string {
  return (options.whole ? wholePounds : pounds).format(value);
}

/**
 * A period in words: from one date to another, or since a date when it is still open.
 * @example periodOf('2024-05-01', '2024-06-03') // '1 May 2024 to 3 June 2024'
 * @example periodOf('2024-05-01', null) // 'Since 1 May 2024'
 */
export function periodOf(start: string, end: string | null | undefined): string {
  return end ? `${longDateOf(start)} to ${longDateOf(end)}` : `Since ${longDateOf(start)}`;
}

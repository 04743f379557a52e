/**
 * @module Dates of birth that are likely typing slips of one another: one digit different (2012-03-04 for
 * 2012-03-07), or the day and month swapped (4 March for 3 April).
 */
import { isIsoDate } from '../../platform/dates/isoDates.js';

/** How one date of birth differs from another recorded for what may be the same child. */
export type BirthDateMatch = 'same' | 'day and month swapped' | 'one digit different';

const swapDayAndMonth = (date: string) => `${date.slice(0, 4)}-${date.slice(8, 10)}-${date.slice(5, 7)}`;

/**
 * The dates of birth worth looking for when a child born on `date` is checked: the date itself, every real date one
 * digit away from it, and the day and month swapped. The repository finds candidate records born on any of them.
 * @example birthDatesNear('2012-03-04').includes('2012-04-03') // true
 */
export function birthDatesNear(date: string): string[] {
  const dates = new Set([date]);
  for (let position = 0; position < date.length; position++) {
    if (date[position] === '-') continue;
    for (let digit = 0; digit <= 9; digit++) {
      const typed = `${date.slice(0, position)}${digit}${date.slice(position + 1)}`;
      if (isIsoDate(typed)) dates.add(typed);
    }
  }
  if (isIsoDate(swapDayAndMonth(date))) dates.add(swapDayAndMonth(date));
  return [...dates].sort();
}

/**
 * How `other` differs from `date`, if it is a near miss at all (`undefined`: too far apart to be a slip).
 * @example birthDateMatch('2012-03-04', '2012-04-03') // 'day and month swapped'
 * @example birthDateMatch('2012-03-04', '2012-03-07') // 'one digit different'
 */
export function birthDateMatch(date: string, other: string): BirthDateMatch | undefined {
  if (date === other) return 'same';
  if (swapDayAndMonth(date) === other) return 'day and month swapped';
  const differing = [...date].filter((character, position) => other[position] !== character).length;
  return other.length === date.length && differing === 1 ? 'one digit different' : undefined;
}

import { describe, expect, it } from 'vitest';
import { addDays, addYears, ageOn, daysBetween, isIsoDate } from './isoDates.js';
import { dateTimeOf, longDateOf, moneyOf, monthOf, numberOf } from './formats.js';

describe('ISO date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    // Clocks change in the UK on 31 March 2024; a day is still a day.
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
  });

  it('counts days between and years on, with 29 February to 28 February', () => {
    expect(daysBetween('2024-12-30', '2025-01-02')).toBe(3);
    expect(daysBetween('2025-01-02', '2024-12-30')).toBe(-3);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2023-06-15', -1)).toBe('2022-06-15');
    expect(ageOn('2012-03-04', '2022-03-03')).toBe(9);
    expect(ageOn('2012-03-04', '2022-03-04')).toBe(10);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    // No year 0 in PostgreSQL's calendar (JavaScript's has one): not a date the database can hold.
    expect(isIsoDate('0000-09-10')).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(true);
  });
});

describe('UK formats', () => {
  it('writes dates in words and numbers with UK separators', () => {
    expect(longDateOf('2021-07-01')).toBe('1 July 2021');
    expect(longDateOf(null)).toBe('');
    expect(monthOf('2024-03-05')).toBe('March 2024');
    expect(dateTimeOf('2024-07-01T09:30:00Z')).toBe('1 Jul 2024, 10:30');
    expect(numberOf(1234.5, 1)).toBe('1,234.5');
    expect(numberOf(11.95, 0)).toBe('12');
    expect(moneyOf(1068.38)).toBe('£1,068.38');
    expect(moneyOf(2_500_000, { whole: true })).toBe('£2,500,000');
  });
});

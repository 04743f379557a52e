/** @module Day-number dates agree with the calendar, and birthdays count as people count them. */
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, ageOn, day, fromParts, isoDate, monthOf, yearOf } from './dates.js';

const msPerDay = 86_400_000;

describe('dates as day numbers', () => {
  it('agree with the calendar for every day from 1900 to 2100', () => {
    const wrong: string[] = [];
    for (let value = day('1900-01-01'); value <= day('2100-12-31'); value += 1) {
      const date = new Date(value * msPerDay);
      const iso = date.toISOString().slice(0, 10);
      if (isoDate(value) !== iso || day(iso) !== value || yearOf(value) !== date.getUTCFullYear() || monthOf(value) !== date.getUTCMonth() + 1) wrong.push(iso);
      if (addMonths(value, 1) !== Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / msPerDay) wrong.push(`${iso} + 1 month`);
      if (addMonths(value, -14) !== Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 14, 1) / msPerDay) wrong.push(`${iso} - 14 months`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuse dates that do not exist', () => {
    expect(() => day('2021-02-29')).toThrow(RangeError);
    expect(() => day('2021-7-1')).toThrow(RangeError);
    expect(fromParts(2021, 13, 1)).toBe(day('2022-01-01'));
  });

  it('count birthdays as people do, someone born on 29 February coming of age on 1 March', () => {
    expect(isoDate(addYears(day('2004-02-29'), 18))).toBe('2022-03-01');
    expect(isoDate(addYears(day('2004-02-29'), 16))).toBe('2020-02-29');
    expect(ageOn(day('2004-07-31'), day('2022-07-30'))).toBe(17);
    expect(ageOn(day('2004-07-31'), day('2022-07-31'))).toBe(18);
    expect(ageOn(day('2004-02-29'), day('2022-02-28'))).toBe(17);
    expect(ageOn(day('2004-02-29'), day('2022-03-01'))).toBe(18);
  });
});

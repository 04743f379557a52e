import { describe, expect, it } from 'vitest';
import { calendarMonthsBefore, censusDate, censusDates, censusYearsWithin, financialYear, parseYearRange, reportingYear, windowPeriod } from './periods.js';
import { isIsoDate } from '../../platform/dates/isoDates.js';

describe('periods of indicators.md', () => {
  it('puts the census on 31 July of year Y', () => {
    expect(censusDate(2021)).toBe('2021-07-31');
    expect(censusDates({ years: [2020, 2021], baseline: 2016 }, true)).toEqual(['2020-07-31', '2021-07-31', '2016-07-31']);
    expect(censusDates({ years: [2020, 2021], baseline: 2020 }, true)).toEqual(['2020-07-31', '2021-07-31']);
  });

  it('runs a reporting year from 1 August of Y−1 to 31 July of Y, labelled by both years', () => {
    expect(reportingYear(2021)).toEqual({ label: '2020-21', first: '2020-08-01', last: '2021-07-31' });
    expect(reportingYear(2000)).toEqual({ label: '1999-00', first: '1999-08-01', last: '2000-07-31' });
  });

  it('runs a financial year from 1 April of Y−1 to 31 March of Y: 2019-20 ends in 2020', () => {
    expect(financialYear(2020)).toEqual({ label: '2019-20', first: '2019-04-01', last: '2020-03-31' });
  });

  it('labels a window from/to', () => {
    expect(windowPeriod({ from: '2021-07-01', to: '2022-04-30' })).toEqual({ label: '2021-07-01/2022-04-30', first: '2021-07-01', last: '2022-04-30' });
  });

  it('counts 18 calendar months back, taking the last day of a month that lacks the day', () => {
    expect(calendarMonthsBefore('2021-08-31', 18)).toBe('2020-02-29'); // leap year
    expect(calendarMonthsBefore('2022-08-31', 18)).toBe('2021-02-28');
    expect(calendarMonthsBefore('2021-08-30', 18)).toBe('2020-02-29');
    expect(calendarMonthsBefore('2021-06-15', 18)).toBe('2019-12-15'); // across a year end
    expect(calendarMonthsBefore('2021-01-31', 18)).toBe('2019-07-31');
    expect(calendarMonthsBefore('2020-03-31', 1)).toBe('2020-02-29');
  });

  it('knows real dates from look-alikes', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2021-13-01')).toBe(false);
    expect(isIsoDate('2021-7-31')).toBe(false);
    expect(isIsoDate('31/07/2021')).toBe(false);
  });

  it('finds the census days between two dates, both included', () => {
    expect(censusYearsWithin('2018-12-01', '2021-07-31')).toEqual([2019, 2020, 2021]);
    expect(censusYearsWithin('2019-07-31', '2021-07-30')).toEqual([2019, 2020]);
    expect(censusYearsWithin('2021-08-01', '2022-07-30')).toEqual([]);
  });

  it('reads --years as a range or a single year', () => {
    expect(parseYearRange('2016-2021')).toEqual({ first: 2016, last: 2021 });
    expect(parseYearRange('2021')).toEqual({ first: 2021, last: 2021 });
    expect(parseYearRange('2021-2016')).toBeUndefined();
    expect(parseYearRange('2016-21')).toBeUndefined();
    expect(parseYearRange('twenty')).toBeUndefined();
  });
});

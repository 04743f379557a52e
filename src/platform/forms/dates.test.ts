/** @module Dates typed into day, month and year boxes: read into ISO dates, or the problem in the pattern's words. */
import { describe, expect, it } from 'vitest';
import { readDateInput, requiredDate } from './dates.js';

describe('a date typed into day, month and year boxes', () => {
  it('reads a real date, with or without leading zeros, and nothing from three empty boxes', () => {
    expect(readDateInput('Date of birth', '4', '3', '2012')).toEqual({ date: '2012-03-04' });
    expect(readDateInput('Date of birth', ' 04 ', '03', '2012')).toEqual({ date: '2012-03-04' });
    expect(readDateInput('Date of birth')).toEqual({});
    expect(requiredDate({}, 'received', 'Date received')).toEqual({ error: 'Enter the date received' });
  });

  it('says which part is missing, and when the date does not exist', () => {
    expect(readDateInput('Date of birth', '4', '', '')).toEqual({ error: 'Date of birth must include a month and a year' });
    expect(readDateInput('Date of birth', '31', '2', '2012')).toEqual({ error: 'Date of birth must be a real date' });
    expect(readDateInput('Date of birth', '4', '3', '12')).toEqual({ error: 'Date of birth must be a real date' });
  });

  it('asks about a year outside 1900 to 2199, year 0000 among them (a date the database cannot hold)', () => {
    const checkTheYear = { error: 'Date of birth must be between 1900 and 2199 – check the year' };
    expect(readDateInput('Date of birth', '10', '9', '0000')).toEqual(checkTheYear);
    expect(readDateInput('Date of birth', '4', '3', '0212')).toEqual(checkTheYear);
    expect(readDateInput('Date of birth', '4', '3', '2200')).toEqual(checkTheYear);
    expect(readDateInput('Date of birth', '1', '1', '1900')).toEqual({ date: '1900-01-01' });
    expect(readDateInput('Date of birth', '31', '12', '2199')).toEqual({ date: '2199-12-31' });
  });
});

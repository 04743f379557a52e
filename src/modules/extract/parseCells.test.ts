/** @module Unit tests for parseCells: no database. */
import { describe, expect, it } from 'vitest';
import { dateProblem, readCell } from './parseCells.js';

describe('dates', () => {
  it.each(['2020-02-29', '2021-12-31', '1900-01-01', '2199-12-31'])('accepts %s', (value) => {
    expect(dateProblem(value)).toBeUndefined();
  });
  it.each([
    ['2021-02-30', '"2021-02-30" is not a real date'],
    ['2021-02-29', '"2021-02-29" is not a real date'],
    ['2021-13-01', '"2021-13-01" is not a real date'],
    ['2021-00-10', '"2021-00-10" is not a real date'],
    ['04/03/2012', '"04/03/2012" is not a date written YYYY-MM-DD'],
    ['2012-3-4', '"2012-3-4" is not a date written YYYY-MM-DD'],
    ['2012-03-04T00:00', '"2012-03-04T00:00" is not a date written YYYY-MM-DD'],
    [' 2012-03-04', '" 2012-03-04" is not a date written YYYY-MM-DD'],
    ['0212-03-04', '"0212-03-04" is not between 1900 and 2199: is the year right?'],
  ])('refuses %s', (value, message) => {
    expect(dateProblem(value)).toBe(message);
  });
});

describe('readCell', () => {
  it('reads money with up to two decimals and no currency sign', () => {
    expect(readCell({ kind: 'money' }, '1068.38')).toEqual({ ok: true, value: 1068.38 });
    expect(readCell({ kind: 'money' }, '700')).toEqual({ ok: true, value: 700 });
    for (const bad of ['£700', '700.123', '-5', '1,068.38', '.5', '700.']) {
      expect(readCell({ kind: 'money' }, bad)).toMatchObject({ ok: false, message: expect.stringContaining('is not an amount of money') });
    }
  });

  it('reads ids of 1-64 letters, digits, - _ . /', () => {
    expect(readCell({ kind: 'id' }, 'CF/2021-00.1_a')).toEqual({ ok: true, value: 'CF/2021-00.1_a' });
    expect(readCell({ kind: 'id' }, 'C 1')).toEqual({ ok: false, message: '"C 1" is not an id: use only letters, digits, -, _, . and /' });
    expect(readCell({ kind: 'id' }, 'x'.repeat(65))).toMatchObject({ ok: false, message: expect.stringContaining('is 65 characters long') });
    expect(readCell({ kind: 'id' }, 'x'.repeat(64))).toMatchObject({ ok: true });
  });

  it('reads flags as Y or N only', () => {
    expect(readCell({ kind: 'flag' }, 'Y')).toEqual({ ok: true, value: true });
    expect(readCell({ kind: 'flag' }, 'N')).toEqual({ ok: true, value: false });
    expect(readCell({ kind: 'flag' }, 'y')).toEqual({ ok: false, message: '"y" must be Y or N' });
  });

  it('reads codes exactly as listed', () => {
    const sex = { kind: 'code', codes: ['M', 'F', 'X', 'U'], what: 'sex' } as const;
    expect(readCell(sex, 'F')).toEqual({ ok: true, value: 'F' });
    expect(readCell(sex, 'f')).toEqual({ ok: false, message: '"f" is not a sex: use M, F, X or U' });
  });

  it('reads ;-separated areas of concern, refusing unknown, empty and repeated codes', () => {
    const concerns = { kind: 'codeList', codes: ['neglect', 'domestic_abuse', 'other'], what: 'area of concern' } as const;
    expect(readCell(concerns, 'neglect;domestic_abuse')).toEqual({ ok: true, value: ['neglect', 'domestic_abuse'] });
    expect(readCell(concerns, 'neglect; other')).toEqual({ ok: true, value: ['neglect', 'other'] });
    expect(readCell(concerns, 'neglect;bullying')).toEqual({ ok: false, message: '"bullying" is not an area of concern: use neglect, domestic_abuse or other' });
    expect(readCell(concerns, 'neglect;;other')).toMatchObject({ ok: false, message: expect.stringContaining('has an empty area of concern') });
    expect(readCell(concerns, 'neglect;neglect')).toEqual({ ok: false, message: '"neglect;neglect" lists neglect twice' });
  });

  it('reads years, counts and numbers', () => {
    expect(readCell({ kind: 'year' }, '2021')).toEqual({ ok: true, value: 2021 });
    expect(readCell({ kind: 'year' }, '21')).toMatchObject({ ok: false });
    expect(readCell({ kind: 'year' }, '2021.0')).toMatchObject({ ok: false });
    expect(readCell({ kind: 'count' }, '1000')).toEqual({ ok: true, value: 1000 });
    expect(readCell({ kind: 'count' }, '-1')).toMatchObject({ ok: false });
    expect(readCell({ kind: 'number' }, '-12.5')).toEqual({ ok: true, value: -12.5 });
    expect(readCell({ kind: 'number' }, '1,000')).toMatchObject({ ok: false });
  });
});

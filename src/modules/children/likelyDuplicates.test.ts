import { describe, expect, it } from 'vitest';
import { comparableName, isLikelyDuplicate, isSameNameAndBirth, likelyDuplicatesOf } from './likelyDuplicates.js';

const ailsa = { forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' };

describe('the likely-duplicate rule', () => {
  it('compares names without case, accents, spaces or punctuation', () => {
    expect(comparableName(" O'Neil ")).toBe('oneil');
    expect(comparableName('Mc Allister')).toBe(comparableName('MCALLISTER'));
    expect(comparableName('Sìne')).toBe('sine');
    expect(comparableName(null)).toBe('');
  });

  it('matches the same date of birth, the same surname and the same first initial', () => {
    expect(isLikelyDuplicate(ailsa, { forename: 'ailsa', surname: 'BOYD', dateOfBirth: '2012-03-04' })).toBe(true);
    expect(isLikelyDuplicate(ailsa, { forename: 'Aileen', surname: 'Boyd', dateOfBirth: '2012-03-04' })).toBe(true);
    expect(isLikelyDuplicate({ ...ailsa, surname: "O'Neil" }, { ...ailsa, surname: 'Oneil' })).toBe(true);
  });

  it('does not match another date of birth, another surname, another initial, or a missing name', () => {
    expect(isLikelyDuplicate(ailsa, { ...ailsa, dateOfBirth: '2012-03-05' })).toBe(false);
    expect(isLikelyDuplicate(ailsa, { ...ailsa, surname: 'Boyde' })).toBe(false);
    expect(isLikelyDuplicate(ailsa, { ...ailsa, forename: 'Isla' })).toBe(false);
    expect(isLikelyDuplicate(ailsa, { ...ailsa, forename: null })).toBe(false);
    expect(isLikelyDuplicate({ ...ailsa, surname: null }, { ...ailsa, surname: null })).toBe(false);
  });

  it('tells the same name and date of birth (which Cairn refuses to add again) from a similar one', () => {
    expect(isSameNameAndBirth(ailsa, { forename: ' AILSA', surname: 'boyd ', dateOfBirth: '2012-03-04' })).toBe(true);
    expect(isSameNameAndBirth(ailsa, { ...ailsa, forename: 'Aileen' })).toBe(false);
    expect(isSameNameAndBirth(ailsa, { ...ailsa, dateOfBirth: '2012-03-05' })).toBe(false);
  });

  it('lists the likely duplicates among candidates, the same name first', () => {
    const found = likelyDuplicatesOf(ailsa, [
      { childId: 'C3', forename: 'Aileen', surname: 'Boyd', dateOfBirth: '2012-03-04' },
      { childId: 'C2', forename: 'Isla', surname: 'Boyd', dateOfBirth: '2012-03-04' },
      { childId: 'C1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' },
    ]);
    expect(found.map((c) => [c.childId, c.sameNameAndBirth])).toEqual([['C1', true], ['C3', false]]);
  });
});

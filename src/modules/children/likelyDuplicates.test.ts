import { describe, expect, it } from 'vitest';
import { isLikelyDuplicate, isSameNameAndBirth, likelyDuplicatesOf, likenessOf } from './likelyDuplicates.js';
import { comparableName } from './comparableName.js';
import { areFamiliarForms } from './familiarNames.js';
import { birthDateMatch, birthDatesNear } from './birthDateNearMisses.js';

const ailsa = { forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' };
const child = (forename: string | null, surname: string | null, dateOfBirth: string) => ({ forename, surname, dateOfBirth });

describe('the likely-duplicate rule', () => {
  it('compares names without case, accents, spaces or punctuation', () => {
    expect(comparableName(" O'Neil ")).toBe('oneil');
    expect(comparableName('Mc Allister')).toBe(comparableName('MCALLISTER'));
    expect(comparableName('Sìne')).toBe('sine');
    expect(comparableName(null)).toBe('');
  });

  it('knows familiar forms of given names, both ways, and not a name as its own familiar form', () => {
    expect(areFamiliarForms('Katie', 'Katherine')).toBe(true);
    expect(areFamiliarForms('KATHERINE', 'kate')).toBe(true);
    expect(areFamiliarForms('Rob', 'Robert')).toBe(true);
    expect(areFamiliarForms('Bill', 'William')).toBe(true);
    expect(areFamiliarForms('Rian', 'Ryan')).toBe(true);
    expect(areFamiliarForms('Katie', 'Katie')).toBe(false);
    expect(areFamiliarForms('Katie', 'Robert')).toBe(false);
    expect(areFamiliarForms('Zebedee', 'Zeb')).toBe(false);
  });

  it('looks for the date of birth itself, every real date one digit away, and the day and month swapped', () => {
    const near = birthDatesNear('2012-03-04');
    expect(near).toContain('2012-03-04');
    expect(near).toContain('2012-04-03');
    expect(near).toContain('2012-03-07');
    expect(near).toContain('2013-03-04');
    expect(near).toContain('2012-08-04');
    expect(near).not.toContain('2012-03-44');
    expect(near).not.toContain('2012-13-04');
    expect(near).not.toContain('2012-04-05');
    expect(near.every((date) => birthDateMatch('2012-03-04', date) !== undefined)).toBe(true);
    expect(birthDatesNear('2012-03-25')).not.toContain('2012-25-03');
    // Born in 2000: 0000 is one digit away, and not a year the database has a day in.
    expect(birthDatesNear('2000-09-10')).toContain('2001-09-10');
    expect(birthDatesNear('2000-09-10')).not.toContain('0000-09-10');
  });

  // Each row: the child being checked, a record in Cairn, and why it is a likely duplicate (undefined: it must not match).
  const cases: [string, ReturnType<typeof child>, ReturnType<typeof child>, string | undefined][] = [
    ['the same child', child('Ailsa', 'Boyd', '2012-03-04'), child('ailsa', 'BOYD', '2012-03-04'), 'same date of birth, same last name, same first name'],
    ['Brown and Browne', child('Jack', 'Brown', '2012-03-04'), child('Jack', 'Browne', '2012-03-04'), 'same date of birth, last name sounds alike, same first name'],
    ['Rian and Ryan', child('Rian', 'Boyd', '2012-03-04'), child('Ryan', 'Boyd', '2012-03-04'), 'same date of birth, same last name, first name a familiar form'],
    ['Katie and Katherine', child('Katie', 'Orr', '2012-03-04'), child('Katherine', 'Orr', '2012-03-04'), 'same date of birth, same last name, first name a familiar form'],
    ['Bill and William', child('Bill', 'Orr', '2012-03-04'), child('William', 'Orr', '2012-03-04'), 'same date of birth, same last name, first name a familiar form'],
    ['Kayleigh and Kayley', child('Kayleigh', 'McKay', '2012-03-04'), child('Kayley', 'Mc Kay', '2012-03-04'), 'same date of birth, same last name, first name a familiar form'],
    ['a one-digit typo in the date of birth', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Boyd', '2012-03-07'), 'date of birth one digit different, same last name, same first name'],
    ['a one-digit typo in the year', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Boyd', '2013-03-04'), 'date of birth one digit different, same last name, same first name'],
    ['the day and month swapped', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Boyd', '2012-04-03'), 'date of birth day and month swapped, same last name, same first name'],
    ['a typo and a sound-alike together', child('Rian', 'Browne', '2012-03-04'), child('Ryan', 'Brown', '2012-04-03'), 'date of birth day and month swapped, last name sounds alike, first name a familiar form'],
    ['a letter swapped in the last name', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Byod', '2012-03-04'), 'same date of birth, last name sounds alike, same first name'],
    ['a first name with the same initial, all else the same', child('Ailsa', 'Boyd', '2012-03-04'), child('Aileen', 'Boyd', '2012-03-04'), 'same date of birth, same last name, first name starts with the same letter'],
    ["O'Neil and Oneil", child('Ailsa', "O'Neil", '2012-03-04'), child('Ailsa', 'Oneil', '2012-03-04'), 'same date of birth, same last name, same first name'],
    ['not: another first name', child('Ailsa', 'Boyd', '2012-03-04'), child('Isla', 'Boyd', '2012-03-04'), undefined],
    ['not: another last name', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Lloyd', '2012-03-04'), undefined],
    ['one letter mistyped in the last name', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Bond', '2012-03-04'), 'same date of birth, last name spelt nearly the same, same first name'],
    ['not: a last name only sharing its first letter', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Bird', '2012-03-04'), undefined],
    ['not: two digits different in the date of birth', child('Ailsa', 'Boyd', '2012-03-04'), child('Ailsa', 'Boyd', '2012-05-07'), undefined],
    ['not: a day later across a month end', child('Ailsa', 'Boyd', '2012-03-31'), child('Ailsa', 'Boyd', '2012-04-01'), undefined],
    ['not: a same-initial first name with a date-of-birth typo', child('Ailsa', 'Boyd', '2012-03-04'), child('Aileen', 'Boyd', '2012-03-07'), undefined],
    ['not: a same-initial first name with a sound-alike last name', child('Ailsa', 'Brown', '2012-03-04'), child('Aileen', 'Browne', '2012-03-04'), undefined],
    ['not: familiar forms of different names', child('Katie', 'Orr', '2012-03-04'), child('Robert', 'Orr', '2012-03-04'), undefined],
    ['not: a record without a first name', child('Ailsa', 'Boyd', '2012-03-04'), child(null, 'Boyd', '2012-03-04'), undefined],
    ['not: two records without a last name', child('Ailsa', null, '2012-03-04'), child('Ailsa', null, '2012-03-04'), undefined],
  ];
  it.each(cases)('%s', (_case, checked, recorded, why) => {
    expect(likenessOf(checked, recorded)?.why).toBe(why);
    expect(isLikelyDuplicate(checked, recorded)).toBe(why !== undefined);
    expect(likenessOf(recorded, checked)?.why).toBe(why);
  });

  it('tells the same name and date of birth (which Cairn refuses to add again) from a similar one', () => {
    expect(isSameNameAndBirth(ailsa, { forename: ' AILSA', surname: 'boyd ', dateOfBirth: '2012-03-04' })).toBe(true);
    expect(isSameNameAndBirth(ailsa, { ...ailsa, forename: 'Aileen' })).toBe(false);
    expect(isSameNameAndBirth(ailsa, { ...ailsa, dateOfBirth: '2012-03-05' })).toBe(false);
  });

  it('lists the likely duplicates among candidates, the same name first, then the likeliest', () => {
    const found = likelyDuplicatesOf(ailsa, [
      { childId: 'C3', forename: 'Aileen', surname: 'Boyd', dateOfBirth: '2012-03-04' },
      { childId: 'C2', forename: 'Isla', surname: 'Boyd', dateOfBirth: '2012-03-04' },
      { childId: 'C4', forename: 'Ailsa', surname: 'Boyde', dateOfBirth: '2012-04-03' },
      { childId: 'C5', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-04-03' },
      { childId: 'C1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' },
    ]);
    expect(found.map((c) => [c.childId, c.sameNameAndBirth])).toEqual([['C1', true], ['C5', false], ['C4', false], ['C3', false]]);
    expect(found.map((c) => c.likelihood)).toEqual([...found.map((c) => c.likelihood)].sort((a, b) => b - a));
  });
});

/** @module The rule for a likely duplicate record of a child: who to show before adding a child, and on a child's summary. */

export interface NamedChild {
  forename: string | null;
  surname: string | null;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
}

/**
 * How a name is compared: lower case, accents off, and only its letters and digits (so "McAllister",
 * "Mc Allister" and "MCALLISTER" are one name, as are "O'Neil" and "ONeil").
 * @example comparableName(" O'Neil ") // 'oneil'
 */
export function comparableName(name: string | null): string {
  return (name ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Is `other` likely to be a second record of `child`? Yes when both have the same date of birth, the same
 * surname (compared as `comparableName` does), and forenames starting with the same letter — so "Kayleigh"
 * and "Kayley", or "Alex" and "Alexander", match. A record without a surname or forename never matches:
 * there is nothing to compare. Twins with the same initial match too: the list is for a person to judge,
 * never a refusal.
 * @example isLikelyDuplicate({ forename: 'Kayleigh', surname: 'McKay', dateOfBirth: '2012-03-04' }, { forename: 'kayley', surname: 'Mc Kay', dateOfBirth: '2012-03-04' }) // true
 */
export function isLikelyDuplicate(child: NamedChild, other: NamedChild): boolean {
  const [forename, otherForename] = [comparableName(child.forename), comparableName(other.forename)];
  const [surname, otherSurname] = [comparableName(child.surname), comparableName(other.surname)];
  return child.dateOfBirth === other.dateOfBirth
    && surname !== '' && surname === otherSurname
    && forename !== '' && forename[0] === otherForename[0];
}

/**
 * Is `other` the same name and date of birth as `child` (ignoring case and spaces around)? Cairn refuses to
 * add such a child: the record to use already exists. This is the check referrals and changes of details make.
 * @example isSameNameAndBirth({ forename: 'Ailsa ', surname: 'BOYD', dateOfBirth: '2012-03-04' }, { forename: 'ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' }) // true
 */
export function isSameNameAndBirth(child: NamedChild, other: NamedChild): boolean {
  const same = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
  return child.dateOfBirth === other.dateOfBirth && same(child.forename, other.forename) && same(child.surname, other.surname);
}

/**
 * The likely duplicates of `child` among `candidates` (records born the same day), same name first.
 * @example likelyDuplicatesOf(child, candidates).map((c) => c.childId)
 */
export function likelyDuplicatesOf<T extends NamedChild & { childId: string }>(child: NamedChild, candidates: readonly T[]): (T & { sameNameAndBirth: boolean })[] {
  return candidates
    .filter((candidate) => isLikelyDuplicate(child, candidate))
    .map((candidate) => ({ ...candidate, sameNameAndBirth: isSameNameAndBirth(child, candidate) }))
    .sort((a, b) => Number(b.sameNameAndBirth) - Number(a.sameNameAndBirth) || a.childId.localeCompare(b.childId));
}

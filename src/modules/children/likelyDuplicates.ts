/**
 * @module The rule for a likely duplicate record of a child: who to show before adding a child, and on a child's
 * summary, ranked by how likely each is to be the same child and saying why ("same date of birth, last name sounds
 * alike"). Names are compared by sound (double metaphone), by spelling (Damerau-Levenshtein distance: a letter
 * added, dropped, changed or two swapped) and by familiar forms (familiarNames.ts); dates of birth by the typing
 * slips in birthDateNearMisses.ts.
 */
import { doubleMetaphone } from 'double-metaphone';
import editDistance from 'damerau-levenshtein';
import { comparableName } from './comparableName.js';
import { areFamiliarForms } from './familiarNames.js';
import { birthDateMatch, type BirthDateMatch } from './birthDateNearMisses.js';

export interface NamedChild {
  forename: string | null;
  surname: string | null;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
}

/** How alike two names are, most alike first. */
type NameMatch = 'same' | 'familiar form' | 'sounds alike' | 'spelt nearly the same' | 'same first letter';

/** Why a record is a likely duplicate, and how likely: the higher `likelihood`, the likelier. */
export interface Likeness {
  likelihood: number;
  /** In words, most telling first. @example 'same date of birth, last name sounds alike' */
  why: string;
}

const nameWeight: Record<NameMatch, number> = { same: 4, 'familiar form': 3, 'sounds alike': 3, 'spelt nearly the same': 2, 'same first letter': 0 };
const birthWeight: Record<BirthDateMatch, number> = { same: 4, 'day and month swapped': 2, 'one digit different': 2 };

/**
 * A name made ready to compare with many others: its comparable spelling, and its sound codes once asked for (a
 * child's summary compares one child's names with every record born on a nearby date; issue 15 item 4).
 */
interface ComparedName {
  text: string;
  codes?: Set<string>;
}

const compared = (name: string | null): ComparedName => ({ text: comparableName(name) });
const soundCodes = (name: ComparedName): Set<string> => (name.codes ??= new Set(doubleMetaphone(name.text)));
const soundsAlike = (a: ComparedName, b: ComparedName) => {
  const codes = soundCodes(a);
  return [...soundCodes(b)].some((code) => code !== '' && codes.has(code));
};

/**
 * How alike two names are, or `undefined` when not alike. Names that sound alike count only when they also start
 * with the same letter or are spelt within two changes of each other (so "Brown" and "Browne" do, and the many
 * names a sound code lumps together do not). `allowFamiliar` is for given names, which have familiar forms.
 * The spelling distance is only worked out where it can matter: it is at least the difference in length, and only
 * distances of two or fewer count.
 */
function nameMatch(name: ComparedName, other: ComparedName, allowFamiliar: boolean): NameMatch | undefined {
  const [a, b] = [name.text, other.text];
  if (a === '' || b === '') return undefined;
  if (a === b) return 'same';
  if (allowFamiliar && areFamiliarForms(a, b)) return 'familiar form';
  const sameFirstLetter = a[0] === b[0];
  const distance = Math.abs(a.length - b.length) > 2 ? Infinity : editDistance(a, b).steps;
  if ((sameFirstLetter || distance <= 2) && soundsAlike(name, other)) return 'sounds alike';
  if (sameFirstLetter && distance <= 1 && Math.min(a.length, b.length) >= 4) return 'spelt nearly the same';
  return sameFirstLetter ? 'same first letter' : undefined;
}

const inWords = (what: string, match: NameMatch | BirthDateMatch) => {
  if (match === 'same') return `same ${what}`;
  if (match === 'familiar form') return `${what} a familiar form`;
  if (match === 'same first letter') return `${what} starts with the same letter`;
  return `${what} ${match}`;
};

/**
 * How likely `other` is to be a second record of `child`, or `undefined` when it is not likely at all. Both last
 * names must be alike (not merely share a first letter), the dates of birth the same or a near miss, and the first
 * names alike; first names that only share a first letter count only with the same last name and date of birth (so
 * "Kayleigh" and "Kayley", or "Alex" and "Alexander", still match). A record without a surname or forename never
 * matches: there is nothing to compare. Twins match too: the list is for a person to judge, never a refusal.
 * @example likenessOf({ forename: 'Rian', surname: 'Browne', dateOfBirth: '2012-03-04' }, { forename: 'Ryan', surname: 'Brown', dateOfBirth: '2012-03-04' })?.why // 'same date of birth, last name sounds alike, first name a familiar form'
 */
export function likenessOf(child: NamedChild, other: NamedChild): Likeness | undefined {
  return likenessOfCompared(comparedChild(child), other);
}

/** A child's names made ready to compare with many records. */
const comparedChild = (child: NamedChild) => ({ dateOfBirth: child.dateOfBirth, surname: compared(child.surname), forename: compared(child.forename) });

/** `likenessOf`, for a child compared with many records: each test only when the ones before it passed. */
function likenessOfCompared(child: ReturnType<typeof comparedChild>, other: NamedChild): Likeness | undefined {
  const birth = birthDateMatch(child.dateOfBirth, other.dateOfBirth);
  if (!birth) return undefined;
  const surname = nameMatch(child.surname, compared(other.surname), false);
  if (!surname || surname === 'same first letter') return undefined;
  const forename = nameMatch(child.forename, compared(other.forename), true);
  if (!forename) return undefined;
  if (forename === 'same first letter' && (birth !== 'same' || surname !== 'same')) return undefined;
  return {
    likelihood: birthWeight[birth] + nameWeight[surname] + nameWeight[forename],
    why: [inWords('date of birth', birth), inWords('last name', surname), inWords('first name', forename)].join(', '),
  };
}

/**
 * Is `other` likely to be a second record of `child`? (The rule is `likenessOf`.)
 * @example isLikelyDuplicate({ forename: 'Kayleigh', surname: 'McKay', dateOfBirth: '2012-03-04' }, { forename: 'kayley', surname: 'Mc Kay', dateOfBirth: '2012-03-04' }) // true
 */
export function isLikelyDuplicate(child: NamedChild, other: NamedChild): boolean {
  return likenessOf(child, other) !== undefined;
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
 * The likely duplicates of `child` among `candidates` (records born on one of `birthDatesNear` its date of birth),
 * the likeliest first: the same name and date of birth, then by `likenessOf`, then by Cairn id.
 * @example likelyDuplicatesOf(child, candidates).map((c) => [c.childId, c.why])
 */
export function likelyDuplicatesOf<T extends NamedChild & { childId: string }>(child: NamedChild, candidates: readonly T[]): (T & Likeness & { sameNameAndBirth: boolean })[] {
  const ready = comparedChild(child);
  return candidates
    .flatMap((candidate) => {
      const likeness = likenessOfCompared(ready, candidate);
      return likeness ? [{ ...candidate, ...likeness, sameNameAndBirth: isSameNameAndBirth(child, candidate) }] : [];
    })
    .sort((a, b) => Number(b.sameNameAndBirth) - Number(a.sameNameAndBirth) || b.likelihood - a.likelihood || a.childId.localeCompare(b.childId));
}

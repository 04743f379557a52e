/**
 * @module Ids for the records Cairn makes, in one scheme: a short prefix naming the kind of record and eight characters of
 * Crockford base 32 (no I, L, O or U, so they can be read aloud and typed), e.g. `REF-7K3M9QXA`. Forty random bits: ids
 * are never guessable from each other, and clash in practice never (a clash would be refused by the primary key).
 */
import { randomBytes } from 'node:crypto';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `length` random Crockford base-32 characters.
 * @example shortCode() // '7K3M9QXA'
 */
export function shortCode(length = 8): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += crockford[byte & 31];
  return code;
}

/**
 * A new id for a record of the kind `prefix` names.
 * @example newRecordId('REF') // 'REF-7K3M9QXA'
 */
export function newRecordId(prefix: string): string {
  if (!/^[A-Z]{1,5}$/.test(prefix)) throw new Error(`A record id prefix is one to five capital letters: ${prefix}`);
  return `${prefix}-${shortCode()}`;
}

/** How the ids of a kind of record are written: a prefix and a number padded to a width (`C012987`). */
export interface NumberedIdStyle {
  prefix: string;
  /** Digits in the number, padded with zeros. */
  digits: number;
  /** The highest number in use. */
  highest: number;
}

/**
 * The next id in the style already in use (so a child added in Cairn reads like the children imported before it),
 * or the first in `fallback` style when there are none.
 * @example nextNumberedId({ prefix: 'C', digits: 6, highest: 12987 }) // 'C012988'
 * @example nextNumberedId(undefined, { prefix: 'C', digits: 6 }) // 'C000001'
 */
export function nextNumberedId(style: NumberedIdStyle | undefined, fallback: { prefix: string; digits: number } = { prefix: 'C', digits: 6 }): string {
  const { prefix, digits } = style ?? fallback;
  return `${prefix}${String((style?.highest ?? 0) + 1).padStart(digits, '0')}`;
}

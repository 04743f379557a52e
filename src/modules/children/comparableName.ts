/** @module How two names are compared: the letters and digits of a name, as one spelling. */

/**
 * A name as it is compared: lower case, accents off, and only its letters and digits (so "McAllister",
 * "Mc Allister" and "MCALLISTER" are one name, as are "O'Neil" and "ONeil").
 * @example comparableName(" O'Neil ") // 'oneil'
 */
export function comparableName(name: string | null): string {
  return (name ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

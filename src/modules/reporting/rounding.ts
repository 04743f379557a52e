/** @module Exact arithmetic for indicator values: fractions of integers rounded half away from zero, never on lossy floats. */

/** An exact rational number. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

const toBigInt = (n: bigint | number): bigint => (typeof n === 'bigint' ? n : BigInt(n));

/**
 * `numerator ÷ denominator` rounded half away from zero to `places` decimals, computed exactly
 * (integers only: 12.25 → 12.3, 0.5 → 1, −0.5 → −1). Throws on a zero denominator; callers leave
 * such a figure out instead.
 * @example roundHalfAwayFromZero(49n, 4n, 1) // 12.3 (49 ÷ 4 = 12.25)
 * @example roundHalfAwayFromZero(-1, 2, 0) // -1
 */
export function roundHalfAwayFromZero(numerator: bigint | number, denominator: bigint | number, places: number): number {
  let top = toBigInt(numerator) * 10n ** BigInt(places);
  let bottom = toBigInt(denominator);
  if (bottom === 0n) throw new RangeError('cannot divide by zero');
  if (bottom < 0n) {
    top = -top;
    bottom = -bottom;
  }
  const negative = top < 0n;
  const magnitude = negative ? -top : top;
  let quotient = magnitude / bottom;
  if ((magnitude % bottom) * 2n >= bottom) quotient += 1n;
  // BigInt has no −0, and an exact integer divided by a power of ten is the double nearest the decimal meant.
  return Number(negative ? -quotient : quotient) / 10 ** places;
}

/**
 * `part ÷ whole × 100` rounded to `places`, or undefined when `whole` is 0 (indicators.md: such a
 * percentage is absent, not 0).
 * @example percentage(1, 3, 1) // 33.3
 * @example percentage(0, 0, 1) // undefined
 */
export function percentage(part: bigint | number, whole: bigint | number, places: number): number | undefined {
  if (toBigInt(whole) === 0n) return undefined;
  return roundHalfAwayFromZero(toBigInt(part) * 100n, whole, places);
}

/**
 * Read a decimal as PostgreSQL prints `numeric` (`1800.25`, `-3`, `0.5`) into an exact fraction.
 * @example decimalFraction('1800.25') // { numerator: 180025n, denominator: 100n }
 */
export function decimalFraction(text: string): Fraction {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const decimals = match[3] ?? '';
  const magnitude = BigInt(match[2]! + decimals);
  return { numerator: match[1] ? -magnitude : magnitude, denominator: 10n ** BigInt(decimals.length) };
}

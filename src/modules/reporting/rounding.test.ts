import { describe, expect, it } from 'vitest';
import { decimalFraction, percentage, roundHalfAwayFromZero } from './rounding.js';

describe('rounding half away from zero, exactly', () => {
  it('rounds halves away from zero in both directions', () => {
    expect(roundHalfAwayFromZero(49, 4, 1)).toBe(12.3); // 12.25
    expect(roundHalfAwayFromZero(-49, 4, 1)).toBe(-12.3);
    expect(roundHalfAwayFromZero(1, 2, 0)).toBe(1); // 0.5
    expect(roundHalfAwayFromZero(-1, 2, 0)).toBe(-1); // −0.5
    expect(roundHalfAwayFromZero(1, -2, 0)).toBe(-1);
    expect(roundHalfAwayFromZero(5, 2, 0)).toBe(3); // 2.5: not to even
  });

  it('does not lose halves that a float would', () => {
    // 1.005 × 100 is 100.49999999999999 as a double; exactly it is 100.5.
    expect(roundHalfAwayFromZero(1005, 1000, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-1005, 1000, 2)).toBe(-1.01);
    // 0.35 ÷ 1 to 1 place: 3.5 tenths.
    expect(roundHalfAwayFromZero(35, 100, 1)).toBe(0.4);
  });

  it('keeps below-half values and zero as they are', () => {
    expect(roundHalfAwayFromZero(1249, 100, 1)).toBe(12.5);
    expect(roundHalfAwayFromZero(1, 3, 1)).toBe(0.3);
    expect(Object.is(roundHalfAwayFromZero(-1, 3, 0), 0)).toBe(true); // −0.33 → 0, not −0
    expect(roundHalfAwayFromZero(0, 7, 1)).toBe(0);
  });

  it('works on sums beyond 2^53', () => {
    expect(roundHalfAwayFromZero(2n ** 60n + 1n, 2n, 0)).toBe(Number(2n ** 59n + 1n));
  });

  it('leaves a percentage of nothing absent', () => {
    expect(percentage(0, 0, 1)).toBeUndefined();
    expect(percentage(2, 3, 1)).toBe(66.7);
    expect(percentage(0, 3, 1)).toBe(0);
  });

  it('reads numeric text exactly', () => {
    expect(decimalFraction('1800.25')).toEqual({ numerator: 180025n, denominator: 100n });
    expect(decimalFraction('-3')).toEqual({ numerator: -3n, denominator: 1n });
    expect(decimalFraction('0.50')).toEqual({ numerator: 50n, denominator: 100n });
    expect(() => decimalFraction('1e5')).toThrow(RangeError);
  });
});

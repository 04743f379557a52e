/** @module Agreement between two auditors who graded the same questions: per cent agreement and Cohen's kappa. */
import { roundHalfAwayFromZero } from '../reporting/rounding.js';

export interface Agreement {
  /** Question grades both auditors gave. */
  pairs: number;
  /** Per cent of pairs where they gave the same grade, one decimal place; null with no pairs. */
  percentAgreement: number | null;
  /** Cohen's kappa, two decimal places; null with no pairs, or when chance agreement is certain (pe = 1). */
  kappa: number | null;
}

/**
 * Per cent agreement and Cohen's kappa over pairs of grades (first auditor's, second auditor's).
 * κ = (po − pe) / (1 − pe), where po is the share of pairs that agree and pe = Σ over grades of the share of the
 * first auditor's grades that were that grade × the same share for the second auditor.
 * @example agreement([['yes', 'yes'], ['yes', 'no'], ['no', 'no'], ['no', 'no']]) // { pairs: 4, percentAgreement: 75, kappa: 0.5 }
 */
export function agreement(pairs: readonly (readonly [string, string])[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { pairs: 0, percentAgreement: null, kappa: null };
  const agreed = pairs.filter(([a, b]) => a === b).length;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  for (const [a, b] of pairs) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  // In whole numbers over n²: po = agreed·n / n², pe = Σ first·second / n².
  let chance = 0;
  for (const [grade, count] of first) chance += count * (second.get(grade) ?? 0);
  const observed = agreed * n;
  const all = n * n;
  return {
    pairs: n,
    percentAgreement: roundHalfAwayFromZero(agreed * 100, n, 1),
    kappa: chance === all ? null : roundHalfAwayFromZero(observed - chance, all - chance, 2),
  };
}

import { describe, expect, it } from 'vitest';
import { agreement } from './agreement.js';

const repeat = (times: number, pair: readonly [string, string]) => Array.from({ length: times }, () => pair);

describe("agreement between two auditors", () => {
  it("works out per cent agreement and Cohen's kappa for a 2 × 2 table, as by hand", () => {
    // 10 grades.            Second: Yes  No
    //   First auditor Yes           4    1    (5)
    //   First auditor No            2    3    (5)
    //                              (6)  (4)
    // po = (4 + 3) / 10 = 0.7; pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    const pairs = [...repeat(4, ['yes', 'yes']), ...repeat(1, ['yes', 'no']), ...repeat(2, ['no', 'yes']), ...repeat(3, ['no', 'no'])];
    expect(agreement(pairs)).toEqual({ pairs: 10, percentAgreement: 70, kappa: 0.4 });
  });

  it('works out kappa over a five-point scale, as by hand', () => {
    // 6 grades: (good, good), (good, adequate), (adequate, adequate), (weak, weak), (excellent, good), (good, good).
    // po = 4 / 6. First: excellent 1, good 3, adequate 1, weak 1; second: good 3, adequate 2, weak 1.
    // pe = (3 × 3 + 1 × 2 + 1 × 1) / 36 = 12 / 36 = ⅓. κ = (⅔ − ⅓) / (1 − ⅓) = 0.5. Agreement 66.7%.
    const pairs = [['good', 'good'], ['good', 'adequate'], ['adequate', 'adequate'], ['weak', 'weak'], ['excellent', 'good'], ['good', 'good']] as const;
    expect(agreement(pairs)).toEqual({ pairs: 6, percentAgreement: 66.7, kappa: 0.5 });
  });

  it('gives no figures without pairs, and no kappa when both auditors only ever used one grade', () => {
    expect(agreement([])).toEqual({ pairs: 0, percentAgreement: null, kappa: null });
    // pe = 1 × 1 = 1: kappa is 0/0.
    expect(agreement(repeat(3, ['yes', 'yes']))).toEqual({ pairs: 3, percentAgreement: 100, kappa: null });
  });

  it('is negative when auditors agree less than chance', () => {
    // po = 0; first yes 1, no 1; second yes 1, no 1; pe = 0.5; κ = (0 − 0.5) / 0.5 = −1.
    expect(agreement([['yes', 'no'], ['no', 'yes']])).toEqual({ pairs: 2, percentAgreement: 0, kappa: -1 });
  });
});

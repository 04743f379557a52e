import { describe, expect, it } from 'vitest';
import { describeNewValue } from './referenceValues.js';

describe('the import summary line for a new list value', () => {
  it('names the rows, file by file', () => {
    expect(describeNewValue({ list: 'school_cluster', value: 'Belmnot', rowCount: 3, rows: ['children.csv line 4', 'children.csv line 9', 'referrals.csv line 2'] }))
      .toBe('school cluster “Belmnot”: children.csv lines 4, 9; referrals.csv line 2');
  });

  it('names the first ten of many and counts the rest, at once however many (a first load puts a cluster on every row)', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `children.csv line ${i + 2}`);
    expect(describeNewValue({ list: 'school_cluster', value: 'Belmont', rowCount: 150_000, rows }))
      .toBe('school cluster “Belmont”: children.csv lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 149,990 more rows');
    expect(describeNewValue({ list: 'school_cluster', value: 'Belmont', rowCount: 11, rows })).toMatch(/lines 2, .*, 11 and 1 more row$/);
    expect(describeNewValue({ list: 'school_cluster', value: 'Belmont', rowCount: 10, rows })).toMatch(/lines 2, .*, 11$/);
  });
});

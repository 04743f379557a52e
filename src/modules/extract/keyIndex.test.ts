import { describe, expect, it } from 'vitest';
import { KeyIndex } from './keyIndex.js';

describe('the ids of a file’s rows, found by row number', () => {
  it('finds every id of many, says which row already holds one, and finds no id it was not given', () => {
    const ids: string[] = [];
    const index = new KeyIndex((row) => ids[row]!);
    for (let row = 0; row < 50_000; row++) {
      const id = `C${row}`;
      ids.push(id);
      expect(index.add(id, row)).toBe(-1);
    }
    expect(index.size).toBe(50_000);
    for (const row of [0, 1, 4_095, 49_999]) expect(index.find(`C${row}`)).toBe(row);
    expect(index.add('C17', 50_000)).toBe(17);
    expect(index.size).toBe(50_000);
    expect(index.has('C50000')).toBe(false);
    expect(index.has('c17')).toBe(false);
    expect(index.has('')).toBe(false);
  });

  it('tells apart ids whose hashes collide', () => {
    // 'Aa' and 'BB' have the same hash under Java's hashCode; here every id is compared in full when hashes meet.
    const ids = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa'];
    const index = new KeyIndex((row) => ids[row]!);
    ids.forEach((id, row) => expect(index.add(id, row)).toBe(-1));
    ids.forEach((id, row) => expect(index.find(id)).toBe(row));
  });

  it('compares the id read back, not only its hash', () => {
    // A reader that answers a different id for a row: a look-up that lands on it must not count as found.
    const index = new KeyIndex(() => 'something else');
    index.add('C1', 0);
    expect(index.has('C1')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collectGarbage.js';
import { sharedText } from './sharedText.js';

interface Row {
  id: string;
  team: string | null;
  code: string | null;
  count: number;
}

/** A new copy of `text`, as a driver gives each row (not the literal V8 would share anyway). */
const copyOf = (text: string) => [...text].join('');

describe('sharedText', () => {
  it('changes no value: text as it was, nulls and other fields untouched', () => {
    const rows: Row[] = [
      { id: 'C1', team: copyOf('North team'), code: null, count: 1 },
      { id: 'C2', team: copyOf('North team'), code: copyOf('N1'), count: 2 },
      { id: 'C3', team: null, code: copyOf('N1'), count: 3 },
    ];
    const before = structuredClone(rows);
    const text = sharedText();
    text.fields(rows, ['team', 'code']);
    expect(rows).toEqual(before);
    // Two values seen (the ids were not asked for).
    expect(text.size).toBe(2);
    expect(text.share(copyOf('N1'))).toBe('N1');
    expect(text.size).toBe(2);
  });

  it('holds each value once: rows repeating a few long values take a fraction of the memory', async () => {
    const values = ['a'.repeat(400), 'b'.repeat(400), 'c'.repeat(400)];
    // 30,000 rows, each with its own copy of one of three 400-character values: about 13 MB of text.
    const rows: Row[] = Array.from({ length: 30_000 }, (_, i) => ({ id: `R${i}`, team: copyOf(values[i % 3]!), code: null, count: i }));
    const heap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const copies = heap();
    sharedText().fields(rows, ['team']);
    const shared = heap();
    expect(rows.map((row) => row.team)).toEqual(Array.from({ length: 30_000 }, (_, i) => values[i % 3]));
    // Without sharing the heap would not shrink at all; shared, the copies' 13 MB go.
    expect(copies - shared).toBeGreaterThan(8_000_000);
  });
});

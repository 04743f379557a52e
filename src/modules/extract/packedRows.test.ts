import { describe, expect, it } from 'vitest';
import { PackedRows } from './packedRows.js';

type Row = { id: string; note: string | null; count: number; out: boolean; concerns: string[]; end: string | null };
const columns = ['id', 'note', 'count', 'out', 'concerns', 'end'] as const;

describe('a file’s rows held packed', () => {
  it('gives back every kind of value as it was read, with its line', () => {
    const rows = new PackedRows<Row>([...columns]);
    rows.push({ line: 2, id: 'C1', note: 'tab\there, new\nline, back\\slash and “quotes”', count: 12.5, out: true, concerns: ['N', 'E'], end: null });
    rows.push({ line: 5, id: 'C2', note: null, count: -3, out: false, concerns: [], end: '2021-03-31' });
    rows.push({ line: 9, id: '', note: '\u0001 ', count: 0, out: false, concerns: ['"quoted"'], end: '' });
    expect(rows.length).toBe(3);
    expect([...rows]).toEqual([
      { line: 2, id: 'C1', note: 'tab\there, new\nline, back\\slash and “quotes”', count: 12.5, out: true, concerns: ['N', 'E'], end: null },
      { line: 5, id: 'C2', note: null, count: -3, out: false, concerns: [], end: '2021-03-31' },
      { line: 9, id: '', note: '\u0001 ', count: 0, out: false, concerns: ['"quoted"'], end: '' },
    ]);
  });

  it('keeps a value that could not be read (undefined) apart from an empty one (null)', () => {
    const rows = new PackedRows<Row>([...columns]);
    rows.push({ line: 3, id: 'C1', end: undefined, note: null });
    const row = rows.at(0)!;
    expect(row.end).toBeUndefined();
    expect(row.note).toBeNull();
    expect(Object.keys(row).sort()).toEqual(['id', 'line', 'note']);
  });

  it('changes a held row only through set, and slices a batch', () => {
    const rows = new PackedRows<Row>([...columns]);
    for (let line = 2; line < 12; line++) rows.push({ line, id: `C${line}`, note: null });
    const row = rows.at(4)!;
    row.note = 'changed';
    expect(rows.at(4)!.note).toBeNull();
    rows.set(4, row);
    expect(rows.at(4)).toEqual({ line: 6, id: 'C6', note: 'changed' });
    expect(rows.slice(8, 20).map((r) => r.id)).toEqual(['C10', 'C11']);
    expect(rows.at(10)).toBeUndefined();
    expect(() => rows.set(10, row)).toThrow(RangeError);
  });

  it('refuses a value with a NUL byte rather than split it into two', () => {
    const rows = new PackedRows<Row>([...columns]);
    expect(() => rows.push({ line: 2, id: 'C\u00001' })).toThrow(/NUL/);
  });
});

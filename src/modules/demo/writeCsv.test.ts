/** @module CSV as extract-format.md asks: RFC 4180 quoting only where needed, LF line ends. */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './writeCsv.js';

describe('writing CSV', () => {
  it('quotes a cell only when it holds a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('Boyd')).toBe('Boyd');
    expect(csvCell("O'Neill")).toBe("O'Neill");
    expect(csvCell('Neglect, home conditions')).toBe('"Neglect, home conditions"');
    expect(csvCell('the "Hub"')).toBe('"the ""Hub"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
  });

  it('writes a header and one LF-ended line per row, in the order of the columns given', () => {
    expect(toCsv(['year', 'age_0_17'], [{ age_0_17: 19930, year: 2021 }, { year: 2022, age_0_17: null }])).toBe('year,age_0_17\n2021,19930\n2022,\n');
  });
});

/** @module Unit tests for parseCsv: no database. */
import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv, type CsvSyntaxError } from './parseCsv.js';

describe('parseCsv', () => {
  it('reads LF and CRLF line ends alike, numbering lines from the header as 1', () => {
    const lf = parseCsv('a,b\n1,2\n3,4\n');
    const crlf = parseCsv('a,b\r\n1,2\r\n3,4\r\n');
    expect(lf).toEqual(crlf);
    expect(lf.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
    expect(lf.errors).toEqual([]);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks, keeping later line numbers right', () => {
    const table = parseCsv('a,b\r\n1,"Boyd, ""Jr""\r\nsecond line"\r\n2,"x"\r\n');
    expect(table.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'Boyd, "Jr"\r\nsecond line'] },
      { line: 4, cells: ['2', 'x'] },
    ]);
  });

  it('keeps empty cells, a last line without a line end, and skips empty lines', () => {
    expect(parseCsv('a,b,c\n,,\n\n1,"",3').records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['', '', ''] },
      { line: 4, cells: ['1', '', '3'] },
    ]);
  });

  it('reports every malformed line and goes on reading after each', () => {
    const table = parseCsv('a,b\n1,x"y\n2,"x"y\n3,ok\n4,bad\rend\n5,ok\n');
    expect(table.errors).toEqual([
      { line: 2, message: expect.stringContaining('a " inside a cell that does not start with one') },
      { line: 3, message: expect.stringContaining('text straight after a closing quote') },
      { line: 5, message: expect.stringContaining('carriage return (CR) on its own') },
    ]);
    expect(table.records.map((record) => record.cells[0])).toEqual(['a', '3', '5']);
  });

  it('stops at a quoted cell that is never closed, naming the line it opens on', () => {
    const table = parseCsv('a,b\n1,2\n3,"never\nclosed\n4,5\n');
    expect(table.errors).toEqual([{ line: 3, message: expect.stringContaining('never closed') }]);
    expect(table.records).toHaveLength(2);
  });
});

describe('csvRecords: the same records one at a time', () => {
  const text = 'child_id,surname\nA1,Boyd\nA2,Ke"rr\nA3,"Laird"\n';

  it('gives parseCsv\'s records and errors once read to the end', () => {
    const errors: CsvSyntaxError[] = [];
    expect([...csvRecords(text, errors)]).toEqual(parseCsv(text).records);
    expect(errors).toEqual(parseCsv(text).errors);
  });

  it('reads only as far as it is asked: a record\'s cells can be let go before the next is split', () => {
    const errors: CsvSyntaxError[] = [];
    const records = csvRecords(text, errors);
    expect(records.next().value).toEqual({ line: 1, cells: ['child_id', 'surname'] });
    expect(records.next().value).toEqual({ line: 2, cells: ['A1', 'Boyd'] });
    expect(errors).toEqual([]); // line 3's stray quote not reached yet
    expect(records.next().value).toEqual({ line: 4, cells: ['A3', 'Laird'] });
    expect(errors).toHaveLength(1);
  });
});

describe('csvRecords over parts of the text (a large file decoded a part at a time)', () => {
  /** Every way of cutting `text` into parts just after line feeds, up to three cuts. */
  function cuttings(text: string): string[][] {
    const ends: number[] = [];
    for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) ends.push(at + 1);
    const ways: string[][] = [[text]];
    const cutAt = (cuts: number[]) => {
      const parts: string[] = [];
      let from = 0;
      for (const cut of cuts) {
        parts.push(text.slice(from, cut));
        from = cut;
      }
      parts.push(text.slice(from));
      return parts;
    };
    for (const a of ends) {
      ways.push(cutAt([a]));
      for (const b of ends.filter((end) => end > a)) {
        ways.push(cutAt([a, b]));
        for (const c of ends.filter((end) => end > b)) ways.push(cutAt([a, b, c]));
      }
    }
    return ways;
  }

  const texts = [
    'a,b\r\n1,"Boyd, ""Jr""\r\nsecond line\r\nthird"\r\n2,"x"\r\n',
    'a,b\n\n1,"two\n\nlines"\n\n3,4',
    'a,b\n1,Ke"rr\n2,"x"y\n3,4\r5\n6,7\n',
    'a,b\n1,2\n3,"never\nclosed\n4,5\n',
    'a,b\n1,"ends\non the last line"',
    'a,b\n1,"x\ny""z\nw"\n2,3\n',
  ];

  it.each(texts)('reads %j into the same records, lines and errors however it is cut', (text) => {
    const whole = parseCsv(text);
    const ways = cuttings(text);
    expect(ways.length).toBeGreaterThan(3);
    for (const parts of ways) {
      const errors: CsvSyntaxError[] = [];
      expect({ records: [...csvRecords(parts, errors)], errors }).toEqual(whole);
    }
  });
});

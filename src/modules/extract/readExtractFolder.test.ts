/**
 * @module A file read a part at a time (ADR 0065): records, lines and errors as for its whole text at once, whatever
 * falls on a part's edge — a quoted cell over several lines, characters of several bytes, a U+FEFF starting a line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord } from './parseCsv.js';
import { csvProblems, parseExtractTable, readExtractFolder } from './readExtractFolder.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cairn-parts-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Read `text` as children.csv through the importer's own reading, every record and problem. */
async function readAsTheImporterDoes(bytes: Buffer): Promise<{ records: CsvRecord[]; errors: { line: number; message: string }[] }> {
  await writeFile(join(folder, 'children.csv'), bytes);
  const { tables, problems } = await readExtractFolder(folder);
  expect(problems).toEqual([]);
  const table = tables.children!;
  expect(parseExtractTable(table)).toEqual([]);
  const records = [...table.csv!.records];
  return { records, errors: csvProblems(table).map(({ line, message }) => ({ line, message })) };
}

describe('a file read a part at a time', () => {
  it('reads a large file with quoted cells over several lines, accents and a stray quote as its whole text', async () => {
    const lines = ['\uFEFFchild_id,note'];
    for (let n = 1; n < 4000; n++) {
      if (n % 97 === 0) lines.push(`C${n},"a note over\nthree lines, with “quotes” and ""doubled"" ones\nand an é"`);
      else if (n === 2500) lines.push(`C${n},a stray " quote`);
      else lines.push(`C${n},Ailsa Boyd — Ëilidh ${'x'.repeat(n % 13)}`);
    }
    const text = `${lines.join('\r\n')}\r\n`;
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(4 * 32 * 1024);
    const whole = parseCsv(text.slice(1));
    expect(whole.errors).toHaveLength(1);
    expect(await readAsTheImporterDoes(bytes)).toEqual(whole);
  });

  it('keeps a U+FEFF that starts a line at a part’s edge: only the file’s first may be a byte-order mark', async () => {
    const header = 'child_id,note\n';
    // Lines of filler so that the line feed ending them is the part's last byte (byte 32,767).
    let filler = '';
    let n = 0;
    while (Buffer.byteLength(header + filler) < 32 * 1024 - 40) filler += `F${n++},filler\n`;
    const missing = 32 * 1024 - Buffer.byteLength(header + filler) - 'F,\n'.length;
    filler += `F,${'y'.repeat(missing)}\n`;
    expect(Buffer.byteLength(header + filler)).toBe(32 * 1024);
    const text = `${header}${filler}\uFEFFC1,starts with a zero-width no-break space\nC2,last\n`;
    const read = await readAsTheImporterDoes(Buffer.from(text, 'utf8'));
    expect(read).toEqual(parseCsv(text));
    expect(read.records.at(-2)!.cells[0]).toBe('\uFEFFC1');
  });

  it('still says a file is not UTF-8, on the line of the first character that is not', async () => {
    await writeFile(join(folder, 'children.csv'), Buffer.concat([Buffer.from('child_id,note\nC1,fine\nC2,caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const { tables } = await readExtractFolder(folder);
    expect(parseExtractTable(tables.children!)).toEqual([{ file: 'children.csv', line: 3, column: '-', message: expect.stringContaining('is not UTF-8') }]);
  });
});

/**
 * @module Reading the documents Cairn writes as real readers do: poppler's pdfinfo, pdffonts and pdftotext for PDFs;
 * LibreOffice (converting to text) and the raw WordprocessingML for DOCX.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(bytes: Buffer, name: string, read: (file: string, folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'cairn-document-'));
  try {
    const file = join(folder, name);
    writeFileSync(file, bytes);
    return read(file, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** pdfinfo's fields, e.g. `{ Tagged: 'yes', Pages: '3', Title: '…' }`. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const text = withFile(pdf, 'document.pdf', (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Object.fromEntries(text.split('\n').filter((line) => line.includes(':')).map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]));
}

/** Each font the PDF uses: its name and whether it is embedded. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const text = withFile(pdf, 'document.pdf', (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return text.split('\n').slice(2).filter(Boolean).map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type [encoding…] emb sub uni object ID: emb is the fifth column from the end
    return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' };
  });
}

/** The PDF's text as pdftotext reads it (`-layout` keeps table rows on their lines). */
export function pdfText(pdf: Buffer, mode: 'raw' | 'layout' = 'raw'): string {
  return withFile(pdf, 'document.pdf', (file) => execFileSync('pdftotext', [`-${mode}`, file, '-'], { encoding: 'utf8' }));
}

/** What LibreOffice read of each DOCX this process has given it, by the file's hash: it takes seconds to start. */
const readByLibreOffice = new Map<string, string>();

/**
 * A DOCX's text as LibreOffice reads it (so a file LibreOffice cannot open fails here). The same bytes are read once a
 * process: a second test of one document is given the first reading.
 */
export function docxText(docx: Buffer): string {
  const hash = createHash('sha256').update(docx).digest('hex');
  const known = readByLibreOffice.get(hash);
  if (known !== undefined) return known;
  const text = withFile(docx, 'document.docx', (file, folder) => {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(folder, 'lo-profile')}`, '--convert-to', 'txt:Text', '--outdir', folder, file], { stdio: 'pipe', timeout: 120_000 });
    return readFileSync(join(folder, 'document.txt'), 'utf8');
  });
  readByLibreOffice.set(hash, text);
  return text;
}

/** One part of a DOCX package (e.g. `word/document.xml`), as text. */
export function docxPart(docx: Buffer, part: string): string {
  return withFile(docx, 'document.docx', (file) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/**
 * @module Prints a document as a tagged PDF (pdfkit): headings, paragraphs, lists, tables (Table, Caption, TR, TH, TD) and
 * pictures (Figure with its alternative text) in the structure tree; Noto Sans embedded, so every character prints;
 * table columns never narrower than their longest word, so text wraps only between words; the title and page numbers
 * in every page's footer, and a running head after the first page, as artifacts a screen reader skips.
 */
import PDFDocument from 'pdfkit';
import { fontFiles } from './fonts.js';
import type { PrintableBlock, PrintableDocument, PrintableTable } from './printable.js';

type Pdf = InstanceType<typeof PDFDocument>;
type Structure = ReturnType<Pdf['struct']>;

const margin = 56;
const pageWidth = 595.28; // A4
/** The width a picture or table may take on the page, in points. */
export const usable = pageWidth - 2 * margin;
const ink = '#0b0c0c';
const quiet = '#505a5f';
const cellPadding = 4;

const body = { font: 'Body', size: 10.5 };
const headingSizes = { 1: 18, 2: 14, 3: 11.5 } as const;

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - margin) pdf.addPage();
}

function lineHeight(pdf: Pdf, font: string, size: number): number {
  return pdf.font(font).fontSize(size).currentLineHeight(true);
}

function addText(pdf: Pdf, parent: Structure, role: 'H1' | 'H2' | 'H3' | 'P', text: string, font: string, size: number, options: { colour?: string; after?: number; keepWith?: number } = {}): void {
  pdf.font(font).fontSize(size);
  // A heading keeps a few lines of what follows it on its page.
  ensureRoom(pdf, pdf.heightOfString(text, { width: usable }) + (options.keepWith ?? 0));
  parent.add(pdf.struct(role, {}, () => {
    pdf.fillColor(options.colour ?? ink).text(text, margin, pdf.y, { width: usable });
  }));
  pdf.moveDown(options.after ?? 0.5);
}

/**
 * The widest single word in `text`, in the current font, with the space after it: PDFKit's line wrapper measures a
 * word with its trailing space and breaks any word wider than the line ("Secure plac ements" in a column exactly as
 * wide as "placements").
 */
function longestWord(pdf: Pdf, text: string): number {
  const space = pdf.widthOfString(' ');
  return Math.max(0, ...text.split(/\s+/).filter(Boolean).map((word) => pdf.widthOfString(word) + space));
}

/** The widest line of `text` unwrapped, in the current font. */
function naturalWidth(pdf: Pdf, text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => pdf.widthOfString(line)));
}

/**
 * Column widths for a table at a font size: every column at least as wide as its longest word (so no word is ever
 * broken), the rest of the line shared by how much each column would like; undefined when the words cannot fit.
 */
export function columnWidths(pdf: Pdf, table: PrintableTable, size: number): number[] | undefined {
  const columns = Math.max(table.headings.length, ...table.rows.map((row) => row.length));
  const rowHeadings = table.rowHeadings ?? true;
  const least: number[] = [];
  const wanted: number[] = [];
  for (let column = 0; column < columns; column += 1) {
    let minimum = 0;
    let natural = 0;
    const measure = (text: string, bold: boolean) => {
      pdf.font(bold ? 'Bold' : 'Body').fontSize(size);
      minimum = Math.max(minimum, longestWord(pdf, text));
      natural = Math.max(natural, naturalWidth(pdf, text));
    };
    if (table.headings[column] !== undefined) measure(table.headings[column]!, true);
    for (const row of table.rows) measure(row[column] ?? '', rowHeadings && column === 0);
    least.push(minimum + 2 * cellPadding + 1);
    wanted.push(natural + 2 * cellPadding + 1);
  }
  const leastTotal = least.reduce((a, b) => a + b, 0);
  if (leastTotal > usable) return undefined;
  const wantedTotal = wanted.reduce((a, b) => a + b, 0);
  if (wantedTotal <= usable) return wanted.map((w) => w + ((usable - wantedTotal) * w) / wantedTotal);
  const spare = usable - leastTotal;
  const stretch = wanted.map((w, i) => w - least[i]!);
  const stretchTotal = stretch.reduce((a, b) => a + b, 0) || 1;
  return least.map((w, i) => w + (spare * stretch[i]!) / stretchTotal);
}

function addTable(pdf: Pdf, parent: Structure, table: PrintableTable): void {
  let size = 9;
  let widths = columnWidths(pdf, table, size);
  while (!widths && size > 6.5) {
    size -= 0.5;
    widths = columnWidths(pdf, table, size);
  }
  // Words too long for any size (a very long id, say) are the only ones that may break.
  const columns = Math.max(1, table.headings.length, ...table.rows.map((row) => row.length));
  widths ??= Array.from({ length: columns }, () => usable / columns);
  const rowHeadings = table.rowHeadings ?? true;
  const structure = pdf.struct('Table');
  parent.add(structure);
  ensureRoom(pdf, lineHeight(pdf, 'Bold', 10) + 3 * lineHeight(pdf, 'Body', size) + 24); // the caption stays with its first rows
  structure.add(pdf.struct('Caption', {}, () => {
    pdf.font('Bold').fontSize(10).fillColor(ink).text(table.caption, margin, pdf.y, { width: usable });
  }));
  pdf.moveDown(0.3);

  const drawRow = (cells: readonly string[], header: boolean): void => {
    const fontOf = (index: number) => (header || (rowHeadings && index === 0) ? 'Bold' : 'Body');
    const height = Math.max(...widths!.map((width, index) => pdf.font(fontOf(index)).fontSize(size).heightOfString(cells[index] ?? '', { width: width - 2 * cellPadding }))) + 2 * cellPadding;
    if (pdf.y + height > pdf.page.height - margin) {
      pdf.addPage();
      if (!header && table.headings.length) drawRow(table.headings, true); // the header row again on each page
    }
    const top = pdf.y;
    // The shading and rules are decoration, not content: drawn first, as an artifact.
    pdf.markContent('Artifact', { type: 'Layout' });
    if (header) pdf.rect(margin, top, usable, height).fill('#f3f2f1');
    let x = margin;
    for (const width of widths!) {
      pdf.rect(x, top, width, height).strokeColor(quiet).lineWidth(0.5).stroke();
      x += width;
    }
    pdf.endMarkedContent();
    const row = pdf.struct('TR');
    structure.add(row);
    x = margin;
    widths!.forEach((width, index) => {
      const left = x;
      const isHeader = header || (rowHeadings && index === 0);
      row.add(pdf.struct(isHeader ? 'TH' : 'TD', {}, () => {
        pdf.font(fontOf(index)).fontSize(size).fillColor(ink)
          .text(cells[index] ?? '', left + cellPadding, top + cellPadding, { width: width - 2 * cellPadding, align: table.numeric[index] ? 'right' : 'left' });
      }));
      x += width;
    });
    row.end();
    pdf.x = margin;
    pdf.y = top + height;
  };
  if (table.headings.length) drawRow(table.headings, true);
  for (const row of table.rows) drawRow(row, false);
  structure.end();
  pdf.moveDown(0.8);
}

function addPicture(pdf: Pdf, parent: Structure, block: Extract<PrintableBlock, { kind: 'picture' }>): void {
  const width = Math.min(usable, block.width);
  const height = (block.height * width) / block.width;
  ensureRoom(pdf, height + (block.caption ? 30 : 10));
  const top = pdf.y;
  parent.add(pdf.struct('Figure', { alt: block.alt }, () => {
    pdf.image(block.png, margin, top, { width, height });
  }));
  pdf.y = top + height + 4;
  if (block.caption) addText(pdf, parent, 'P', block.caption, 'Italic', 9, { colour: quiet, after: 0.8 });
  else pdf.moveDown(0.8);
}

function addList(pdf: Pdf, parent: Structure, items: readonly string[]): void {
  const list = pdf.struct('L');
  parent.add(list);
  for (const item of items) {
    pdf.font('Body').fontSize(body.size);
    ensureRoom(pdf, pdf.heightOfString(item, { width: usable - 14 }));
    const top = pdf.y;
    const entry = pdf.struct('LI');
    list.add(entry);
    entry.add(pdf.struct('Lbl', {}, () => { pdf.fillColor(ink).text('•', margin, top, { width: 12 }); }));
    entry.add(pdf.struct('LBody', {}, () => { pdf.text(item, margin + 14, top, { width: usable - 14, paragraphGap: 3 }); }));
    entry.end();
    pdf.x = margin;
  }
  list.end();
  pdf.moveDown(0.4);
}

/** Footer (title, page N of M) on every page and the running head after the first, drawn once all pages exist. */
function addPageFurniture(pdf: Pdf, document: PrintableDocument): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    pdf.switchToPage(index);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing in the margin must not start a new page
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('Body').fontSize(8).fillColor(quiet);
    pdf.text(document.title, margin, pdf.page.height - margin / 2 - 4, { width: usable * 0.75, lineBreak: false, ellipsis: true });
    pdf.text(`Page ${index - start + 1} of ${count}`, margin, pdf.page.height - margin / 2 - 4, { width: usable, align: 'right', lineBreak: false });
    if (document.runningHead && index > start) pdf.text(document.runningHead, margin, margin / 2, { width: usable, lineBreak: false, ellipsis: true });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * The document as tagged PDF bytes.
 * @example await writeFile('report.pdf', await printPdf({ title: 'Quality report', author: 'Cairn', subject: '…', blocks }))
 */
export function printPdf(document: PrintableDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    tagged: true, lang: 'en-GB', displayTitle: true, pdfVersion: '1.7', size: 'A4', margin, bufferPages: true,
    info: { Title: document.title, Author: document.author, Subject: document.subject, Creator: 'Cairn' },
  });
  pdf.registerFont('Body', fontFiles.regular);
  pdf.registerFont('Bold', fontFiles.bold);
  pdf.registerFont('Italic', fontFiles.italic);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading': {
        const size = headingSizes[block.level];
        pdf.moveDown(block.level === 1 ? 0.4 : 0.2);
        addText(pdf, root, `H${block.level}`, block.text, 'Bold', size, { after: 0.35, keepWith: 3 * lineHeight(pdf, body.font, body.size) });
        break;
      }
      case 'paragraph':
        if (block.style === 'quote') addText(pdf, root, 'P', block.text, 'Italic', body.size, { after: 0.5 });
        else addText(pdf, root, 'P', block.text, 'Body', block.style === 'lead' ? 12.5 : block.style === 'quiet' ? 9 : body.size, { colour: block.style === 'quiet' ? quiet : ink });
        break;
      case 'list':
        addList(pdf, root, block.items);
        break;
      case 'table':
        addTable(pdf, root, block.table);
        break;
      case 'picture':
        addPicture(pdf, root, block);
        break;
      case 'pageBreak':
        pdf.addPage();
        break;
    }
  }
  root.end();
  addPageFurniture(pdf, document);
  pdf.end();
  return finished;
}

/** @module The documents kit read back by real readers: a tagged PDF with its fonts embedded and words kept whole, and a Word file with real headings and tables. */
import { beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from './pdf.js';
import { printDocx } from './docx.js';
import { chartPng } from './charts.js';
import type { PrintableDocument } from './printable.js';
import { docxPart, docxText, pdfFonts, pdfInfo, pdfText } from '../../../test/support/documents.js';

const clusters = ['Belmont', 'Carrick', 'Corsebank', 'Girvan', 'Kilmarnock', 'Marr', 'Prestwick', 'Queen Margaret'];
const headings = ['School cluster', 'Children referred', 'Became looked after', 'Child protection registrations', 'External placements', 'Secure placements'];

let sample: PrintableDocument;

beforeAll(async () => {
  const chart = await chartPng({ kind: 'line', title: 'Children looked after', axisTitle: 'Census year', valueTitle: 'Children', points: [{ label: '2020', series: 'All', value: 230 }, { label: '2021', series: 'All', value: 233 }] });
  sample = {
    title: 'Report to the Integration Joint Board',
    author: 'Head of Children’s Services',
    subject: 'A test of the documents kit',
    runningHead: 'Glenmuir Health and Social Care Partnership · 12 October 2022',
    blocks: [
      { kind: 'heading', level: 1, text: '1. Purpose' },
      { kind: 'paragraph', text: 'Cost avoided is Σ over external placements of the weekly cost – £2,500,000 in all – and it’s worked out on 1 July 2021.' },
      { kind: 'list', items: ['Family First in Corsebank', 'Signs of Safety'] },
      { kind: 'heading', level: 2, text: '1.1 Clusters compared' },
      { kind: 'table', table: { caption: 'Table 1: outcomes by cluster', headings, numeric: [false, true, true, true, true, true], rows: clusters.map((c, i) => [c, String(100 + i), String(i), String(2 * i), String(i), '0']) } },
      { kind: 'picture', ...chart, alt: 'A line chart of children looked after, rising from 230 in 2020 to 233 in 2021.', caption: 'Chart 1: children looked after' },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 3, text: 'Background papers' },
      { kind: 'paragraph', text: 'None.', style: 'quiet' },
    ],
  };
});

describe('a printed PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await printPdf(sample);
  });

  it('is tagged, titled and in the document language, with every font embedded', () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(sample.title);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded && font.name.includes('NotoSans'))).toBe(true);
  });

  it('prints Σ, £, – and ’ as themselves', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Σ over external placements');
    expect(text).toContain('£2,500,000');
    expect(text).toContain('– £2,500,000 in all –');
    expect(text).toContain('it’s worked out');
  });

  it('never breaks a word inside a table cell, and puts the title and page numbers in every footer', () => {
    const text = pdfText(pdf, 'raw');
    for (const word of [...headings.join(' ').split(' '), 'Kilmarnock', 'Queen', 'Margaret']) expect(text.split(/\s+/), word).toContain(word);
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text.match(/Report to the Integration Joint Board Page \d of 2/g)).toHaveLength(2);
    expect(text).toContain('Glenmuir Health and Social Care Partnership · 12 October 2022');
  });
});

describe('a printed Word document', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await printDocx(sample);
  });

  it('uses Word’s heading styles, real tables with a repeating header row, and alternative text on pictures', () => {
    const xml = docxPart(docx, 'word/document.xml');
    for (const style of ['Heading1', 'Heading2', 'Heading3']) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('descr="A line chart of children looked after');
    expect(docxPart(docx, 'word/styles.xml')).toContain('w:val="en-GB"');
  });

  it('opens in LibreOffice with every section and figure', () => {
    const text = docxText(docx);
    for (const line of ['1. Purpose', '1.1 Clusters compared', 'Table 1: outcomes by cluster', 'Child protection registrations', 'Queen Margaret', 'Background papers', 'Σ over external placements']) expect(text).toContain(line);
  });
});

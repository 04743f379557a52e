/** @module The documents kit read back by real readers: a tagged PDF with its fonts embedded and words kept whole, and a Word file with real headings and tables. */
import { beforeAll, describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { columnWidths, printPdf } from './pdf.js';
import { fontFiles } from './fonts.js';
import { printDocx } from './docx.js';
import { chartPng } from './charts.js';
import type { PrintableDocument } from './printable.js';
import { docxPart, docxText, pdfFonts, pdfInfo, pdfText } from '../../../test/support/documents.js';

const clusters = ['Belmont', 'Carrick', 'Corsebank', 'Girvan', 'Kilmarnock', 'Marr', 'Prestwick', 'Queen Margaret'];
const headings = ['School cluster', 'Children referred', 'Became looked after', 'Child protection registrations', 'External placements', 'Secure placements'];
// The board paper's widest table: eight columns, where PDFKit once broke "placements" ("Secure plac ements").
const wideHeadings = ['School cluster', 'Children referred: family first', 'Children referred: no further action', 'Children referred: signposted', 'Children referred: social work assessment', 'Child protection registrations', 'External placements started', 'Secure placements started'];

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
      { kind: 'table', table: { caption: 'Table 2: school clusters compared', headings: wideHeadings, numeric: wideHeadings.map((_, i) => i > 0), rows: [['Ardmorran', '0', '91', '118', '149', '6', '0', '0'], ['Corsebank', '46', '111', '127', '164', '0', '*', '0'], ['Drumlaggan', '0', '98', '107', '160', '13', '*', '0'], ['Inverbrae', '0', '78', '83', '105', '10', '*', '0'], ['Strathmuir', '0', '55', '55', '93', '6', '*', '0']] } },
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
    for (const word of [...headings.join(' ').split(' '), ...wideHeadings.join(' ').split(' '), 'Kilmarnock', 'Queen', 'Margaret']) expect(text.split(/\s+/), word).toContain(word);
    const pages = Number(pdfInfo(pdf).Pages);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text.match(new RegExp(`Report to the Integration Joint Board Page \\d of ${pages}`, 'g'))).toHaveLength(pages);
    expect(text).toContain('Glenmuir Health and Social Care Partnership · 12 October 2022');
  });
});

describe('table columns in a PDF', () => {
  it('are wide enough for each word with the space PDFKit measures after it, even when the table is squeezed', () => {
    const pdf = new PDFDocument({ autoFirstPage: true });
    pdf.registerFont('Body', fontFiles.regular);
    pdf.registerFont('Bold', fontFiles.bold);
    // Single-word headings get no share of the spare width when long headings squeeze the table to its least widths.
    const squeezed = ['Cluster', 'Registrations', 'Placements', 'Children referred to the Family First team in the period', 'Children who became looked after in the period by first placement', 'Secure placements started'];
    for (const size of [9, 8, 7]) {
      const widths = columnWidths(pdf, { caption: 'Squeezed', headings: squeezed, numeric: squeezed.map(() => false), rows: [] }, size);
      expect(widths, `size ${size}`).toBeDefined();
      pdf.font('Bold').fontSize(size);
      squeezed.forEach((heading, column) => {
        for (const word of heading.split(' ')) expect(widths![column]! - 2 * 4, `"${word}" at ${size} pt`).toBeGreaterThanOrEqual(pdf.widthOfString(`${word} `));
      });
    }
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

/**
 * @module Prints a document as Word (DOCX): Word's own Title and Heading 1–3 styles (so the navigation pane and a screen
 * reader see the outline), real tables with a header row that repeats on each page, pictures with alternative text,
 * bulleted lists, the language set to en-GB, and the title and page numbers in the footer.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { fontFamily } from './fonts.js';
import type { PrintableBlock, PrintableDocument, PrintableTable } from './printable.js';

const border = { style: BorderStyle.SINGLE, size: 4, color: '505A5F' };
const borders = { top: border, bottom: border, left: border, right: border };
const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** One bordered cell; a line break in the text starts a new paragraph in the cell. */
function cell(text: string, options: { bold?: boolean; right?: boolean; shaded?: boolean } = {}): TableCell {
  return new TableCell({
    borders,
    shading: options.shaded ? { fill: 'F3F2F1' } : undefined,
    children: text.split('\n').map((line) => new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: options.bold })] })),
  });
}

/**
 * A table with its caption kept with it and a header row that repeats on each page.
 * @example body.push(...wordTable({ caption: 'Table 1', headings: ['Year', 'Children'], numeric: [false, true], rows: [['2021', '12']] }))
 */
export function wordTable(table: PrintableTable): (Paragraph | Table)[] {
  const rowHeadings = table.rowHeadings ?? true;
  return [
    new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: table.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        ...(table.headings.length ? [new TableRow({ tableHeader: true, cantSplit: true, children: table.headings.map((heading, index) => cell(heading, { bold: true, right: table.numeric[index], shaded: true })) })] : []),
        ...table.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, { bold: rowHeadings && index === 0, right: table.numeric[index] })) })),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

function blockContent(block: PrintableBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], keepNext: true, text: block.text })];
    case 'paragraph':
      return [new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: block.text, italics: block.style === 'quote', size: block.style === 'lead' ? 26 : block.style === 'quiet' ? 18 : undefined, color: block.style === 'quiet' ? '505A5F' : undefined })],
        indent: block.style === 'quote' ? { left: 360 } : undefined,
      })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    case 'table':
      return wordTable(block.table);
    case 'picture': {
      const scale = Math.min(1, 600 / block.width);
      return [
        new Paragraph({
          keepNext: !!block.caption,
          children: [new ImageRun({ type: 'png', data: block.png, transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) }, altText: { name: block.alt.slice(0, 60), title: block.alt.slice(0, 60), description: block.alt } })],
        }),
        ...(block.caption ? [new Paragraph({ children: [new TextRun({ text: block.caption, italics: true, color: '505A5F' })] })] : []),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

/**
 * The document as DOCX bytes.
 * @example await writeFile('report.docx', await printDocx({ title: 'Quality report', author: 'Cairn', subject: '…', blocks }))
 */
export function printDocx(document: PrintableDocument): Promise<Buffer> {
  const small = (text: string) => new TextRun({ text, size: 16, color: '505A5F' });
  const word = new Document({
    title: document.title,
    creator: document.author,
    description: document.subject,
    styles: { default: { document: { run: { font: fontFamily, size: 21, language: { value: 'en-GB' } } } } },
    sections: [{
      headers: document.runningHead ? { default: new Header({ children: [new Paragraph({ children: [small(document.runningHead)] })] }) } : undefined,
      footers: {
        default: new Footer({
          children: [new Paragraph({ children: [small(`${document.title} · Page `), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '505A5F' }), small(' of '), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '505A5F' })] })],
        }),
      },
      children: document.blocks.flatMap(blockContent),
    }],
  });
  return Packer.toBuffer(word) as Promise<Buffer>;
}

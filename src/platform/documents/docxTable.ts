/** @module A table of figures in a Word document: caption kept with its table, a repeating header row, figures right-aligned. */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** What any report's table gives the printer: the board report's `WrittenTable` and the quality report's tables alike. */
export interface PrintableTable {
  caption: string;
  headings: string[];
  /** Which columns hold figures (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '505A5F' };
export const borders = { top: border, bottom: border, left: border, right: border };

/** One bordered cell of text. */
export function cell(text: string, options: { bold?: boolean; right?: boolean } = {}): TableCell {
  return new TableCell({
    borders,
    children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: options.bold })] })],
  });
}

/** @example body.push(...docxTable({ caption: 'Table 1', headings: ['Year', 'Children'], numeric: [false, true], rows: [['2021', '12']] })) */
export function docxTable(table: PrintableTable): (Paragraph | Table)[] {
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: table.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: table.headings.map((heading, index) => cell(heading, { bold: true, right: table.numeric[index] })) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, { bold: index === 0, right: table.numeric[index] })) })),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

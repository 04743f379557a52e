/**
 * @module A document to print, as plain data: headings, paragraphs, lists, tables and pictures in reading order. The PDF
 * and Word printers (pdf.ts, docx.ts) both print it, so every report Cairn writes is tagged, readable and alike.
 */

/** A table: its caption, header row (none when empty), which columns hold figures, and whether the first column heads each row. */
export interface PrintableTable {
  caption: string;
  headings: string[];
  /** Which columns hold figures (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** The first cell of each row names the row (a TH in PDF, bold in Word). Default true. */
  rowHeadings?: boolean;
}

export type PrintableBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'lead' | 'quiet' | 'quote' }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: PrintableTable }
  /** A picture (a chart), always with words for those who cannot see it. */
  | { kind: 'picture'; png: Buffer; width: number; height: number; alt: string; caption?: string }
  | { kind: 'pageBreak' };

export interface PrintableDocument {
  title: string;
  /** Who wrote it (document properties). */
  author: string;
  /** What it is, in a line (document properties). */
  subject: string;
  /** Printed small at the top of every page after the first (e.g. the authority and date). */
  runningHead?: string;
  blocks: PrintableBlock[];
}

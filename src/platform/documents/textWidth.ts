/**
 * @module How wide a chart's words really are, in the documents' own typeface. Vega lays out axes and legends and cuts
 * labels short by the width of their text; on a server, with no canvas, it guesses 0.8 × the type size per character,
 * which cut "With foster carers provided by the council" short and left a blank margin beside it. PDFKit (already here
 * to print documents) measures Noto Sans exactly.
 */
import PDFDocument from 'pdfkit';
import { fontFiles } from './fonts.js';

let measurer: InstanceType<typeof PDFDocument> | undefined;

/**
 * The width in pixels (or points) of `text` set at `size` in Noto Sans.
 * @example textWidth('At home with parents', 12, false) // about 118
 */
export function textWidth(text: string, size: number, bold: boolean): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    measurer.registerFont('Body', fontFiles.regular);
    measurer.registerFont('Bold', fontFiles.bold);
  }
  return measurer.font(bold ? 'Bold' : 'Body').fontSize(size).widthOfString(text);
}

/** What Vega hands its text measure: a text mark's item. */
interface TextItem {
  text?: unknown;
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** Vega's text measure, which it lets a program replace (vega-scenegraph `textMetrics`; untyped in vega's typings). */
interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}

/**
 * Make Vega measure text with Noto Sans instead of guessing.
 * @example measureChartTextExactly(vega)
 */
export function measureChartTextExactly(vegaModule: object): void {
  const metrics = (vegaModule as { textMetrics?: TextMetrics }).textMetrics;
  if (!metrics) return;
  metrics.width = (item, text) => {
    const value = text ?? item.text;
    const words = Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? '' : String(value);
    const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return size <= 0 || words === '' ? 0 : textWidth(words, size, bold);
  };
}

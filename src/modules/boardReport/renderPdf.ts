/** @module Prints a board report as PDF with pdfkit: cover sheet, numbered sections, ruled tables, charts as pictures, method annex. */
import PDFDocument from 'pdfkit';
import { longDateOf } from '../../platform/dates/formats.js';
import type { BoardReport } from './boardReport.js';
import { chartPng } from '../../platform/documents/charts.js';
import type { WrittenTable } from '../reporting/publishTable.js';

type Pdf = InstanceType<typeof PDFDocument>;

const margin = 56;
const pageWidth = 595.28; // A4
const usable = pageWidth - 2 * margin;

/** pdfkit's standard fonts speak WinAnsi only: write the few other characters the report uses plainly. */
function plain(text: string): string {
  return text.replace(/−/g, '-').replace(/☒/g, '[X]').replace(/☐/g, '[ ]').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - margin) pdf.addPage();
}

function drawTable(pdf: Pdf, table: WrittenTable): void {
  pdf.font('Helvetica-Bold').fontSize(10);
  ensureRoom(pdf, 60);
  pdf.text(plain(table.caption), margin, pdf.y, { width: usable });
  pdf.moveDown(0.3);
  const columns = table.headings.length;
  const firstWidth = columns > 2 ? usable * 0.3 : usable * 0.6;
  const otherWidth = (usable - firstWidth) / Math.max(1, columns - 1);
  const widthOf = (index: number) => (index === 0 ? firstWidth : otherWidth);
  const drawRow = (cells: string[], bold: boolean) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const heights = cells.map((text, index) => pdf.heightOfString(plain(text), { width: widthOf(index) - 8 }));
    const height = Math.max(...heights) + 8;
    ensureRoom(pdf, height);
    const top = pdf.y;
    let x = margin;
    cells.forEach((text, index) => {
      pdf.rect(x, top, widthOf(index), height).strokeColor('#505a5f').lineWidth(0.5).stroke();
      pdf.fillColor('#0b0c0c').text(plain(text), x + 4, top + 4, { width: widthOf(index) - 8, align: table.numeric[index] ? 'right' : 'left' });
      x += widthOf(index);
    });
    pdf.x = margin;
    pdf.y = top + height;
  };
  if (table.headings.some(Boolean)) drawRow(table.headings, true);
  for (const row of table.rows) drawRow(row, false);
  pdf.moveDown(0.8);
}

function paragraph(pdf: Pdf, text: string, font = 'Helvetica', size = 10): void {
  pdf.font(font).fontSize(size);
  ensureRoom(pdf, pdf.heightOfString(plain(text), { width: usable }));
  pdf.text(plain(text), margin, pdf.y, { width: usable });
  pdf.moveDown(0.5);
}

/**
 * The report as PDF bytes.
 * @example await writeFile('board.pdf', await renderPdf(report))
 */
export async function renderPdf(report: BoardReport): Promise<Buffer> {
  const charts = new Map(
    await Promise.all(
      report.sections.flatMap((section) => section.blocks).flatMap((block) => (block.kind === 'chart' ? [block.chart] : [])).map(async (chart) => [chart, await chartPng(chart)] as const),
    ),
  );
  const pdf = new PDFDocument({ size: 'A4', margin, info: { Title: report.cover.title, Author: report.cover.author, Subject: `Board report for ${report.authority}` }, lang: 'en-GB', tagged: false });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const { cover } = report;
  drawTable(pdf, {
    id: 'cover',
    caption: `Meeting of ${cover.meeting}`,
    headings: ['', ''],
    numeric: [false, false],
    rows: [
      ['Held on', longDateOf(cover.heldOn)],
      ['Agenda item', cover.agendaItem],
      ['Title', cover.title],
      ['Summary', cover.summary],
      ['Author', cover.author],
      ['Recommendations', cover.recommendations],
      ['Directions', report.directions.map((direction, index) => `${index + 1}. ${direction.label} ${direction.ticked ? '[X]' : '[ ]'}`).join('\n')],
      ['Implications', report.implications.map((implication) => `${implication.label} ${implication.ticked ? '[X]' : '[ ]'}`).join('\n')],
    ],
  });

  pdf.addPage();
  paragraph(pdf, cover.title.toUpperCase(), 'Helvetica-Bold', 14);
  for (const section of report.sections) {
    const topLevel = !section.number.includes('.');
    pdf.moveDown(0.3);
    paragraph(pdf, topLevel ? `${section.number}. ${section.heading.toUpperCase()}` : `${section.number} ${section.heading}`, 'Helvetica-Bold', topLevel ? 12 : 11);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') paragraph(pdf, block.text);
      else if (block.kind === 'table') drawTable(pdf, block.table);
      else {
        const picture = charts.get(block.chart)!;
        const width = Math.min(usable, picture.width);
        const height = (picture.height * width) / picture.width;
        ensureRoom(pdf, height + 20);
        pdf.image(picture.png, margin, pdf.y, { width, height });
        pdf.y += height + 4;
        paragraph(pdf, `Chart: ${block.chart.title}`, 'Helvetica-Oblique', 9);
      }
    }
  }
  pdf.moveDown(0.5);
  paragraph(pdf, 'METHOD ANNEX: HOW EACH FIGURE IS DEFINED', 'Helvetica-Bold', 12);
  paragraph(pdf, 'Counts of 1 to 4 are shown as *; further figures are hidden where a total would reveal them, and a rate or percentage is hidden with the count it comes from.');
  for (const indicator of report.annex) paragraph(pdf, `${indicator.id}: ${indicator.definition} (rounded to ${indicator.places} decimal places)`);
  pdf.end();
  return finished;
}

/**
 * @module The quality report as a tagged PDF (pdfkit): title shown, language en-GB, headings, paragraphs and
 * tables (Table, TR, TH, TD) in the structure tree, so a screen reader can move by heading and read tables.
 */
import PDFDocument from 'pdfkit';
import { longDateOf } from '../../platform/dates/formats.js';
import type { QualityReport, QualityTable } from './qualityReport.js';

type Pdf = InstanceType<typeof PDFDocument>;
type Structure = ReturnType<Pdf['struct']>;

const margin = 56;
const usable = 595.28 - 2 * margin; // A4

/** pdfkit's standard fonts speak WinAnsi only: write the few other characters the report uses plainly. */
const plain = (text: string) => text.replace(/−/g, '-').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - margin) pdf.addPage();
}

function addText(pdf: Pdf, parent: Structure, role: 'H1' | 'H2' | 'H3' | 'P', text: string, font: string, size: number, after: number): void {
  pdf.font(font).fontSize(size);
  ensureRoom(pdf, pdf.heightOfString(plain(text), { width: usable }) + 4);
  parent.add(pdf.struct(role, {}, () => { pdf.text(plain(text), margin, pdf.y, { width: usable }); }));
  pdf.moveDown(after);
}

function addTable(pdf: Pdf, parent: Structure, table: QualityTable): void {
  ensureRoom(pdf, 70); // the caption stays with the table's first rows
  addText(pdf, parent, 'P', table.caption, 'Helvetica-Bold', 10, 0.3);
  const columns = table.headings.length;
  const firstWidth = usable * (columns > 3 ? 0.4 : 0.5);
  const otherWidth = (usable - firstWidth) / Math.max(1, columns - 1);
  const widthOf = (index: number) => (index === 0 ? firstWidth : otherWidth);
  const structure = pdf.struct('Table');
  parent.add(structure);
  const drawRow = (cells: string[], header: boolean) => {
    const fontOf = (index: number) => (header || index === 0 ? 'Helvetica-Bold' : 'Helvetica');
    const height = Math.max(...cells.map((text, index) => pdf.font(fontOf(index)).fontSize(9).heightOfString(plain(text), { width: widthOf(index) - 8 }))) + 8;
    ensureRoom(pdf, height);
    const top = pdf.y;
    const row = pdf.struct('TR');
    structure.add(row);
    let x = margin;
    cells.forEach((text, index) => {
      const left = x;
      row.add(pdf.struct(header || index === 0 ? 'TH' : 'TD', {}, () => {
        pdf.font(fontOf(index)).fontSize(9).fillColor('#0b0c0c')
          .text(plain(text), left + 4, top + 4, { width: widthOf(index) - 8, align: table.numeric[index] ? 'right' : 'left' });
      }));
      x += widthOf(index);
    });
    row.end();
    // The rules between cells are decoration, not content.
    pdf.markContent('Artifact', { type: 'Layout' });
    x = margin;
    for (let index = 0; index < cells.length; index += 1) {
      pdf.rect(x, top, widthOf(index), height).strokeColor('#505a5f').lineWidth(0.5).stroke();
      x += widthOf(index);
    }
    pdf.endMarkedContent();
    pdf.x = margin;
    pdf.y = top + height;
  };
  drawRow(table.headings, true);
  for (const row of table.rows) drawRow(row, false);
  structure.end();
  pdf.moveDown(0.8);
}

/**
 * @example await writeFile('quality.pdf', await qualityPdf(report))
 */
export function qualityPdf(report: QualityReport): Promise<Buffer> {
  const pdf = new PDFDocument({
    tagged: true, lang: 'en-GB', displayTitle: true, pdfVersion: '1.7', size: 'A4', margin,
    info: { Title: report.title, Author: 'Cairn', Subject: `Quality report for ${report.authority}` },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  addText(pdf, root, 'H1', report.title, 'Helvetica-Bold', 20, 0.3);
  addText(pdf, root, 'P', `${report.authority}, ${longDateOf(report.builtOn)}`, 'Helvetica', 11, 0.8);
  for (const section of report.sections) {
    addText(pdf, root, section.level === 2 ? 'H2' : 'H3', section.heading, 'Helvetica-Bold', section.level === 2 ? 15 : 12, 0.3);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') addText(pdf, root, 'P', block.text, 'Helvetica', 10, 0.5);
      else addTable(pdf, root, block.table);
    }
  }
  root.end();
  pdf.end();
  return finished;
}

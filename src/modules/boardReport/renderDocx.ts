/** @module Prints a board report as a Word document (DOCX): cover sheet table, numbered sections, tables, charts as pictures, method annex. */
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { longDateOf } from '../../platform/dates/formats.js';
import type { BoardReport, ReportBlock } from './boardReport.js';
import { chartPng } from '../../platform/documents/charts.js';
import { borders, cell, docxTable } from '../../platform/documents/docxTable.js';

async function blockContent(block: ReportBlock): Promise<(Paragraph | Table)[]> {
  if (block.kind === 'paragraph') return [new Paragraph({ text: block.text })];
  if (block.kind === 'table') return docxTable(block.table);
  const { png, width, height } = await chartPng(block.chart);
  const scale = Math.min(1, 600 / width);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
          altText: { name: block.chart.title, title: block.chart.title, description: `Chart: ${block.chart.title}. The figures are in the table above.` },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: `Chart: ${block.chart.title}`, italics: true })] }),
  ];
}

const tick = (ticked: boolean) => (ticked ? '☒' : '☐');

/**
 * The report as DOCX bytes.
 * @example await writeFile('board.docx', await renderDocx(report))
 */
export async function renderDocx(report: BoardReport): Promise<Buffer> {
  const { cover } = report;
  const coverRows: [string, string][] = [
    ['Meeting of', cover.meeting],
    ['Held on', longDateOf(cover.heldOn)],
    ['Agenda item', cover.agendaItem],
    ['Title', cover.title],
    ['Summary', cover.summary],
    ['Author', cover.author],
    ['Recommendations', cover.recommendations],
    ['Directions', report.directions.map((direction, index) => `${index + 1}. ${direction.label} ${tick(direction.ticked)}`).join('\n')],
    ['Implications', report.implications.map((implication) => `${implication.label} ${tick(implication.ticked)}`).join('\n')],
  ];
  const coverTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: coverRows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            cell(label, { bold: true }),
            new TableCell({ borders, children: value.split('\n').map((line) => new Paragraph({ text: line })) }),
          ],
        }),
    ),
  });

  const body: (Paragraph | Table)[] = [coverTable, new Paragraph({ text: '' }), new Paragraph({ heading: HeadingLevel.TITLE, text: cover.title.toUpperCase() })];
  for (const section of report.sections) {
    const topLevel = !section.number.includes('.');
    body.push(
      new Paragraph({
        heading: topLevel ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        text: topLevel ? `${section.number}. ${section.heading.toUpperCase()}` : `${section.number} ${section.heading}`,
      }),
    );
    for (const block of section.blocks) body.push(...(await blockContent(block)));
  }
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'METHOD ANNEX: HOW EACH FIGURE IS DEFINED' }));
  body.push(new Paragraph({ text: 'Counts of 1 to 4 are shown as *; further figures are hidden where a total would reveal them, and a rate or percentage is hidden with the count it comes from.' }));
  for (const indicator of report.annex) {
    body.push(new Paragraph({ children: [new TextRun({ text: `${indicator.id}: `, bold: true }), new TextRun({ text: `${indicator.definition} (rounded to ${indicator.places} decimal places)` })] }));
  }

  const document = new Document({
    creator: cover.author,
    title: cover.title,
    description: `Board report for ${report.authority}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}

/** @module The quality report as a Word document: real headings (Title, Heading 1 and 2), tables with header rows, language en-GB. */
import { Document, HeadingLevel, Packer, Paragraph, type Table } from 'docx';
import { longDateOf } from '../../platform/dates/formats.js';
import type { QualityReport } from './qualityReport.js';
import { docxTable } from '../../platform/documents/docxTable.js';

/**
 * @example await writeFile('quality.docx', await qualityDocx(report))
 */
export function qualityDocx(report: QualityReport): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, text: report.title })];
  body.push(new Paragraph({ text: `${report.authority}, ${longDateOf(report.builtOn)}` }));
  for (const section of report.sections) {
    body.push(new Paragraph({ heading: section.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, text: section.heading }));
    for (const block of section.blocks) body.push(...(block.kind === 'paragraph' ? [new Paragraph({ text: block.text })] : docxTable(block.table)));
  }
  const document = new Document({
    title: report.title,
    creator: 'Cairn',
    description: `Quality report for ${report.authority}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document) as Promise<Buffer>;
}

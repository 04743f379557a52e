/** @module The quality report as a printable document (headings, paragraphs, tables), printed as tagged PDF and Word by the documents kit. */
import { longDateOf } from '../../platform/dates/formats.js';
import type { PrintableBlock, PrintableDocument } from '../../platform/documents/printable.js';
import type { QualityReport } from './qualityReport.js';

/**
 * @example await printPdf(qualityDocument(report))
 */
export function qualityDocument(report: QualityReport): PrintableDocument {
  const blocks: PrintableBlock[] = [
    { kind: 'heading', level: 1, text: report.title },
    { kind: 'paragraph', text: `${report.authority}, ${longDateOf(report.builtOn)}`, style: 'lead' },
  ];
  for (const section of report.sections) {
    blocks.push({ kind: 'heading', level: section.level, text: section.heading });
    for (const block of section.blocks) blocks.push(block.kind === 'paragraph' ? { kind: 'paragraph', text: block.text } : { kind: 'table', table: block.table });
  }
  return { title: report.title, author: 'Cairn', subject: `Quality report for ${report.authority}`, runningHead: `${report.authority} · ${longDateOf(report.builtOn)}`, blocks };
}

/**
 * @module The board report as a printable document for the documents kit: the cover sheet as a table, the title, the
 * numbered sections with their tables and charts (pictures with words for those who cannot see them), and the method annex.
 */
import { longDateOf } from '../../platform/dates/formats.js';
import { chartPng } from '../../platform/documents/charts.js';
import type { PrintableBlock, PrintableDocument } from '../../platform/documents/printable.js';
import type { BoardReport, ReportBlock } from './boardReport.js';

const yesNo = (ticked: boolean) => (ticked ? 'Yes' : 'No');

async function sectionBlock(block: ReportBlock): Promise<PrintableBlock[]> {
  if (block.kind === 'paragraph') return [{ kind: 'paragraph', text: block.text, ...(block.style ? { style: block.style } : {}) }];
  if (block.kind === 'table') return [{ kind: 'table', table: block.table }];
  const picture = await chartPng(block.chart);
  return [{ kind: 'picture', ...picture, alt: `Chart: ${block.chart.title}. The figures are in the table above.`, caption: `Chart: ${block.chart.title}` }];
}

/**
 * The cover sheet, the title and the numbered sections, for every document laid out as a board report.
 * @example const blocks = await reportBlocks(report)
 */
export async function reportBlocks(report: BoardReport): Promise<PrintableBlock[]> {
  const { cover } = report;
  const blocks: PrintableBlock[] = [
    {
      kind: 'table',
      table: {
        caption: `Meeting of ${cover.meeting}`,
        headings: [],
        numeric: [false, false],
        rows: [
          ['Held on', longDateOf(cover.heldOn)],
          ['Agenda item', cover.agendaItem],
          ['Title', cover.title],
          ['Summary', cover.summary],
          ['Author', cover.author],
          ['Recommendations', cover.recommendations],
          ['Directions', report.directions.map((direction, index) => `${index + 1}. ${direction.label}: ${yesNo(direction.ticked)}`).join('\n')],
          ['Implications', report.implications.map((implication) => `${implication.label}: ${yesNo(implication.ticked)}`).join('\n')],
        ],
      },
    },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: cover.title.toUpperCase() },
  ];
  for (const section of report.sections) {
    const topLevel = !section.number.includes('.');
    // End matter (background papers, the person to contact) has no number.
    const numbered = section.number ? `${section.number}. ${section.heading.toUpperCase()}` : section.heading.toUpperCase();
    blocks.push({ kind: 'heading', level: topLevel ? 1 : 2, text: topLevel ? numbered : `${section.number} ${section.heading}` });
    for (const block of section.blocks) blocks.push(...(await sectionBlock(block)));
  }
  return blocks;
}

/**
 * @example await printPdf(await boardDocument(report))
 */
export async function boardDocument(report: BoardReport): Promise<PrintableDocument> {
  const { cover } = report;
  const blocks = await reportBlocks(report);
  blocks.push({ kind: 'heading', level: 1, text: 'METHOD ANNEX: HOW EACH FIGURE IS DEFINED' });
  blocks.push({ kind: 'paragraph', text: 'Counts of 1 to 4 are shown as *; further figures are hidden where a total would reveal them, and a rate or percentage is hidden with the count it comes from.' });
  for (const indicator of report.annex) blocks.push({ kind: 'paragraph', text: `${indicator.id}: ${indicator.definition} (rounded to ${indicator.places} decimal places)` });
  return {
    title: cover.title,
    author: cover.author,
    subject: `Board report for ${report.authority}`,
    runningHead: `${cover.meeting} · ${longDateOf(cover.heldOn)} · agenda item ${cover.agendaItem}`,
    blocks,
  };
}

/**
 * @module A board paper edition as a printable document: the cover sheet and sections as the board report lays them
 * out, then the method annex in plain words, with indicator ids only in its small definitions table.
 */
import { longDateOf } from '../../platform/dates/formats.js';
import type { PrintableBlock, PrintableDocument } from '../../platform/documents/printable.js';
import { reportBlocks } from '../boardReport/boardDocument.js';
import { roundingInWords, type PaperContent } from './boardPaper.js';

/** The annex's words on how small numbers are protected. */
export const disclosureNote = 'Counts of 1 to 4 children are shown as *. Other figures are also hidden where they would let a hidden count be worked out from a total, and a rate or percentage is hidden with the count it comes from.';

/**
 * The method annex: what each table shows and how it is worked out, then the definitions.
 * @example annexBlocks(content)[0] // { kind: 'heading', level: 1, text: 'METHOD ANNEX: HOW THE FIGURES ARE WORKED OUT' }
 */
export function annexBlocks(content: PaperContent): PrintableBlock[] {
  const blocks: PrintableBlock[] = [
    { kind: 'heading', level: 1, text: 'METHOD ANNEX: HOW THE FIGURES ARE WORKED OUT' },
    { kind: 'paragraph', text: `Every figure in this paper is worked out from ${content.report.authority}’s case records in Cairn, in one way only, for the period the paper covers.` },
    { kind: 'paragraph', text: disclosureNote },
  ];
  for (const figure of content.figuresExplained) {
    blocks.push({ kind: 'heading', level: 3, text: figure.caption });
    blocks.push({ kind: 'paragraph', text: figure.lead });
    if (figure.method) blocks.push({ kind: 'paragraph', text: `How it is worked out: ${figure.method}` });
  }
  if (content.definitions.length) {
    blocks.push({
      kind: 'table',
      table: {
        caption: 'Definitions, by indicator',
        headings: ['Indicator', 'Definition', 'Rounded to'],
        numeric: [false, false, false],
        rowHeadings: false,
        rows: content.definitions.map((definition) => [definition.id, definition.definition, roundingInWords(definition.places)]),
      },
    });
  }
  return blocks;
}

/**
 * @example await printPdf(await paperDocument(content))
 */
export async function paperDocument(content: PaperContent): Promise<PrintableDocument> {
  const { cover } = content.report;
  return {
    title: cover.title,
    author: cover.author,
    subject: `Board paper for ${content.report.authority}, edition ${content.edition}`,
    runningHead: `${cover.meeting} · ${longDateOf(cover.heldOn)} · agenda item ${cover.agendaItem}`,
    blocks: [...(await reportBlocks(content.report)), ...annexBlocks(content)],
  };
}

/**
 * @module A board paper edition as plain data, and the paper it makes: the cover sheet and every section of the seed
 * paper with its text, the tables and charts placed in it (published: disclosure control applied) and the families'
 * own words quoted with their consent, laid out as a board report so the documents kit prints it.
 */
import { monthOf } from '../../platform/dates/formats.js';
import type { StatsOptions, StatsRow } from '../reporting/statsTypes.js';
import type { FigureTable } from '../reporting/figureTable.js';
import { indicatorById } from '../reporting/indicators/index.js';
import { directionChoices, figureSections, implicationChoices, paragraphs, tableBlocks, type BoardReport, type CoverSheet, type ReportBlock } from '../boardReport/boardReport.js';
import { paperSections } from './paperSections.js';
import type { PlaceableTable } from './placeableTables.js';

/** An edition is a draft until it is published, and published for ever after (the CHECK of migration 0040). */
export const editionStatuses = ['draft', 'published'] as const;
export type EditionStatus = (typeof editionStatuses)[number];

/** One section as the author wrote it: its text and the named blocks placed after it. */
export interface EditionSection {
  key: string;
  body: string;
  blocks: string[];
}

/** An edition as kept: its number, figures' period, cover sheet, sections and who did what when. */
export interface Edition {
  editionId: string;
  number: number;
  startedFrom: number | null;
  options: StatsOptions;
  cover: CoverSheet;
  status: EditionStatus;
  startedBy: string;
  startedAt: Date;
  changedBy: string;
  changedAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
  contentSha256: string | null;
  sections: EditionSection[];
}

/** A family's own words, given with consent to quote. */
export interface Quote {
  feedbackId: string;
  words: string;
  givenDate: string;
}

/** One row of the method annex's definitions table. */
export interface Definition {
  id: string;
  definition: string;
  places: number;
}

/** Everything a paper is printed from, frozen whole when the edition is published. */
export interface PaperContent {
  edition: number;
  report: BoardReport;
  /** The tables placed in the paper, in plain words, for the method annex: caption, what it shows, how it is worked out. */
  figuresExplained: { caption: string; lead: string; method?: string }[];
  definitions: Definition[];
  /** The `cairn stats` rows the figures come from, for this edition's period. */
  figures: StatsRow[];
}

/** A block an author can place in a section: a table (with its chart) or a quote. */
export interface BlockChoice {
  value: string;
  label: string;
  /** False where the period has no such table. */
  available: boolean;
}

const quotePrefix = 'quote:';

/**
 * The block id of a quote.
 * @example quoteBlock('FB-7K3M9QXA') // 'quote:FB-7K3M9QXA'
 */
export const quoteBlock = (feedbackId: string): string => `${quotePrefix}${feedbackId}`;

/**
 * Every block an author may place: each figure table of the board report, the tables other modules offer (the
 * quality report's evidence, the short-break flat), then each quote the family agreed to.
 * @example blockChoices('Glenmuir', tables, quotes)[0] // { value: 'balance-of-care', label: 'Change in the balance of care', available: true }
 */
export function blockChoices(authority: string, tables: readonly FigureTable[], quotes: readonly Quote[], placeable: readonly PlaceableTable[] = []): BlockChoice[] {
  const ids = new Set(tables.map((table) => table.id));
  return [
    ...figureSections(authority, tables).map((figure) => ({ value: figure.id, label: figure.heading, available: ids.has(figure.id) })),
    ...placeable.map((offered) => ({ value: offered.id, label: offered.heading, available: true })),
    ...quotes.map((quote) => ({ value: quoteBlock(quote.feedbackId), label: `A family’s words, ${monthOf(quote.givenDate)}: “${quote.words}”`, available: true })),
  ];
}

/** How the method annex says a figure is rounded. */
export const roundingInWords = (places: number): string => (places === 0 ? 'whole number' : places === 1 ? '1 decimal place' : `${places} decimal places`);

/** An indicator's definition without its code marks, for print. */
const plainDefinition = (definition: string): string => definition.replace(/`/g, '');

/**
 * The paper for an edition, with the figures of its period and the quotes available.
 * @example const content = paperContent(edition, { authority: 'Glenmuir', tables, rows }, quotes)
 */
export function paperContent(edition: Edition, figures: { authority: string; tables: readonly FigureTable[]; rows: readonly StatsRow[] }, quotes: readonly Quote[], placeable: readonly PlaceableTable[] = []): PaperContent {
  const { authority, tables } = figures;
  const placeableById = new Map(placeable.map((offered) => [offered.id, offered]));
  const explained: PaperContent['figuresExplained'] = [];
  const figureById = new Map(figureSections(authority, tables).map((figure) => [figure.id, figure]));
  const tableById = new Map(tables.map((table) => [table.id, table]));
  const quoteById = new Map(quotes.map((quote) => [quoteBlock(quote.feedbackId), quote]));
  const used: FigureTable[] = [];
  const sections = paperSections.map((section) => {
    const written = edition.sections.find((candidate) => candidate.key === section.key);
    const blocks: ReportBlock[] = paragraphs(written?.body ?? '');
    for (const id of written?.blocks ?? []) {
      const quote = quoteById.get(id);
      if (quote) {
        blocks.push({ kind: 'paragraph', style: 'quote', text: `“${quote.words}” (a family, ${monthOf(quote.givenDate)})` });
        continue;
      }
      const offered = placeableById.get(id);
      if (offered) {
        explained.push({ caption: offered.table.caption, lead: offered.lead, ...(offered.table.method ? { method: offered.table.method } : {}) });
        blocks.push({ kind: 'paragraph', text: offered.lead }, { kind: 'table', table: offered.table });
        if (offered.table.method) blocks.push({ kind: 'paragraph', text: `Method: ${offered.table.method}` });
        if (offered.chart) blocks.push({ kind: 'chart', chart: offered.chart });
        continue;
      }
      const table = tableById.get(id);
      const figure = figureById.get(id);
      if (!table || !figure) continue;
      used.push(table);
      explained.push({ caption: table.caption, lead: figure.lead, ...(table.method ? { method: table.method } : {}) });
      blocks.push(...(tableBlocks(table, figure.heading, figure.lead)?.blocks ?? []));
    }
    return { number: section.number, heading: section.heading, blocks };
  });
  const indicatorIds = [...new Set(used.flatMap((table) => table.indicators))];
  const definitions = indicatorIds.flatMap((id) => {
    const indicator = indicatorById(id);
    return indicator ? [{ id, definition: plainDefinition(indicator.definition), places: indicator.places }] : [];
  });
  return {
    edition: edition.number,
    report: {
      authority,
      cover: edition.cover,
      directions: directionChoices.map((choice) => ({ label: choice.label, ticked: edition.cover.directions.includes(choice.value) })),
      implications: implicationChoices.map((label) => ({ label, ticked: edition.cover.implications.includes(label) })),
      sections,
      annex: definitions,
    },
    figuresExplained: explained,
    definitions,
    figures: [...figures.rows],
  };
}

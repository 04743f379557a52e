/** @module The board report as a plain model (cover sheet, numbered sections, published tables, charts, method annex) that every renderer prints. */
import { indicatorById } from '../reporting/indicators/index.js';
import type { ChartDescription } from '../../platform/documents/charts.js';
import type { FigureTable } from '../reporting/figureTable.js';
import { writeTable, type WrittenTable } from '../reporting/publishTable.js';

/** The four directions an IJB report may give (one is ticked). */
export const directionChoices = [
  { value: 'none', label: 'No Directions Required' },
  { value: 'nhs', label: 'Directions to NHS Board' },
  { value: 'council', label: 'Directions to the Council' },
  { value: 'both', label: 'Directions to both the Council and NHS' },
] as const;

/** The implications an author ticks on the cover sheet. */
export const implicationChoices = ['Financial', 'HR', 'Legal', 'Equalities', 'Sustainability', 'Policy', 'ICT'] as const;

/** What the author fills in for the cover sheet. */
export interface CoverSheet {
  meeting: string;
  /** The meeting date, `YYYY-MM-DD`. */
  heldOn: string;
  agendaItem: string;
  title: string;
  summary: string;
  author: string;
  recommendations: string;
  directions: readonly string[];
  implications: readonly string[];
}

/** A piece of a section, in reading order. */
export type ReportBlock =
  | { kind: 'paragraph'; text: string; style?: 'quote' }
  | { kind: 'table'; table: WrittenTable }
  | { kind: 'chart'; chart: ChartDescription };

export interface ReportSection {
  number: string;
  heading: string;
  blocks: ReportBlock[];
}

export interface BoardReport {
  authority: string;
  cover: CoverSheet;
  /** The cover sheet's tick-boxes, each with its label and whether it is ticked. */
  directions: { label: string; ticked: boolean }[];
  implications: { label: string; ticked: boolean }[];
  sections: ReportSection[];
  annex: { id: string; definition: string; places: number }[];
}

/**
 * Text as paragraphs: a blank line starts a new one.
 * @example paragraphs('One.\n\nTwo.') // [{ kind: 'paragraph', text: 'One.' }, { kind: 'paragraph', text: 'Two.' }]
 */
export function paragraphs(text: string): ReportBlock[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ({ kind: 'paragraph' as const, text: part.replace(/\s*\r?\n\s*/g, ' ') }));
}

/**
 * A published table with its lead sentence, method and chart, as a section's blocks (undefined without a table).
 * @example tableBlocks(table, 'Placement types', 'Where looked after children were living.')?.blocks.length // 3
 */
export function tableBlocks(table: FigureTable | undefined, heading: string, lead: string): ReportSection | undefined {
  if (!table) return undefined;
  const written = writeTable(table, { published: true });
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: lead }, { kind: 'table', table: written }];
  if (table.method) blocks.push({ kind: 'paragraph', text: `Method: ${table.method}` });
  if (table.chart) {
    // A published chart shows only what its published table shows: a bar for a hidden count would give it away.
    const shown = table.chart.points.filter((point) => !point.source || written.rows[point.source.row]?.[point.source.column] !== '*');
    const chart: ChartDescription = { ...table.chart, points: shown };
    if (shown.length > 0) blocks.push({ kind: 'chart', chart });
    if (shown.length < table.chart.points.length) blocks.push({ kind: 'paragraph', text: 'Figures shown as * in the table are left out of the chart.' });
  }
  return { number: '', heading, blocks };
}

/**
 * The tables in the order the report and the dashboards show them, each with its heading and a sentence on what it shows.
 * @example figureSections('Glenmuir', tables)[0] // { id: 'balance-of-care', heading: 'Change in the balance of care', lead: '…' }
 */
export function figureSections(authority: string, tables: readonly FigureTable[]): { id: string; heading: string; lead: string }[] {
  const sections: [string, string, string][] = [
    ['balance-of-care', 'Change in the balance of care', 'The number of children looked after on the census day (31 July) each year, the rate per 1,000 children in the population and the change from the baseline year.'],
    ['placement-types', 'Placement types', 'Where looked after children were living on the latest census day.'],
    ['community', 'Care in the community', 'The share of looked after children cared for in the community rather than in residential care.'],
    ['out-of-authority', 'Out of authority placements and cost avoided', 'Placements outwith the authority, and the yearly cost avoided as they reduce.'],
    ['external', 'External placements and spend', 'Placements with external providers and what they cost over each year.'],
    ['child-protection', 'Child protection', 'Children on the child protection register, new registrations and re-registrations within 18 months.'],
    ['scra', "Referrals to the Children's Reporter", "Children referred to the Children's Reporter, and those referred on offence grounds."],
    ['caseload', 'Statutory share of the caseload', 'How much of the open caseload is statutory: children with an open case who are looked after.'],
    ['cluster-comparison', 'School clusters compared', 'The school clusters compared over the chosen period.'],
    ['cluster-looked-after', 'Children who became looked after, by cluster', 'Children who became looked after over the chosen period, by school cluster and the type of their first placement.'],
    ['family-first', 'Family First outcomes', 'What happened to children referred to Family First over the chosen period.'],
    ...tables
      .filter((table) => table.id.startsWith('benchmark-'))
      .map((table): [string, string, string] => [table.id, table.caption, `Where ${authority} sits against Scotland and its comparator family group.`]),
  ];
  return sections.map(([id, heading, lead]) => ({ id, heading, lead }));
}

/**
 * The board report for these tables and cover sheet. Every table is published: disclosure control applied.
 * @example const report = boardReport('South Ayrshire', cover, figureTables(source))
 */
export function boardReport(authority: string, cover: CoverSheet, tables: readonly FigureTable[]): BoardReport {
  const byId = (id: string) => tables.find((table) => table.id === id);
  const figures = figureSections(authority, tables);
  const reportSections = figures
    .map(({ id, heading, lead }) => tableBlocks(byId(id), heading, lead))
    .filter((section): section is ReportSection => section !== undefined)
    .map((section, index) => ({ ...section, number: `4.${index + 1}` }));

  const used = [...new Set(tables.flatMap((table) => table.indicators))];
  return {
    authority,
    cover,
    directions: directionChoices.map((choice) => ({ label: choice.label, ticked: cover.directions.includes(choice.value) })),
    implications: implicationChoices.map((label) => ({ label, ticked: cover.implications.includes(label) })),
    sections: [
      { number: '1', heading: 'Purpose of report', blocks: paragraphs(cover.summary) },
      { number: '2', heading: 'Recommendation', blocks: paragraphs(cover.recommendations) },
      {
        number: '3',
        heading: 'Background information',
        blocks: [
          {
            kind: 'paragraph',
            text: `The figures in this report are taken from ${authority}'s case records in Cairn. Each figure is defined once; the definitions are in the method annex. Counts of 1 to 4 children are shown as *, with other figures hidden where needed so that they cannot be worked out from totals.`,
          },
        ],
      },
      { number: '4', heading: 'Report', blocks: [] },
      ...reportSections,
    ],
    annex: used.flatMap((id) => {
      const indicator = indicatorById(id);
      return indicator ? [{ id, definition: indicator.definition, places: indicator.places }] : [];
    }),
  };
}

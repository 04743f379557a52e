/**
 * @module View models for the board paper pages: the list of editions, an edition as it will print (charts inline as
 * SVG), and the cover sheet and section forms with what was typed and every problem in field order.
 */
import { dateTimeOf, longDateOf } from '../../platform/dates/formats.js';
import { chartSvg } from '../../platform/documents/charts.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { paths } from '../../platform/http/paths.js';
import { directionChoices, implicationChoices, type CoverSheet } from '../boardReport/boardReport.js';
import type { FigureChoiceValues } from '../dashboards/dashboardQuery.js';
import type { StatsOptions } from '../reporting/statsTypes.js';
import type { BlockChoice, Edition, PaperContent } from './boardPaper.js';
import { annexBlocks } from './paperDocument.js';
import { paperSections, type PaperSection } from './paperSections.js';

/** The cover sheet form's fields, as typed. */
export const coverFields = ['meeting', 'agendaItem', 'title', 'summary', 'author', 'recommendations'] as const;
const coverOrder = ['meeting', 'heldOn-day', 'agendaItem', 'title', 'summary', 'author', 'recommendations', 'directions', 'implications', 'firstYear', 'lastYear', 'baseline', 'from-day', 'to-day'];

const errorsFor = (errors: Record<string, string>, order: readonly string[]) => ({
  errorList: errorSummary(errors, order),
  errorFor: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])),
});

/**
 * The figure choice's boxes filled from an edition's period.
 * @example choiceValuesOf({ years: { first: 2016, last: 2021 }, baseline: 2016 }).lastYear // '2021'
 */
export function choiceValuesOf(options: StatsOptions): FigureChoiceValues {
  const [fromYear = '', fromMonth = '', fromDay = ''] = options.from?.split('-') ?? [];
  const [toYear = '', toMonth = '', toDay = ''] = options.to?.split('-') ?? [];
  return {
    firstYear: options.years ? String(options.years.first) : '',
    lastYear: options.years ? String(options.years.last) : '',
    baseline: options.baseline ? String(options.baseline) : '',
    'from-day': fromDay.replace(/^0/, ''), 'from-month': fromMonth.replace(/^0/, ''), 'from-year': fromYear,
    'to-day': toDay.replace(/^0/, ''), 'to-month': toMonth.replace(/^0/, ''), 'to-year': toYear,
  };
}

/** How an edition's period reads. */
export function periodInWords(options: StatsOptions): string {
  const years = options.years ? (options.years.first === options.years.last ? `census year ${options.years.first}` : `census years ${options.years.first} to ${options.years.last}`) : 'every census year with data';
  const baseline = options.baseline ? `, baseline ${options.baseline}` : '';
  const window = options.from && options.to ? `; school clusters compared from ${longDateOf(options.from)} to ${longDateOf(options.to)}` : '';
  return `${years}${baseline}${window}`;
}

/** The list of editions. */
export function presentEditions(editions: readonly Edition[]) {
  return editions.map((edition) => ({
    number: edition.number,
    href: paths.boardPapers.edition({ edition: edition.number }),
    title: edition.cover.title,
    heldOn: longDateOf(edition.cover.heldOn),
    status: edition.status,
    startedFrom: edition.startedFrom,
    changed: `${edition.changedBy}, ${dateTimeOf(edition.changedAt)}`,
    published: edition.publishedAt ? `${edition.publishedBy}, ${dateTimeOf(edition.publishedAt)}` : '',
  }));
}

/** The cover sheet form's values from a cover sheet and period. */
export function coverValuesOf(cover: CoverSheet, options: StatsOptions) {
  const [year = '', month = '', day = ''] = cover.heldOn.split('-');
  return {
    meeting: cover.meeting, agendaItem: cover.agendaItem, title: cover.title, summary: cover.summary, author: cover.author, recommendations: cover.recommendations,
    'heldOn-day': day.replace(/^0/, ''), 'heldOn-month': month.replace(/^0/, ''), 'heldOn-year': year,
    directions: [...cover.directions], implications: [...cover.implications], choice: choiceValuesOf(options),
  };
}
export type CoverValues = ReturnType<typeof coverValuesOf>;

/** The cover sheet form. */
export function coverForm(values: CoverValues, errors: Record<string, string>) {
  return {
    values,
    choiceValues: values.choice,
    ...errorsFor(errors, coverOrder),
    directionItems: directionChoices.map((choice) => ({ value: choice.value, text: choice.label, checked: values.directions.includes(choice.value) })),
    implicationItems: implicationChoices.map((label) => ({ value: label, text: label, checked: values.implications.includes(label) })),
  };
}

/** One section's form: its text and the blocks to place, those the period lacks shown but not offered. */
export function sectionForm(section: PaperSection, values: { body: string; blocks: string[] }, choices: readonly BlockChoice[], errors: Record<string, string>) {
  return {
    section,
    values,
    ...errorsFor(errors, ['body', 'blocks']),
    blockItems: choices
      .filter((choice) => choice.available || values.blocks.includes(choice.value))
      .map((choice) => ({ value: choice.value, text: choice.label, checked: values.blocks.includes(choice.value) })),
    /** Tables the edition's period has no figures for: named, not offered. */
    unavailable: choices.filter((choice) => !choice.available && !values.blocks.includes(choice.value)).map((choice) => choice.label),
  };
}

/**
 * An edition's page: its cover sheet, each section as it will print with a link to change it (drafts), and its annex.
 * @example await presentEdition(edition, content)
 */
export async function presentEdition(edition: Edition, content: PaperContent) {
  const number = edition.number;
  const sections = await Promise.all(content.report.sections.map(async (printed, index) => {
    // A published edition keeps the sections it had, even if the paper's sections change later.
    const key = paperSections.find((section) => section.number === printed.number && section.heading === printed.heading)?.key;
    return {
      key: key ?? `section-${index + 1}`,
      title: printed.number ? `${printed.number}${printed.number.includes('.') ? '' : '.'} ${printed.heading}` : printed.heading,
      level: printed.number.includes('.') ? 3 : 2,
      changeHref: key ? paths.boardPapers.section({ edition: number, sectionKey: key }) : undefined,
      empty: printed.blocks.length === 0,
      blocks: await Promise.all(printed.blocks.map(async (block, blockIndex) =>
        block.kind === 'chart' ? { kind: 'chart' as const, title: block.chart.title, svg: await chartSvg(block.chart, `chart-${index}-${blockIndex}`) } : block)),
    };
  }));
  const { cover } = content.report;
  return {
    edition: {
      number,
      status: edition.status,
      period: periodInWords(edition.options),
      started: `${edition.startedBy}, ${dateTimeOf(edition.startedAt)}${edition.startedFrom ? ` (from edition ${edition.startedFrom})` : ''}`,
      changed: `${edition.changedBy}, ${dateTimeOf(edition.changedAt)}`,
      published: edition.publishedAt ? `${edition.publishedBy}, ${dateTimeOf(edition.publishedAt)}` : '',
      contentSha256: edition.contentSha256,
    },
    cover: [
      ['Meeting', cover.meeting], ['Held on', longDateOf(cover.heldOn)], ['Agenda item', cover.agendaItem], ['Title', cover.title],
      ['Summary', cover.summary], ['Author', cover.author], ['Recommendations', cover.recommendations],
      ['Directions', content.report.directions.filter((direction) => direction.ticked).map((direction) => direction.label).join(', ') || 'None ticked'],
      ['Implications', content.report.implications.filter((implication) => implication.ticked).map((implication) => implication.label).join(', ') || 'None ticked'],
    ].map(([key, value]) => ({ key: { text: key }, value: { text: value } })),
    sections,
    annex: annexBlocks(content),
    links: {
      cover: paths.boardPapers.cover({ edition: number }),
      publish: paths.boardPapers.publish({ edition: number }),
      pdf: paths.boardPapers.download({ edition: number, format: 'pdf' }),
      docx: paths.boardPapers.download({ edition: number, format: 'docx' }),
      list: paths.boardPapers.list(),
      next: `${paths.boardPapers.start()}?from=${number}`,
    },
  };
}

/**
 * @module The quality report's tables as a board paper places them (section 4.2, Signs of Safety implementation and
 * evidence): case file audit results before and after, each survey question's answers in the base wave against the
 * comparator wave, and training coverage. The very tables of the quality report, so the paper's figures are its figures.
 */
import type { QualityReport } from './qualityReport.js';

/** A quality report table offered to a board paper: block id, the label an author chooses it by, and its lead sentence. */
export interface QualityPaperTable {
  id: string;
  heading: string;
  lead: string;
  table: { id: string; caption: string; headings: string[]; numeric: boolean[]; rows: string[][] };
}

/** What each part's tables show, for the sentence printed before them. */
const leads: Record<string, string> = {
  audits: 'Case files audited against the Signs of Safety rubric before and after implementation: the share graded good or better, question by question.',
  surveys: 'The survey’s base wave against its comparator wave: each answer as a percentage of those who answered, with the number of people in brackets.',
  training: 'Staff on the staff register trained in Signs of Safety on each date, by staff group.',
};

/**
 * Every table of the quality report, each with a block id prefixed `quality-`, labelled by its part and caption.
 * @example qualityPaperTables(report).map((t) => t.id) // ['quality-audit-questions', 'quality-audit-agreement', 'quality-survey-1-question-1', 'quality-training-coverage']
 */
export function qualityPaperTables(report: QualityReport): QualityPaperTable[] {
  let part = '';
  return report.sections.flatMap((section) => {
    if (section.level === 2) part = section.id;
    return section.blocks.flatMap((block) => (block.kind === 'table'
      ? [{
        id: `quality-${block.table.id}`,
        heading: `Quality report, ${section.heading}: ${block.table.caption}`,
        lead: part === 'surveys' ? `${section.heading}. ${leads.surveys}` : (leads[part] ?? section.heading),
        table: block.table,
      }]
      : []));
  });
}

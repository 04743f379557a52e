/**
 * @module The quality report's model: case file audits, surveys and training coverage for two periods, side by
 * side (before | after | change), built only from the agreed contract values (qualityContracts.ts). Pure; printed
 * as HTML, DOCX and PDF from the same model. It holds no child's name: audits and surveys arrive as aggregates.
 */
import { longDateOf } from '../../platform/dates/formats.js';
import type { AuditAgreement, AuditRoundComparison, AuditRoundSummary, QuestionGrades, SurveyQuestionChange, SurveyWaveComparison, TrainingCoverageRow } from './qualityContracts.js';
import { coverageTotal } from './qualityContracts.js';

export interface QualityTable {
  id: string;
  caption: string;
  headings: string[];
  /** Which columns hold figures (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

export type QualityBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; table: QualityTable };

export interface QualitySection {
  id: string;
  /** 2 for the report's parts, 3 for one survey within them. */
  level: 2 | 3;
  heading: string;
  blocks: QualityBlock[];
}

export interface QualityReport {
  title: string;
  authority: string;
  builtOn: string;
  sections: QualitySection[];
}

export interface TrainingComparison {
  baselineDate: string;
  comparatorDate: string;
  baseline: TrainingCoverageRow[];
  comparator: TrainingCoverageRow[];
}

export interface QualityReportInput {
  authority: string;
  builtOn: string;
  /** The two rounds compared, or null with the reason in `auditNote`. */
  audit: AuditRoundComparison | null;
  auditNote?: string;
  surveys: SurveyWaveComparison[];
  surveyNote?: string;
  training: TrainingComparison | null;
  trainingNote?: string;
}

/**
 * After − before in percentage points, one decimal place; null when either is missing. Both are one-decimal
 * figures, so the difference is worked out in tenths (exact).
 * @example changePoints(62.5, 75) // 12.5
 */
export function changePoints(before: number | null, after: number | null): number | null {
  if (before === null || after === null) return null;
  return (Math.round(after * 10) - Math.round(before * 10)) / 10;
}

/** @example writeChange(12.5) // '+12.5'; writeChange(-3) // '−3.0'; writeChange(null) // '—' */
export function writeChange(points: number | null): string {
  if (points === null) return '—';
  if (points === 0) return '0.0';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}`;
}

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);
const paragraph = (text: string): QualityBlock => ({ kind: 'paragraph', text });
const table = (t: QualityTable): QualityBlock => ({ kind: 'table', table: t });

function roundText(label: string, round: AuditRoundSummary): string {
  return `${label}: ${round.name} (${round.rubricName}, version ${round.rubricVersion}), files from ${longDateOf(round.periodStart)} to ${longDateOf(round.periodEnd)}; ${round.filesGraded} of ${round.sampleSize} sampled files graded.`;
}

const gradesText = (grades: QuestionGrades) => (grades.percentGoodOrBetter === null ? 'None graded' : `${percent(grades.percentGoodOrBetter)} of ${grades.graded}`);
const agreementRows = (a: AuditAgreement, b: AuditAgreement): string[][] => [
  ['Files moderated by a second auditor', String(a.moderatedFiles), String(b.moderatedFiles)],
  ['Question grades the two auditors agreed on', percent(a.percentAgreement), percent(b.percentAgreement)],
  ['Cohen’s kappa', a.kappa === null ? '—' : a.kappa.toFixed(2), b.kappa === null ? '—' : b.kappa.toFixed(2)],
];

function auditSection(input: QualityReportInput): QualitySection {
  const comparison = input.audit;
  if (!comparison) return { id: 'audits', level: 2, heading: 'Case file audits', blocks: [paragraph(input.auditNote ?? 'No case file audit rounds were compared.')] };
  const blocks: QualityBlock[] = [paragraph(roundText('Before', comparison.baseline)), paragraph(roundText('After', comparison.comparator))];
  if (comparison.baseline.rubricVersion !== comparison.comparator.rubricVersion || comparison.baseline.rubricName !== comparison.comparator.rubricName) {
    blocks.push(paragraph('The two rounds used different rubrics or versions: questions are matched by their keys, and a question asked in only one round has figures on one side only.'));
  }
  blocks.push(comparison.questions.length
    ? table({
      id: 'audit-questions',
      caption: 'Files graded good or better (Excellent or Good, or Yes), question by question',
      headings: ['Question', 'Before', 'After', 'Change (points)'],
      numeric: [false, true, true, true],
      rows: comparison.questions.map((q) => [q.questionText, gradesText(q.baseline), gradesText(q.comparator), writeChange(q.changePoints)]),
    })
    : paragraph('No questions were graded in these rounds.'));
  blocks.push(table({
    id: 'audit-agreement', caption: 'How far two auditors grading the same file agreed', headings: ['Measure', 'Before', 'After'], numeric: [false, true, true],
    rows: agreementRows(comparison.agreement.baseline, comparison.agreement.comparator),
  }));
  return { id: 'audits', level: 2, heading: 'Case file audits', blocks };
}

const share = (s: { count: number | null; percent: number | null }) => (s.count === null || s.percent === null ? '—' : `${percent(s.percent)} (${s.count})`);

function questionBlocks(surveyIndex: number, questionIndex: number, q: SurveyQuestionChange): QualityBlock[] {
  const answered = `Answered by ${q.answered.baseline} before and ${q.answered.comparator} after.`;
  if (q.kind === 'free_text') return [paragraph(`${q.questionText} (written answers). ${answered} The answers themselves are not reproduced in this report.`)];
  if (q.suppressed) return [paragraph(`${q.questionText}. ${answered} Fewer than 5 people answered in one of the waves, so its figures are withheld.`)];
  return [table({
    id: `survey-${surveyIndex}-question-${questionIndex}`,
    caption: `${q.questionText} (${answered.replace(/\.$/, '')})`,
    headings: ['Answer', 'Before', 'After', 'Change (points)'],
    numeric: [false, true, true, true],
    rows: q.options.map((o) => [o.label, share(o.baseline), share(o.comparator), writeChange(changePoints(o.baseline.percent, o.comparator.percent))]),
  })];
}

function surveySections(input: QualityReportInput): QualitySection[] {
  const intro: QualitySection = { id: 'surveys', level: 2, heading: 'Surveys', blocks: [] };
  if (!input.surveys.length) {
    intro.blocks.push(paragraph(input.surveyNote ?? 'No survey waves were compared.'));
    return [intro];
  }
  intro.blocks.push(paragraph('Each survey’s answers before and after, as a percentage of those who answered the question, with the number of people in brackets. Figures for a question answered by fewer than 5 people in either wave are withheld.'));
  return [intro, ...input.surveys.map((s, index): QualitySection => ({
    id: `survey-${index + 1}`,
    level: 3,
    heading: `${s.surveyTitle} (${s.audience === 'families' ? 'families' : 'staff'})`,
    blocks: [
      paragraph(`Before: ${s.baseline.name}, opened ${longDateOf(s.baseline.opensOn)}, ${s.baseline.respondents} ${s.baseline.respondents === 1 ? 'person' : 'people'} responded. After: ${s.comparator.name}, opened ${longDateOf(s.comparator.opensOn)}, ${s.comparator.respondents} ${s.comparator.respondents === 1 ? 'person' : 'people'} responded.`),
      ...(s.questions.length ? s.questions.flatMap((q, qi) => questionBlocks(index + 1, qi + 1, q)) : [paragraph('This survey has no questions.')]),
    ],
  }))];
}

const coverageText = (row: TrainingCoverageRow | undefined) => (!row || row.percentTrained === null ? 'No staff' : `${row.trained} of ${row.staff} (${percent(row.percentTrained)})`);

function trainingSection(input: QualityReportInput): QualitySection {
  const t = input.training;
  if (!t) return { id: 'training', level: 2, heading: 'Training in Signs of Safety', blocks: [paragraph(input.trainingNote ?? 'Training coverage was not compared.')] };
  const groups = t.comparator.map((row) => row.staffGroup);
  const rows = [...groups.map((group) => [t.baseline.find((r) => r.staffGroup === group), t.comparator.find((r) => r.staffGroup === group)] as const), [coverageTotal(t.baseline), coverageTotal(t.comparator)] as const];
  const anyStaff = rows.some(([a, b]) => (a?.staff ?? 0) + (b?.staff ?? 0) > 0);
  return {
    id: 'training', level: 2, heading: 'Training in Signs of Safety',
    blocks: [
      paragraph('Staff on the staff register on each date who had attended every day of a session of a course that counts as Signs of Safety training, by staff group.'),
      anyStaff
        ? table({
          id: 'training-coverage',
          caption: `Staff trained on ${longDateOf(t.baselineDate)} and on ${longDateOf(t.comparatorDate)}`,
          headings: ['Staff group', longDateOf(t.baselineDate), longDateOf(t.comparatorDate), 'Change (points)'],
          numeric: [false, true, true, true],
          rows: rows.filter(([a, b]) => (a?.staff ?? 0) + (b?.staff ?? 0) > 0)
            .map(([a, b]) => [(b ?? a)!.label, coverageText(a), coverageText(b), writeChange(changePoints(a?.percentTrained ?? null, b?.percentTrained ?? null))]),
        })
        : paragraph('No one is on the staff register on either date, so there is no training coverage to compare. Add staff and record training under Training.'),
    ],
  };
}

/**
 * The report: an introduction, then audits, surveys and training, each before | after | change.
 * @example qualityReport({ authority: 'Glenmuir Council', builtOn: '2024-04-02', audit: null, surveys: [], training: null }).sections[0].heading // 'About this report'
 */
export function qualityReport(input: QualityReportInput): QualityReport {
  return {
    title: 'Practice quality: before and after',
    authority: input.authority,
    builtOn: input.builtOn,
    sections: [
      {
        id: 'about', level: 2, heading: 'About this report',
        blocks: [
          paragraph(`${input.authority}. Built on ${longDateOf(input.builtOn)} from the case file audits, surveys and training records in Cairn.`),
          paragraph('Each part puts an earlier period (before) beside a later one (after). Changes are in percentage points: after minus before. Percentages are rounded to one decimal place, halves away from zero. The report names no child and no survey respondent.'),
        ],
      },
      auditSection(input),
      ...surveySections(input),
      trainingSection(input),
    ],
  };
}

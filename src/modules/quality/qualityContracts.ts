/**
 * @module What the quality report (issue 7) reads from case file audits, surveys and training: the shapes each
 * module's service returns for a before/after comparison. Audits, surveys and training implement these; the
 * quality report consumes them and knows nothing else of those modules.
 */
import { percentage } from '../reporting/rounding.js';

/** A completed or open audit round, as listed for choosing a baseline and a comparator. */
export interface AuditRoundSummary {
  id: number;
  name: string;
  rubricName: string;
  rubricVersion: number;
  periodStart: string;
  periodEnd: string;
  sampleSize: number;
  filesGraded: number;
}

/** Grades of one question in one round: count per grade label, in the scale's order (best first). */
export interface QuestionGrades {
  graded: number;
  counts: { label: string; count: number }[];
  /** Files graded at the scale's top two grades (Excellent, Good) or Yes; null when none were graded. */
  percentGoodOrBetter: number | null;
}

export interface AuditQuestionChange {
  questionKey: string;
  questionText: string;
  baseline: QuestionGrades;
  comparator: QuestionGrades;
  /** comparator − baseline percentage points, one decimal place; null when either side is null. */
  changePoints: number | null;
}

export interface AuditAgreement {
  moderatedFiles: number;
  /** Per cent of moderated question grades where the two auditors agree; null when none were moderated. */
  percentAgreement: number | null;
  /** Cohen's kappa over the moderated question grades; null when it cannot be computed. */
  kappa: number | null;
}

export interface AuditRoundComparison {
  baseline: AuditRoundSummary;
  comparator: AuditRoundSummary;
  questions: AuditQuestionChange[];
  agreement: { baseline: AuditAgreement; comparator: AuditAgreement };
}

/** A survey wave, as listed for choosing a baseline and a comparator. */
export interface SurveyWaveSummary {
  id: number;
  surveyId: number;
  surveyTitle: string;
  audience: 'families' | 'staff';
  name: string;
  opensOn: string;
  closedOn: string | null;
  respondents: number;
}

/** One answer option's count and percentage in one wave; both null when the group is suppressed (< 5 respondents). */
export interface OptionShare {
  count: number | null;
  percent: number | null;
}

export interface SurveyQuestionChange {
  questionText: string;
  kind: 'likert' | 'free_text';
  /** Respondents who answered this question in each wave. */
  answered: { baseline: number; comparator: number };
  /** Likert questions only: one row per option, in the scale's order. Empty for free text. */
  options: { label: string; baseline: OptionShare; comparator: OptionShare }[];
  /** True when either wave's respondents to this question were fewer than 5, so figures are withheld. */
  suppressed: boolean;
}

export interface SurveyWaveComparison {
  surveyTitle: string;
  audience: 'families' | 'staff';
  baseline: SurveyWaveSummary;
  comparator: SurveyWaveSummary;
  questions: SurveyQuestionChange[];
}

/** Training coverage of one staff group on a date. */
export interface TrainingCoverageRow {
  staffGroup: string;
  label: string;
  staff: number;
  trained: number;
  /** trained / staff × 100, one decimal place (half away from zero); null when the group has no staff. */
  percentTrained: number | null;
}

/** The whole service's line: every active person, however grouped. */
export function coverageTotal(rows: readonly TrainingCoverageRow[]): TrainingCoverageRow {
  const staff = rows.reduce((sum, r) => sum + r.staff, 0);
  const trained = rows.reduce((sum, r) => sum + r.trained, 0);
  return { staffGroup: 'all', label: 'All staff groups', staff, trained, percentTrained: percentage(trained, staff, 1) ?? null };
}

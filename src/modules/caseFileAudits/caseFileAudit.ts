/** @module Case file audits: rubrics, their questions and grading scales, rounds and the files in them. */

export const scales = ['five_point', 'yes_no'] as const;
export type Scale = (typeof scales)[number];

export const grades = ['excellent', 'good', 'adequate', 'weak', 'unsatisfactory', 'yes', 'no'] as const;
export type Grade = (typeof grades)[number];

/** Each scale's grades, best first, and what they are called. */
export const scaleGrades: Record<Scale, readonly Grade[]> = {
  five_point: ['excellent', 'good', 'adequate', 'weak', 'unsatisfactory'],
  yes_no: ['yes', 'no'],
};
export const scaleNames: Record<Scale, string> = {
  five_point: 'Excellent, Good, Adequate, Weak, Unsatisfactory',
  yes_no: 'Yes or No',
};
export const gradeNames: Record<Grade, string> = {
  excellent: 'Excellent', good: 'Good', adequate: 'Adequate', weak: 'Weak', unsatisfactory: 'Unsatisfactory', yes: 'Yes', no: 'No',
};
/** “Good or better”: the top two grades of the five-point scale, or Yes. */
export const goodOrBetter: ReadonlySet<Grade> = new Set(['excellent', 'good', 'yes']);

export interface RubricQuestion {
  key: string;
  text: string;
  guidance: string;
  scale: Scale;
}

export interface Rubric {
  rubricId: number;
  name: string;
  version: number;
  questions: RubricQuestion[];
}

export interface AuditRound {
  roundId: number;
  name: string;
  rubricId: number;
  rubricName: string;
  rubricVersion: number;
  periodStart: string;
  periodEnd: string;
  sampleSize: number;
  stratified: boolean;
  seed: number;
  openCases: number;
  filesDrawn: number;
  filesGraded: number;
}

/** A review part: the allocated auditor's grading, or the second auditor's blind moderation. */
export type ReviewPart = 'audit' | 'moderation';

/** One sampled file in a round, as the quality lead sees it. */
export interface AuditFile {
  fileId: number;
  roundId: number;
  caseId: string;
  childId: string;
  childName: string;
  team: string;
  drawOrder: number;
  auditorId: string | null;
  auditorName: string | null;
  moderatorId: string | null;
  moderatorName: string | null;
  graded: boolean;
  moderated: boolean;
}

/** One auditor's grades for a file: question key → grade. */
export interface Review {
  fileId: number;
  part: ReviewPart;
  grades: Record<string, Grade>;
  strengths: string;
  actions: string;
  /** Bumped by every save; a review not yet saved is version 0. */
  version?: number;
}

/** The team a case with no team recorded is counted under. */
export const noTeam = 'No team recorded';

/**
 * A question key from its words, for a question added in a new version.
 * @example questionKey('Is the plan current?') // 'is_the_plan_current'
 */
export function questionKey(text: string): string {
  // Letters with accents lose them (é → e); anything else between words becomes one underscore.
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60).replace(/_+$/, '') || 'question';
}

/** @module A round's results from its grades: the distribution per question, by team, overall, and the change from an earlier round. */
import { roundHalfAwayFromZero } from '../reporting/rounding.js';
import type { AuditQuestionChange, QuestionGrades } from '../quality/qualityContracts.js';
import { gradeNames, goodOrBetter, scaleGrades, type Grade, type RubricQuestion } from './caseFileAudit.js';

/** One first-auditor grade, with the file's team. */
export interface GradeRow {
  fileId: number;
  team: string;
  questionKey: string;
  grade: Grade;
}

/** `part` of `whole` as a percentage, one decimal place; null when `whole` is 0. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : roundHalfAwayFromZero(part * 100, whole, 1));

/**
 * The grades one question was given: a count per grade of its scale, best first, and the share good or better.
 * @example questionGrades(question, ['good', 'weak']) // { graded: 2, counts: [{ label: 'Excellent', count: 0 }, { label: 'Good', count: 1 }, …], percentGoodOrBetter: 50 }
 */
export function questionGrades(question: Pick<RubricQuestion, 'scale'>, given: readonly Grade[]): QuestionGrades {
  const counts = scaleGrades[question.scale].map((grade) => ({ label: gradeNames[grade], count: given.filter((g) => g === grade).length }));
  return { graded: given.length, counts, percentGoodOrBetter: percent(given.filter((g) => goodOrBetter.has(g)).length, given.length) };
}

export interface TeamResult {
  team: string;
  files: number;
  /** Per question, in the rubric's order: the share good or better. */
  questions: { questionKey: string; percentGoodOrBetter: number | null }[];
  /** All this team's question grades together. */
  percentGoodOrBetter: number | null;
}

export interface RoundResults {
  filesGraded: number;
  questions: (RubricQuestion & { grades: QuestionGrades })[];
  teams: TeamResult[];
  overall: { grades: number; percentGoodOrBetter: number | null };
}

/**
 * Results of a round from the first auditors' grades (moderation grades measure agreement, they do not replace them).
 * @example roundResults(rubric.questions, rows).overall.percentGoodOrBetter // 62.5
 */
export function roundResults(questions: readonly RubricQuestion[], rows: readonly GradeRow[]): RoundResults {
  const of = (key: string, from: readonly GradeRow[]) => from.filter((r) => r.questionKey === key).map((r) => r.grade);
  const teams = [...new Set(rows.map((r) => r.team))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const share = (from: readonly GradeRow[]) => percent(from.filter((r) => goodOrBetter.has(r.grade)).length, from.length);
  return {
    filesGraded: new Set(rows.map((r) => r.fileId)).size,
    questions: questions.map((q) => ({ ...q, grades: questionGrades(q, of(q.key, rows)) })),
    teams: teams.map((team) => {
      const mine = rows.filter((r) => r.team === team);
      return {
        team,
        files: new Set(mine.map((r) => r.fileId)).size,
        questions: questions.map((q) => ({ questionKey: q.key, percentGoodOrBetter: questionGrades(q, of(q.key, mine)).percentGoodOrBetter })),
        percentGoodOrBetter: share(mine),
      };
    }),
    overall: { grades: rows.length, percentGoodOrBetter: share(rows) },
  };
}

/**
 * Question by question, matched on their stable keys: the comparator's questions in its order, then any the
 * baseline had that the comparator's rubric dropped. The change is comparator − baseline, in points.
 * @example compareQuestions(baseline.questions, comparator.questions)[0].changePoints // 12.5
 */
export function compareQuestions(baseline: RoundResults['questions'], comparator: RoundResults['questions']): AuditQuestionChange[] {
  const none = (q: RubricQuestion): QuestionGrades => questionGrades(q, []);
  const earlier = new Map(baseline.map((q) => [q.key, q]));
  const changes = comparator.map((q) => {
    const before = earlier.get(q.key);
    return { questionKey: q.key, questionText: q.text, baseline: before ? before.grades : none(q), comparator: q.grades };
  });
  const later = new Set(comparator.map((q) => q.key));
  for (const q of baseline) if (!later.has(q.key)) changes.push({ questionKey: q.key, questionText: q.text, baseline: q.grades, comparator: none(q) });
  return changes.map((c) => {
    const b = c.baseline.percentGoodOrBetter;
    const a = c.comparator.percentGoodOrBetter;
    // Both are exact to one decimal: work in tenths so 62.5 − 50.1 is 12.4, not 12.399….
    return { ...c, changePoints: a === null || b === null ? null : (Math.round(a * 10) - Math.round(b * 10)) / 10 };
  });
}

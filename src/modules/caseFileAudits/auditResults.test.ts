import { describe, expect, it } from 'vitest';
import { compareQuestions, roundResults, type GradeRow } from './auditResults.js';
import type { RubricQuestion } from './caseFileAudit.js';

const questions: RubricQuestion[] = [
  { key: 'map_present', text: 'Map present?', guidance: '', scale: 'yes_no' },
  { key: 'safety_plan', text: 'Safety plan?', guidance: '', scale: 'five_point' },
];
const row = (fileId: number, team: string, questionKey: string, grade: GradeRow['grade']): GradeRow => ({ fileId, team, questionKey, grade });

describe('audit round results', () => {
  const rows = [
    row(1, 'North', 'map_present', 'yes'), row(1, 'North', 'safety_plan', 'excellent'),
    row(2, 'North', 'map_present', 'no'), row(2, 'North', 'safety_plan', 'adequate'),
    row(3, 'South', 'map_present', 'yes'), row(3, 'South', 'safety_plan', 'good'),
  ];

  it('counts each grade per question, best first, and the share good or better (top two grades, or Yes)', () => {
    const results = roundResults(questions, rows);
    expect(results.filesGraded).toBe(3);
    expect(results.questions[0]!.grades).toEqual({ graded: 3, counts: [{ label: 'Yes', count: 2 }, { label: 'No', count: 1 }], percentGoodOrBetter: 66.7 });
    expect(results.questions[1]!.grades.counts.map((c) => c.count)).toEqual([1, 1, 1, 0, 0]);
    expect(results.questions[1]!.grades.percentGoodOrBetter).toBe(66.7);
    // North: 2 of 4 grades good or better; South 2 of 2; overall 4 of 6.
    expect(results.teams.map((t) => [t.team, t.files, t.percentGoodOrBetter])).toEqual([['North', 2, 50], ['South', 1, 100]]);
    expect(results.overall).toEqual({ grades: 6, percentGoodOrBetter: 66.7 });
  });

  it('compares question by question on their keys, the change in points to one decimal', () => {
    const baseline = roundResults(questions, rows).questions;
    const later = roundResults([questions[1]!, { key: 'childs_voice', text: 'Voice?', guidance: '', scale: 'yes_no' }], [
      row(4, 'North', 'safety_plan', 'good'), row(4, 'North', 'childs_voice', 'yes'),
      row(5, 'North', 'safety_plan', 'weak'), row(5, 'North', 'childs_voice', 'yes'),
    ]).questions;
    const changes = compareQuestions(baseline, later);
    // Safety plan: 66.7% → 50% = −16.7 points. Voice is new (no baseline); Map present was dropped (no comparator).
    expect(changes.map((c) => [c.questionKey, c.baseline.percentGoodOrBetter, c.comparator.percentGoodOrBetter, c.changePoints])).toEqual([
      ['safety_plan', 66.7, 50, -16.7], ['childs_voice', null, 100, null], ['map_present', 66.7, null, null],
    ]);
  });
});

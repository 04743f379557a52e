/** @module Hand-made contract values for the quality report's tests: two audit rounds, one survey's two waves, coverage on two dates. */
import type { AuditRoundComparison, SurveyWaveComparison, TrainingCoverageRow } from '../../src/modules/quality/qualityContracts.js';

const round = (id: number, name: string, periodStart: string, periodEnd: string) => ({ id, name, rubricName: 'Glenmuir practice rubric', rubricVersion: 1, periodStart, periodEnd, sampleSize: 20, filesGraded: 16 });
const grades = (graded: number, good: number, percent: number | null) => ({ graded, counts: [{ label: 'Good or better', count: good }, { label: 'Less than good', count: graded - good }], percentGoodOrBetter: percent });

export const auditComparison: AuditRoundComparison = {
  baseline: round(1, 'Spring 2022 audit', '2021-10-01', '2022-03-31'),
  comparator: round(2, 'Spring 2023 audit', '2022-10-01', '2023-03-31'),
  questions: [
    { questionKey: 'danger_statement', questionText: 'Is there a clear danger statement?', baseline: grades(16, 10, 62.5), comparator: grades(16, 12, 75), changePoints: 12.5 },
    { questionKey: 'child_voice', questionText: 'Is the child’s voice recorded?', baseline: grades(16, 8, 50), comparator: grades(15, 7, 46.7), changePoints: -3.3 },
    { questionKey: 'safety_plan', questionText: 'Is there a safety plan the family understands?', baseline: grades(0, 0, null), comparator: grades(16, 4, 25), changePoints: null },
  ],
  agreement: {
    baseline: { moderatedFiles: 4, percentAgreement: 81.3, kappa: 0.62 },
    comparator: { moderatedFiles: 0, percentAgreement: null, kappa: null },
  },
};

const wave = (id: number, name: string, opensOn: string, respondents: number) => ({ id, surveyId: 7, surveyTitle: 'Family experience survey', audience: 'families' as const, name, opensOn, closedOn: null, respondents });

export const surveyComparison: SurveyWaveComparison = {
  surveyTitle: 'Family experience survey',
  audience: 'families',
  baseline: wave(11, 'March 2022', '2022-03-01', 24),
  comparator: wave(12, 'March 2023', '2023-03-01', 30),
  questions: [
    {
      questionText: 'My worker listened to me', kind: 'likert', answered: { baseline: 24, comparator: 30 }, suppressed: false,
      options: [
        { label: 'Agree', baseline: { count: 12, percent: 50 }, comparator: { count: 21, percent: 70 } },
        { label: 'Neither', baseline: { count: 6, percent: 25 }, comparator: { count: 6, percent: 20 } },
        { label: 'Disagree', baseline: { count: 6, percent: 25 }, comparator: { count: 3, percent: 10 } },
      ],
    },
    { questionText: 'I understood the safety plan', kind: 'likert', answered: { baseline: 4, comparator: 28 }, suppressed: true, options: [{ label: 'Agree', baseline: { count: null, percent: null }, comparator: { count: null, percent: null } }] },
    { questionText: 'Anything else you want to tell us', kind: 'free_text', answered: { baseline: 9, comparator: 14 }, suppressed: false, options: [] },
  ],
};

const row = (staffGroup: string, label: string, staff: number, trained: number, percentTrained: number | null): TrainingCoverageRow => ({ staffGroup, label, staff, trained, percentTrained });

export const coverageBefore: TrainingCoverageRow[] = [
  row('social_work', 'Social work', 40, 12, 30), row('childrens_panel', 'Children’s Hearing panel members', 3, 0, 0), row('police', 'Police', 0, 0, null),
];
export const coverageAfter: TrainingCoverageRow[] = [
  row('social_work', 'Social work', 42, 31, 73.8), row('childrens_panel', 'Children’s Hearing panel members', 3, 1, 33.3), row('police', 'Police', 0, 0, null),
];

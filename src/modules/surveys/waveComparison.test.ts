/** @module Survey arithmetic by hand: percentages of those who answered, one decimal half away from zero, and suppression below 5. */
import { describe, expect, it } from 'vitest';
import { likertScales } from './survey.js';
import { compareQuestions, questionShares, type QuestionTally } from './waveComparison.js';

const agreement = [...likertScales.agreement];
const likert = (questionId: number, text = `Question ${questionId}`) => ({ questionId, text, kind: 'likert' as const, scale: agreement });
const freeText = (questionId: number) => ({ questionId, text: `Question ${questionId}`, kind: 'free_text' as const, scale: [] });
const tallies = (entries: [number, QuestionTally][]) => new Map(entries);

describe('one wave’s shares of a question', () => {
  it('are counts and percentages of those who answered: 3, 2, 1, 1, 1 of 8 are 37.5, 25.0, 12.5, 12.5, 12.5', () => {
    const shares = questionShares(likert(1), { answered: 8, counts: [3, 2, 1, 1, 1] });
    expect(shares).toEqual({
      answered: 8,
      suppressed: false,
      options: [
        { label: 'Strongly agree', share: { count: 3, percent: 37.5 } },
        { label: 'Agree', share: { count: 2, percent: 25 } },
        { label: 'Neither agree nor disagree', share: { count: 1, percent: 12.5 } },
        { label: 'Disagree', share: { count: 1, percent: 12.5 } },
        { label: 'Strongly disagree', share: { count: 1, percent: 12.5 } },
      ],
    });
  });

  it('rounds half away from zero: 1, 3, 5, 7 of 16 are 6.25, 18.75, 31.25, 43.75 per cent, shown as 6.3, 18.8, 31.3, 43.8', () => {
    const shares = questionShares(likert(1), { answered: 16, counts: [1, 3, 5, 7, 0] });
    expect(shares.options.map((o) => o.share.percent)).toEqual([6.3, 18.8, 31.3, 43.8, 0]);
  });

  it('withholds every count and percentage when fewer than 5 answered, and shows them at exactly 5', () => {
    expect(questionShares(likert(1), { answered: 4, counts: [4, 0, 0, 0, 0] })).toMatchObject({
      answered: 4, suppressed: true, options: agreement.map((label) => ({ label, share: { count: null, percent: null } })),
    });
    // 5 answered: 2/5 = 40.0, 1/5 = 20.0 each.
    expect(questionShares(likert(1), { answered: 5, counts: [2, 1, 1, 1, 0] }).options.map((o) => o.share))
      .toEqual([{ count: 2, percent: 40 }, { count: 1, percent: 20 }, { count: 1, percent: 20 }, { count: 1, percent: 20 }, { count: 0, percent: 0 }]);
    expect(questionShares(likert(1))).toMatchObject({ answered: 0, suppressed: true });
  });

  it('gives a free-text question no options, suppressed below 5 like any other', () => {
    expect(questionShares(freeText(2), { answered: 6, counts: [] })).toEqual({ answered: 6, suppressed: false, options: [] });
    expect(questionShares(freeText(2), { answered: 3, counts: [] })).toEqual({ answered: 3, suppressed: true, options: [] });
  });
});

describe('two waves side by side', () => {
  const questions = [likert(1, 'My worker listened to me'), likert(2, 'I knew what would happen next'), freeText(3)];

  it('shows each answer’s count and percentage in both waves, worked by hand', () => {
    const baseline = tallies([[1, { answered: 8, counts: [3, 2, 1, 1, 1] }], [2, { answered: 6, counts: [1, 1, 2, 1, 1] }], [3, { answered: 5, counts: [] }]]);
    const comparator = tallies([[1, { answered: 7, counts: [4, 1, 1, 1, 0] }], [2, { answered: 3, counts: [3, 0, 0, 0, 0] }], [3, { answered: 9, counts: [] }]]);
    const [first, second, third] = compareQuestions(questions, baseline, comparator);
    // 4/7 = 57.142… → 57.1; 1/7 = 14.285… → 14.3; 0/7 = 0.
    expect(first).toEqual({
      questionText: 'My worker listened to me', kind: 'likert', answered: { baseline: 8, comparator: 7 }, suppressed: false,
      options: [
        { label: 'Strongly agree', baseline: { count: 3, percent: 37.5 }, comparator: { count: 4, percent: 57.1 } },
        { label: 'Agree', baseline: { count: 2, percent: 25 }, comparator: { count: 1, percent: 14.3 } },
        { label: 'Neither agree nor disagree', baseline: { count: 1, percent: 12.5 }, comparator: { count: 1, percent: 14.3 } },
        { label: 'Disagree', baseline: { count: 1, percent: 12.5 }, comparator: { count: 1, percent: 14.3 } },
        { label: 'Strongly disagree', baseline: { count: 1, percent: 12.5 }, comparator: { count: 0, percent: 0 } },
      ],
    });
    // Only 3 answered the second question in the comparator: both waves' figures are withheld, though 6 answered in the baseline.
    expect(second).toEqual({
      questionText: 'I knew what would happen next', kind: 'likert', answered: { baseline: 6, comparator: 3 }, suppressed: true,
      options: agreement.map((label) => ({ label, baseline: { count: null, percent: null }, comparator: { count: null, percent: null } })),
    });
    expect(third).toEqual({ questionText: 'Question 3', kind: 'free_text', answered: { baseline: 5, comparator: 9 }, suppressed: false, options: [] });
  });

  it('treats a question nobody answered in a wave as answered by 0, and so suppressed', () => {
    const [first] = compareQuestions([likert(1)], tallies([[1, { answered: 12, counts: [12, 0, 0, 0, 0] }]]), tallies([]));
    expect(first).toMatchObject({ answered: { baseline: 12, comparator: 0 }, suppressed: true });
    expect(first!.options[0]).toEqual({ label: 'Strongly agree', baseline: { count: null, percent: null }, comparator: { count: null, percent: null } });
  });
});

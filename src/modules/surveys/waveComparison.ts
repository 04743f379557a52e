/**
 * @module The arithmetic of survey results: each answer's count and percentage of those who answered the question,
 * one decimal place half away from zero, and suppression of any group of fewer than 5 respondents — for one
 * wave, and for two waves side by side. Pure: the figures in, the shares out.
 */
import { percentage } from '../reporting/rounding.js';
import type { OptionShare, SurveyQuestionChange } from '../quality/qualityContracts.js';
import type { Question } from './survey.js';

/** Groups smaller than this are never shown: their counts and percentages are withheld. */
export const smallestGroupShown = 5;

/** How one wave answered one question: how many answered, and (Likert) how many chose each answer, in scale order. */
export interface QuestionTally {
  answered: number;
  /** Count per answer position 1-5, as `counts[position - 1]`; empty for free text. */
  counts: number[];
}

/** One question's shares in one wave. */
export interface QuestionShares {
  answered: number;
  suppressed: boolean;
  options: { label: string; share: OptionShare }[];
}

const withheld: OptionShare = { count: null, percent: null };

/** Whether a group this size must be withheld. @example isSuppressed(4) // true */
export const isSuppressed = (respondents: number) => respondents < smallestGroupShown;

const share = (count: number, answered: number, suppressed: boolean): OptionShare =>
  suppressed ? withheld : { count, percent: percentage(count, answered, 1) ?? null };

/**
 * One question's answers in one wave: counts and percentages of those who answered, or all withheld when fewer
 * than 5 answered.
 * @example questionShares(likert, { answered: 8, counts: [3, 2, 1, 1, 1] }).options[0].share // { count: 3, percent: 37.5 }
 */
export function questionShares(question: Pick<Question, 'kind' | 'scale'>, tally: QuestionTally = { answered: 0, counts: [] }): QuestionShares {
  const suppressed = isSuppressed(tally.answered);
  const options = question.kind === 'likert'
    ? question.scale.map((label, index) => ({ label, share: share(tally.counts[index] ?? 0, tally.answered, suppressed) }))
    : [];
  return { answered: tally.answered, suppressed, options };
}

/**
 * Every question of a survey in a baseline and a comparator wave. A question is suppressed in both waves when
 * fewer than 5 answered it in either, so no small group can be read off by comparing the two.
 * @example compareQuestions(questions, baselineTallies, comparatorTallies)[0].suppressed // false
 */
export function compareQuestions(
  questions: readonly Pick<Question, 'questionId' | 'kind' | 'scale' | 'text'>[],
  baseline: ReadonlyMap<number, QuestionTally>,
  comparator: ReadonlyMap<number, QuestionTally>,
): SurveyQuestionChange[] {
  return questions.map((question) => {
    const before = baseline.get(question.questionId) ?? { answered: 0, counts: [] };
    const after = comparator.get(question.questionId) ?? { answered: 0, counts: [] };
    const suppressed = isSuppressed(before.answered) || isSuppressed(after.answered);
    return {
      questionText: question.text,
      kind: question.kind,
      answered: { baseline: before.answered, comparator: after.answered },
      options: question.kind === 'likert'
        ? question.scale.map((label, index) => ({
            label,
            baseline: share(before.counts[index] ?? 0, before.answered, suppressed),
            comparator: share(after.counts[index] ?? 0, after.answered, suppressed),
          }))
        : [],
      suppressed,
    };
  });
}

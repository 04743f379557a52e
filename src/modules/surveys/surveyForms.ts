/** @module The survey forms' fields, checked with zod: a new survey, a question, a wave, a batch of links, and a respondent's answers. */
import { z } from 'zod';
import { formValues, type FormValues } from '../../platform/forms/formValues.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { audiences, likertScaleNames, likertScales, mentionsPersonalData, mostLinksAtOnce, questionKinds, type Answers, type NewQuestion, type NewSurvey, type Question } from './survey.js';
import { numberOf } from '../../platform/dates/formats.js';
import { requiredDate } from '../../platform/forms/dates.js';

export type Reading<T> = { values: FormValues; problems: Record<string, string>; data?: T };

/** Longest free-text answer a respondent may give. */
export const longestAnswer = 2000;

const surveySchema = z.object({
  title: z.string().trim().min(1, 'Enter the survey’s title').max(200, 'Title must be 200 characters or fewer'),
  audience: z.enum(audiences, { error: 'Select who the survey is for' }),
  intro: z.string().trim().max(4000, 'Introduction must be 4,000 characters or fewer'),
});

const questionSchema = z.object({
  kind: z.enum(questionKinds, { error: 'Select how people answer' }),
  text: z.string().trim().min(1, 'Enter the question').max(500, 'Question must be 500 characters or fewer'),
  hint: z.string().trim().max(500, 'Hint must be 500 characters or fewer'),
  scale: z.string(),
});

const waveSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the wave, like Baseline, spring 2026').max(100, 'Name must be 100 characters or fewer'),
});

const linkCountSchema = z.object({
  count: z.string().trim().regex(/^\d{1,5}$/, 'Enter the number of links as a whole number, like 40').transform(Number)
    .pipe(z.number().min(1, 'Enter at least 1 link').max(mostLinksAtOnce, `Enter ${numberOf(mostLinksAtOnce)} links or fewer at a time`)),
});

/** The values of a checkbox group, whether one box or several were ticked. */
const ticked = (body: unknown, name: string): string[] => {
  const value = ((body ?? {}) as Record<string, unknown>)[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
};

function read<T>(values: FormValues, schema: z.ZodType<T>): Reading<T> {
  const parsed = schema.safeParse(values);
  return parsed.success ? { values, problems: {}, data: parsed.data } : { values, problems: fieldErrors(parsed.error.issues) };
}

/** @example readSurvey({ title: 'Family survey', audience: 'families', intro: '' }).data // { title: 'Family survey', … } */
export const readSurvey = (body: unknown): Reading<NewSurvey> => read(formValues(body, ['title', 'audience', 'intro']), surveySchema);

/** @example readWaveName({ name: 'Baseline' }).data // { name: 'Baseline' } */
export const readWaveName = (body: unknown): Reading<{ name: string }> => read(formValues(body, ['name']), waveSchema);

/**
 * A wave's dates as they should have been recorded, and why: the closing date only for a closed wave.
 * @example readWaveDates(body, true).data // { opensOn: '2026-03-02', closedOn: '2026-04-30', reason: 'Opened on the Monday' }
 */
export function readWaveDates(body: unknown, closed: boolean): Reading<{ opensOn: string; closedOn: string | null; reason: string }> {
  const values = formValues(body, ['reason'], closed ? ['opensOn', 'closedOn'] : ['opensOn']);
  const problems: Record<string, string> = {};
  const opens = requiredDate(values, 'opensOn', 'Date it opened');
  const closes = closed ? requiredDate(values, 'closedOn', 'Date it closed') : {};
  if (opens.error) problems.opensOn = opens.error;
  if (closes.error) problems.closedOn = closes.error;
  else if (opens.date && closes.date && closes.date < opens.date) problems.closedOn = 'Date it closed must be on or after the date it opened';
  const reason = (values.reason ?? '').trim();
  if (!reason) problems.reason = 'Enter why you are correcting the wave’s dates';
  else if (reason.length > 1000) problems.reason = 'The reason must be 1,000 characters or fewer';
  if (Object.keys(problems).length) return { values, problems };
  return { values, problems, data: { opensOn: opens.date!, closedOn: closes.date ?? null, reason } };
}

/** @example readLinkCount({ count: '40' }).data // { count: 40 } */
export const readLinkCount = (body: unknown): Reading<{ count: number }> => read(formValues(body, ['count']), linkCountSchema);

/**
 * A new question. A Likert question needs one of the scales; a question whose words look as if they ask for
 * something identifying must be marked as asking for personal information, and such a question cannot be required.
 * @example readQuestion({ kind: 'likert', text: 'I was listened to', scale: 'agreement' }).data?.scale[0] // 'Strongly agree'
 */
export function readQuestion(body: unknown): Reading<NewQuestion> & { flags: string[] } {
  const values = formValues(body, ['kind', 'text', 'hint', 'scale']);
  const flags = ticked(body, 'flags');
  const reading = read(values, questionSchema);
  const problems = { ...reading.problems };
  const scale = likertScaleNames.find((name) => name === values.scale);
  if (values.kind === 'likert' && !scale) problems.scale = 'Select the answers people choose from';
  const asksPersonalData = flags.includes('asksPersonalData');
  const required = flags.includes('required');
  if (asksPersonalData && required) problems.flags = 'A question that asks for personal information cannot be required: people must be free to leave it out';
  else if (!asksPersonalData && mentionsPersonalData(values.text ?? '')) {
    problems.flags = 'This question looks as if it asks for something that could identify someone, like a name, age, address or phone number. If it does, tick “This question asks for personal information”; if not, reword it';
  }
  if (!reading.data || Object.keys(problems).length) return { values, flags, problems };
  const d = reading.data;
  return {
    values, flags, problems,
    data: { kind: d.kind, text: d.text, hint: d.hint, scale: d.kind === 'likert' ? [...likertScales[scale!]] : [], asksPersonalData, required },
  };
}

/**
 * The question form's values and ticked boxes for a question as stored, to prefill the form that changes it.
 * @example questionValues(question) // { values: { kind: 'likert', text: 'I was listened to', hint: '', scale: 'agreement' }, flags: ['required'] }
 */
export function questionValues(question: NewQuestion): { values: FormValues; flags: string[] } {
  const scale = likertScaleNames.find((name) => likertScales[name].join('\n') === question.scale.join('\n')) ?? 'agreement';
  return {
    values: { kind: question.kind, text: question.text, hint: question.hint, scale },
    flags: [...(question.required ? ['required'] : []), ...(question.asksPersonalData ? ['asksPersonalData'] : [])],
  };
}

/** A question's field name on the respondent's page. @example answerField(7) // 'q7' */
export const answerField = (questionId: number) => `q${questionId}`;

/**
 * A respondent's answers to `questions`: a Likert answer is the chosen position (1-5), free text the words.
 * Unanswered optional questions are left out; a problem is given beside each field that needs one.
 * @example readAnswers(questions, { q1: '2', q2: 'Kind and patient' }).data // Map { 1 => { choice: 2 }, 2 => { words: 'Kind and patient' } }
 */
export function readAnswers(questions: readonly Question[], body: unknown): Reading<Answers> {
  const values = formValues(body, questions.map((q) => answerField(q.questionId)));
  const problems: Record<string, string> = {};
  const answers: Answers = new Map();
  for (const question of questions) {
    const field = answerField(question.questionId);
    const value = (values[field] ?? '').trim();
    if (!value) {
      if (question.required) problems[field] = question.kind === 'likert' ? 'Select an answer to this question' : 'Enter your answer to this question';
      continue;
    }
    if (question.kind === 'likert') {
      const choice = Number(value);
      if (!/^[1-5]$/.test(value)) problems[field] = 'Select one of the answers';
      else answers.set(question.questionId, { choice });
    } else if (value.length > longestAnswer) {
      problems[field] = `Your answer must be ${numberOf(longestAnswer)} characters or fewer (it has ${numberOf(value.length)})`;
    } else answers.set(question.questionId, { words: value });
  }
  return Object.keys(problems).length ? { values, problems } : { values, problems, data: answers };
}

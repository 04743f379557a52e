/** @module The case file audit forms, read and checked with zod: rubric questions, a new round, allocation, moderation and grades. */
import { z } from 'zod';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { formValues, readForm, type FormReading, type FormValues } from '../../platform/forms/formValues.js';
import { grades, questionKey, scales, type Grade, type Rubric, type RubricQuestion } from './caseFileAudit.js';
import type { NewRound } from './caseFileAuditService.js';

/** Blank rows a rubric form offers for new questions. */
export const newQuestionRows = 3;

/** The values of a checkbox group: one string or several. */
export function checked(body: unknown, name: string): string[] {
  const value = ((body ?? {}) as Record<string, unknown>)[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}

const questionRow = z.object({
  text: z.string().trim().min(1, 'Enter the question').max(500, 'The question must be 500 characters or fewer'),
  guidance: z.string().trim().max(2000, 'Guidance must be 2,000 characters or fewer'),
  scale: z.enum(scales, { error: 'Select how this question is graded' }),
});

/** The rows a rubric form shows: the version it starts from, then blank rows for new questions. */
export function rubricRows(base: Rubric | undefined): FormValues {
  const values: FormValues = { rows: String((base?.questions.length ?? 0) + newQuestionRows) };
  base?.questions.forEach((q, index) => {
    const n = index + 1;
    Object.assign(values, { [`key-${n}`]: q.key, [`text-${n}`]: q.text, [`guidance-${n}`]: q.guidance, [`scale-${n}`]: q.scale });
  });
  return values;
}

/**
 * A rubric's questions as typed: existing questions keep their keys (unless removed), new rows with words become
 * new questions keyed from their words, and blank new rows are left out.
 * @example readRubric(body, base).data // { name: '', questions: [{ key: 'map_present', … }] }
 */
export function readRubric(body: unknown, base: Rubric | undefined): FormReading<{ name: string; questions: RubricQuestion[] }> {
  const rows = Math.min(Number(formValues(body, ['rows']).rows) || 0, 100);
  const fields = ['name', 'rows'];
  for (let n = 1; n <= rows; n += 1) fields.push(`key-${n}`, `text-${n}`, `guidance-${n}`, `scale-${n}`, `remove-${n}`);
  const values = formValues(body, fields);
  const problems: Record<string, string> = {};
  if (!base) {
    const name = z.string().trim().min(1, 'Enter the rubric’s name').max(200, 'The name must be 200 characters or fewer').safeParse(values.name);
    if (!name.success) problems.name = name.error.issues[0]!.message;
  }
  const known = new Set(base?.questions.map((q) => q.key));
  const questions: RubricQuestion[] = [];
  for (let n = 1; n <= rows; n += 1) {
    const key = values[`key-${n}`] ?? '';
    const existing = known.has(key);
    if (existing && values[`remove-${n}`] === 'yes') continue;
    if (!existing && !values[`text-${n}`]?.trim() && !values[`guidance-${n}`]?.trim()) continue;
    const parsed = questionRow.safeParse({ text: values[`text-${n}`], guidance: values[`guidance-${n}`], scale: values[`scale-${n}`] });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error.issues))) problems[`${field}-${n}`] ??= `Question ${n}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
      continue;
    }
    questions.push({ key: existing ? key : questionKey(parsed.data.text), ...parsed.data });
  }
  if (!Object.keys(problems).length && questions.length === 0) problems['text-1'] = 'Enter at least one question';
  const keys = questions.map((q) => q.key);
  const repeated = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (repeated >= 0) problems[`text-${rows}`] ??= `Two questions are the same (“${questions[repeated]!.text}”). Make each question different.`;
  if (Object.keys(problems).length) return { values, problems };
  return { values, problems, data: { name: values.name!.trim(), questions } };
}

const roundSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the round').max(200, 'The name must be 200 characters or fewer'),
  rubricId: z.string().regex(/^\d{1,9}$/, 'Select the rubric to audit with').transform(Number),
  sampleSize: z.string().trim().regex(/^\d{1,4}$/, 'Sample size must be a whole number, like 120').transform(Number)
    .pipe(z.number().min(1, 'Sample size must be at least 1').max(2000, 'Sample size must be 2,000 or fewer')),
  stratified: z.enum(['yes', 'no'], { error: 'Select whether to draw the sample team by team' }).transform((v) => v === 'yes'),
  seed: z.string().trim().regex(/^\d{0,10}$/, 'The seed must be a whole number, or leave it blank').transform((v) => (v === '' ? undefined : Number(v)))
    .pipe(z.number().max(2147483647, 'The seed must be 2147483647 or less').optional()),
});

/** @example readRound(body).data // { name: 'Spring 2026', rubricId: 1, periodStart: '2026-01-01', periodEnd: '2026-03-31', sampleSize: 120, stratified: true } */
export function readRound(body: unknown): FormReading<NewRound> {
  const values = formValues(body, ['name', 'rubricId', 'sampleSize', 'stratified', 'seed'], ['periodStart', 'periodEnd']);
  const read = readForm(values, roundSchema, { periodStart: 'Start of the period', periodEnd: 'End of the period' });
  const problems = { ...read.problems };
  if (read.data && read.data.periodEnd! < read.data.periodStart!) problems.periodEnd = 'The end of the period must be on or after its start';
  if (!read.data || Object.keys(problems).length) return { values, problems };
  const d = read.data;
  return { values, problems, data: { name: d.name, rubricId: d.rubricId, periodStart: d.periodStart!, periodEnd: d.periodEnd!, sampleSize: d.sampleSize, stratified: d.stratified, seed: d.seed } };
}

/**
 * How many graded files to moderate: a number (12) or a percentage of the graded files (10%), rounded up.
 * @example readModerationCount('10%', 120) // { count: 12 }
 */
export function readModerationCount(typed: string, graded: number): { count?: number; error?: string } {
  const text = typed.trim();
  const match = /^(\d{1,4})\s*(%?)$/.exec(text);
  if (!text) return { error: 'Enter how many files to moderate, like 12, or a percentage, like 10%' };
  if (!match) return { error: 'Enter a whole number, like 12, or a percentage, like 10%' };
  const value = Number(match[1]);
  if (match[2]) {
    if (value < 1 || value > 100) return { error: 'The percentage must be between 1% and 100%' };
    return { count: Math.ceil((graded * value) / 100) || 1 };
  }
  if (value < 1) return { error: 'Enter at least 1 file to moderate' };
  return { count: value };
}

const reviewText = (label: string) => z.string().trim().max(4000, `${label} must be 4,000 characters or fewer`);
const reviewSchema = z.object({ strengths: reviewText('Strengths'), actions: reviewText('Actions') });

/**
 * The grading form: one grade per question (named q1, q2, … in the rubric's order), strengths and actions.
 * Whether each question has a grade on its own scale is the service's check.
 * @example readGrades(body, rubric).data // { grades: { map_present: 'yes', … }, strengths: '…', actions: '…' }
 */
export function readGrades(body: unknown, rubric: Rubric): FormReading<{ grades: Record<string, Grade>; strengths: string; actions: string }> {
  const questionFields = rubric.questions.map((_, index) => `q${index + 1}`);
  const values = formValues(body, [...questionFields, 'strengths', 'actions']);
  const parsed = reviewSchema.safeParse(values);
  const problems = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const given: Record<string, Grade> = {};
  rubric.questions.forEach((q, index) => {
    const grade = values[`q${index + 1}`] as Grade;
    if ((grades as readonly string[]).includes(grade)) given[q.key] = grade;
  });
  if (!parsed.success) return { values, problems };
  return { values, problems, data: { grades: given, strengths: parsed.data.strengths, actions: parsed.data.actions } };
}

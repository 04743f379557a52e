/** @module Reads the years, baseline and window a dashboard or board report is asked for (the same choices as `cairn stats`). */
import { z } from 'zod';
import { readDateInput } from '../../platform/forms/dates.js';
import { statsOptionsProblem } from '../reporting/statsService.js';
import type { StatsOptions } from '../reporting/statsTypes.js';

const field = z.string().trim().max(10).optional().default('');

/** The query string fields of the choice form (GOV.UK date inputs for the window). */
export const figureChoiceFields = z.object({
  firstYear: field,
  lastYear: field,
  baseline: field,
  'from-day': field,
  'from-month': field,
  'from-year': field,
  'to-day': field,
  'to-month': field,
  'to-year': field,
});
export type FigureChoiceValues = z.infer<typeof figureChoiceFields>;

/** What was chosen: the options for the figures, the values to show back, and any problems by field id. */
export interface FigureChoice {
  options: StatsOptions;
  values: FigureChoiceValues;
  errors: { href: string; text: string }[];
}

const yearPattern = /^\d{4}$/;

/**
 * Read the choice form's values; where something is wrong, the error says what in plain words and the
 * options fall back to the defaults (every year with data, the first as baseline, no window).
 * @example readFigureChoice({ firstYear: '2016', lastYear: '2021', baseline: '2016' }).options // { years: { first: 2016, last: 2021 }, baseline: 2016 }
 */
export function readFigureChoice(input: unknown): FigureChoice {
  const parsed = figureChoiceFields.safeParse(input ?? {});
  const values = parsed.success ? parsed.data : figureChoiceFields.parse({});
  const errors: { href: string; text: string }[] = [];
  if (!parsed.success) errors.push({ href: '#firstYear', text: 'Each box takes a year or a date' });
  const options: StatsOptions = {};

  const first = values.firstYear;
  const last = values.lastYear;
  if (first || last) {
    if (!yearPattern.test(first)) errors.push({ href: '#firstYear', text: 'Enter the first year as 4 digits, like 2016' });
    else if (!yearPattern.test(last)) errors.push({ href: '#lastYear', text: 'Enter the last year as 4 digits, like 2021' });
    else if (Number(first) > Number(last)) errors.push({ href: '#lastYear', text: 'The last year must be the same as or after the first year' });
    else options.years = { first: Number(first), last: Number(last) };
  }
  if (values.baseline) {
    if (!yearPattern.test(values.baseline)) errors.push({ href: '#baseline', text: 'Enter the baseline year as 4 digits, like 2016' });
    else options.baseline = Number(values.baseline);
  }
  const from = readDateInput('The start of the period', values['from-day'], values['from-month'], values['from-year']);
  const to = readDateInput('The end of the period', values['to-day'], values['to-month'], values['to-year']);
  if (from.error) errors.push({ href: '#from-day', text: from.error });
  if (to.error) errors.push({ href: '#to-day', text: to.error });
  if (from.date && !to.date && !to.error) errors.push({ href: '#to-day', text: 'Enter the end of the period as well as its start' });
  if (to.date && !from.date && !from.error) errors.push({ href: '#from-day', text: 'Enter the start of the period as well as its end' });
  if (from.date && to.date) {
    if (from.date > to.date) errors.push({ href: '#to-day', text: 'The end of the period must be the same as or after its start' });
    else {
      options.from = from.date;
      options.to = to.date;
    }
  }
  if (errors.length === 0) {
    const problem = statsOptionsProblem(options);
    if (problem) errors.push({ href: '#firstYear', text: problem.replace(/--years/g, 'The years').replace(/--baseline/g, 'The baseline') });
  }
  return { options: errors.length ? {} : options, values, errors };
}

/**
 * The query string that asks for the same choice again (for CSV links and the board report page).
 * @example choiceQuery({ firstYear: '2016', lastYear: '2021', baseline: '', … }) // 'firstYear=2016&lastYear=2021'
 */
export function choiceQuery(values: FigureChoiceValues): string {
  return new URLSearchParams(Object.entries(values).filter(([, value]) => value !== '')).toString();
}

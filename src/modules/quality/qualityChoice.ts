/**
 * @module What the quality report compares, read from the page's form (a GET query): a baseline and comparator
 * audit round, a pair of waves for each survey, and two dates for training coverage. With no choice yet, the
 * latest two of each, and training at the two rounds' period ends (else a year ago and today).
 */
import { readDateInput } from '../../platform/forms/dates.js';
import { formValues, type FormValues } from '../../platform/forms/formValues.js';
import type { AuditRoundSummary, SurveyWaveSummary } from './qualityContracts.js';

export interface SurveyWaves {
  surveyId: number;
  title: string;
  audience: 'families' | 'staff';
  /** Oldest first. */
  waves: SurveyWaveSummary[];
}

export interface QualityOptions {
  /** Oldest first. */
  rounds: AuditRoundSummary[];
  surveys: SurveyWaves[];
}

export interface QualityChoice {
  audit: { baseline: number; comparator: number } | null;
  waves: { surveyId: number; baseline: number; comparator: number }[];
  training: { baseline: string; comparator: string };
}

export interface ChoiceReading {
  values: FormValues;
  errors: Record<string, string>;
  choice?: QualityChoice;
}

/** The rounds and waves to choose from, oldest first, waves grouped by survey. */
export function qualityOptions(rounds: readonly AuditRoundSummary[], waves: readonly SurveyWaveSummary[]): QualityOptions {
  const surveys = new Map<number, SurveyWaves>();
  for (const wave of [...waves].sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.id - b.id)) {
    let survey = surveys.get(wave.surveyId);
    if (!survey) surveys.set(wave.surveyId, (survey = { surveyId: wave.surveyId, title: wave.surveyTitle, audience: wave.audience, waves: [] }));
    survey.waves.push(wave);
  }
  return {
    rounds: [...rounds].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.id - b.id),
    surveys: [...surveys.values()].sort((a, b) => a.title.localeCompare(b.title)),
  };
}

export const waveField = (surveyId: number, side: 'Baseline' | 'Comparator') => `survey${surveyId}${side}`;

const dateParts = (field: string, iso: string) => ({ [`${field}-day`]: String(Number(iso.slice(8, 10))), [`${field}-month`]: String(Number(iso.slice(5, 7))), [`${field}-year`]: iso.slice(0, 4) });
const yearBefore = (iso: string) => (iso.slice(5) === '02-29' ? `${Number(iso.slice(0, 4)) - 1}-02-28` : `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`);

/**
 * The form's values when nothing has been chosen: the two latest rounds, each survey's two latest waves, and
 * coverage on the two rounds' period ends, so training lines up with the audits it explains (with fewer than two
 * rounds, a year ago and today).
 * @example defaultValues(options, '2024-04-02').trainingComparator-year // '2024'
 */
export function defaultValues(options: QualityOptions, today: string): FormValues {
  const lastTwo = <T extends { id: number }>(items: readonly T[]) => (items.length >= 2 ? [String(items.at(-2)!.id), String(items.at(-1)!.id)] : ['', '']);
  const [auditBaseline, auditComparator] = lastTwo(options.rounds);
  const [before, after] = options.rounds.length >= 2 ? [options.rounds.at(-2)!.periodEnd, options.rounds.at(-1)!.periodEnd] : [yearBefore(today), today];
  const values: FormValues = { auditBaseline: auditBaseline!, auditComparator: auditComparator!, ...dateParts('trainingBaseline', before), ...dateParts('trainingComparator', after) };
  for (const survey of options.surveys) {
    const [baseline, comparator] = lastTwo(survey.waves);
    values[waveField(survey.surveyId, 'Baseline')] = baseline!;
    values[waveField(survey.surveyId, 'Comparator')] = comparator!;
  }
  return values;
}

/** A pair of choices from `ids`: both blank (no comparison), or two different ones. */
function readPair(baseline: string, comparator: string, ids: readonly number[], names: { baseline: string; comparator: string; thing: string }, errors: Record<string, string>) {
  if (!baseline && !comparator) return null;
  const known = (value: string) => ids.includes(Number(value)) && /^\d+$/.test(value);
  if (!baseline) errors[names.baseline] = `Choose the ${names.thing} before, or no comparison for both`;
  else if (!known(baseline)) errors[names.baseline] = `Choose a ${names.thing} from the list`;
  if (!comparator) errors[names.comparator] = `Choose the ${names.thing} after, or no comparison for both`;
  else if (!known(comparator)) errors[names.comparator] = `Choose a ${names.thing} from the list`;
  else if (comparator === baseline) errors[names.comparator] = `Choose a different ${names.thing} from the one before`;
  if (errors[names.baseline] || errors[names.comparator]) return null;
  return { baseline: Number(baseline), comparator: Number(comparator) };
}

/**
 * Read the choice from the query; with no `compare` in it, the defaults.
 * @example readChoice({}, options, '2024-04-02').choice?.training // { baseline: '2023-04-02', comparator: '2024-04-02' }
 */
export function readChoice(query: unknown, options: QualityOptions, today: string): ChoiceReading {
  const chosen = typeof (query as Record<string, unknown> | undefined)?.compare === 'string';
  const waveFields = options.surveys.flatMap((s) => [waveField(s.surveyId, 'Baseline'), waveField(s.surveyId, 'Comparator')]);
  const values = chosen ? formValues(query, ['auditBaseline', 'auditComparator', ...waveFields], ['trainingBaseline', 'trainingComparator']) : defaultValues(options, today);
  const errors: Record<string, string> = {};
  const audit = readPair(values.auditBaseline ?? '', values.auditComparator ?? '', options.rounds.map((r) => r.id), { baseline: 'auditBaseline', comparator: 'auditComparator', thing: 'round' }, errors);
  const waves = options.surveys.flatMap((survey) => {
    const pair = readPair(values[waveField(survey.surveyId, 'Baseline')] ?? '', values[waveField(survey.surveyId, 'Comparator')] ?? '', survey.waves.map((w) => w.id),
      { baseline: waveField(survey.surveyId, 'Baseline'), comparator: waveField(survey.surveyId, 'Comparator'), thing: 'wave' }, errors);
    return pair ? [{ surveyId: survey.surveyId, ...pair }] : [];
  });
  const dates = (['trainingBaseline', 'trainingComparator'] as const).map((field) => {
    const read = readDateInput(field === 'trainingBaseline' ? 'Date before' : 'Date after', values[`${field}-day`], values[`${field}-month`], values[`${field}-year`]);
    if (read.error) errors[field] = read.error;
    else if (!read.date) errors[field] = `Enter the date ${field === 'trainingBaseline' ? 'before' : 'after'}`;
    return read.date;
  });
  const [before, after] = dates;
  if (before && after && after <= before) errors.trainingComparator = 'Date after must be later than the date before';
  if (Object.keys(errors).length) return { values, errors };
  return { values, errors, choice: { audit, waves, training: { baseline: before!, comparator: after! } } };
}

/** The choice as the form's query string, for the download links. */
export function choiceQuery(values: FormValues): string {
  return new URLSearchParams({ compare: 'yes', ...values }).toString();
}

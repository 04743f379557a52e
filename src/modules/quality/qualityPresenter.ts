/** @module The quality report page's view model: the choice form (rounds, waves, dates) with its problems, and the report's download links. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { choiceQuery, waveField, type QualityOptions } from './qualityChoice.js';

const selectItems = (items: { id: number; text: string }[], chosen: string | undefined) => [
  { value: '', text: 'No comparison', selected: !chosen },
  ...items.map((item) => ({ value: String(item.id), text: item.text, selected: chosen === String(item.id) })),
];

/**
 * @example presentQualityForm(options, values, {}).surveys[0].baseline.items[1].text // 'March 2022 (opened 1 March 2022, 24 responses)'
 */
export function presentQualityForm(options: QualityOptions, values: FormValues, errors: Record<string, string>) {
  const rounds = options.rounds.map((r) => ({ id: r.id, text: `${r.name} (files from ${longDateOf(r.periodStart)} to ${longDateOf(r.periodEnd)})` }));
  const order = ['auditBaseline', 'auditComparator', ...options.surveys.flatMap((s) => [waveField(s.surveyId, 'Baseline'), waveField(s.surveyId, 'Comparator')]), 'trainingBaseline', 'trainingComparator'];
  return {
    values,
    errors,
    errorList: order.filter((field) => errors[field]).map((field) => ({ text: errors[field]!, href: field.startsWith('training') ? `#${field}-day` : `#${field}` })),
    audit: {
      hasRounds: rounds.length > 0,
      baseline: { id: 'auditBaseline', items: selectItems(rounds, values.auditBaseline) },
      comparator: { id: 'auditComparator', items: selectItems(rounds, values.auditComparator) },
    },
    surveys: options.surveys.map((s) => {
      const waves = s.waves.map((w) => ({ id: w.id, text: `${w.name} (opened ${longDateOf(w.opensOn)}, ${w.respondents} ${w.respondents === 1 ? 'response' : 'responses'})` }));
      const baseline = waveField(s.surveyId, 'Baseline');
      const comparator = waveField(s.surveyId, 'Comparator');
      return {
        legend: `${s.title} (${s.audience === 'families' ? 'families' : 'staff'})`,
        baseline: { id: baseline, items: selectItems(waves, values[baseline]) },
        comparator: { id: comparator, items: selectItems(waves, values[comparator]) },
      };
    }),
  };
}

/** Download links for the report as chosen. */
export function downloadLinks(values: FormValues) {
  const query = choiceQuery(values);
  return [
    { text: 'Download as Word (DOCX)', href: paths.quality.download({ format: 'docx' }, query) },
    { text: 'Download as PDF', href: paths.quality.download({ format: 'pdf' }, query) },
  ];
}

/** @module View models for the board report page: the cover sheet form, its tick-boxes, the figure choice and errors in field order. */
import { directionChoices, implicationChoices } from '../boardReport/boardReport.js';
import type { FigureChoiceValues } from './dashboardQuery.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';

/** What the author has typed on the board report form. */
export interface BoardReportValues {
  meeting: string;
  'heldOn-day': string;
  'heldOn-month': string;
  'heldOn-year': string;
  agendaItem: string;
  title: string;
  summary: string;
  author: string;
  recommendations: string;
  directions: string[];
  implications: string[];
  format: string;
  choice: FigureChoiceValues;
}

/** The order fields appear in, so the error summary reads top to bottom. */
const fieldOrder = [
  'meeting', 'heldOn-day', 'agendaItem', 'title', 'summary', 'author', 'recommendations', 'directions', 'implications',
  'firstYear', 'lastYear', 'baseline', 'from-day', 'to-day', 'format',
];

/**
 * A blank form, with the years and window carried over from the dashboards.
 * @example emptyBoardReportValues({ firstYear: '2016', lastYear: '2021', … }).format // 'docx'
 */
export function emptyBoardReportValues(choice: FigureChoiceValues): BoardReportValues {
  return {
    meeting: '', 'heldOn-day': '', 'heldOn-month': '', 'heldOn-year': '', agendaItem: '', title: '', summary: '', author: '', recommendations: '',
    directions: [], implications: [], format: 'docx', choice,
  };
}

/**
 * Everything the board report template needs: values, tick-box and radio items, errors by field and as a summary.
 * @example boardReportForm(values, { meeting: 'Enter the meeting' }).errorList // [{ href: '#meeting', text: 'Enter the meeting' }]
 */
export function boardReportForm(values: BoardReportValues, errors: Record<string, string>) {
  return {
    values,
    choiceValues: values.choice,
    errors,
    errorFor: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])),
    errorList: errorSummary(errors, fieldOrder),
    directionItems: directionChoices.map((choice) => ({ value: choice.value, text: choice.label, checked: values.directions.includes(choice.value) })),
    implicationItems: implicationChoices.map((label) => ({ value: label, text: label, checked: values.implications.includes(label) })),
    formatItems: [
      { value: 'docx', text: 'Word document (DOCX)', checked: values.format === 'docx' },
      { value: 'pdf', text: 'PDF', checked: values.format === 'pdf' },
      { value: 'html', text: 'Web page (HTML)', checked: values.format === 'html' },
    ],
  };
}

/** @module View models for the survey pages: the list, a survey, its forms, a wave's results, a comparison, and the respondent's page. */
import { paths } from '../../platform/http/paths.js';
import { amendmentInWords, type Amendment } from '../../platform/amendments/amendment.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { OptionShare, SurveyWaveComparison } from '../quality/qualityContracts.js';
import { percentage } from '../reporting/rounding.js';
import { audienceLabels, detailsFixedMessage, likertScaleNames, likertScales, questionKindLabels, questionKinds, type Question, type Survey, type Wave } from './survey.js';
import type { SurveyForm, WaveResults } from './surveyService.js';
import type { SurveyRow } from './surveyRepository.js';
import { answerField } from './surveyForms.js';
import { isSuppressed } from './waveComparison.js';
import { numberOf } from '../../platform/dates/formats.js';

export const fewerThanFive = 'Fewer than 5 responses';

/** A group's size as shown in results: the number, or "Fewer than 5 responses". */
const groupSize = (n: number) => (isSuppressed(n) ? fewerThanFive : numberOf(n));
const number = (share: OptionShare) => (share.count === null ? '' : numberOf(share.count));
const percent = (share: OptionShare) => (share.percent === null ? '' : `${share.percent.toFixed(1)}%`);
const waveStatus = (wave: Wave) => (wave.closedOn ? `Closed on ${longDateOf(wave.closedOn)}` : 'Open');

/** @example presentSurveyList(list)[0].href // '/surveys/1' */
export function presentSurveyList(list: readonly { survey: SurveyRow; questions: number; waves: Wave[] }[]) {
  return list.map(({ survey, questions, waves }) => {
    const open = waves.find((w) => !w.closedOn);
    return {
      title: survey.title,
      href: paths.surveys.show(survey),
      audience: audienceLabels[survey.audience],
      questions,
      waves: waves.length,
      status: open ? `Wave “${open.name}” open` : waves.length ? 'No wave open' : 'Not yet run',
    };
  });
}

/** The survey's page: its questions (with changes offered until a wave opens) and its waves. */
export function presentSurvey(survey: Survey, canLead: boolean, corrections: readonly Amendment[] = []) {
  const fixed = survey.waves.length > 0;
  const open = survey.waves.find((w) => !w.closedOn);
  return {
    surveyId: survey.surveyId,
    title: survey.title,
    audience: audienceLabels[survey.audience],
    intro: survey.intro,
    fixed,
    canChangeQuestions: canLead && !fixed,
    newQuestionHref: paths.surveys.newQuestion(survey),
    changeDetailsHref: canLead && !fixed ? paths.surveys.changeDetails(survey) : undefined,
    questions: survey.questions.map((q, index) => ({
      text: q.text,
      hint: q.hint,
      kind: questionKindLabels[q.kind],
      scale: q.scale.join(', '),
      tags: [q.required ? 'Required' : 'Optional', ...(q.asksPersonalData ? ['Asks for personal information'] : [])],
      changeHref: paths.surveys.changeQuestion({ surveyId: survey.surveyId, questionId: q.questionId }),
      removeAction: paths.surveys.removeQuestion({ surveyId: survey.surveyId, questionId: q.questionId }),
      moveUpAction: index > 0 ? paths.surveys.moveQuestionUp({ surveyId: survey.surveyId, questionId: q.questionId }) : undefined,
    })),
    waves: survey.waves.map((w) => ({
      name: w.name,
      opened: longDateOf(w.opensOn),
      status: waveStatus(w),
      linksIssued: numberOf(w.linksIssued),
      responses: numberOf(w.respondents),
      linksHref: canLead && !w.closedOn ? paths.surveys.links(w) : undefined,
      closeHref: canLead && !w.closedOn ? paths.surveys.close(w) : undefined,
      correctHref: canLead ? paths.surveys.correctWave(w) : undefined,
      resultsHref: paths.surveys.results(w),
      corrections: corrections.filter((a) => a.recordId === String(w.waveId)).map(amendmentInWords),
    })),
    newWaveHref: canLead && !open && survey.questions.length ? paths.surveys.newWave(survey) : undefined,
    openWaveName: open?.name,
    compare: survey.waves.length >= 2 ? compareChoices(survey, {}) : undefined,
  };
}

/** The two selects that choose a baseline and a comparator wave. */
export function compareChoices(survey: Pick<Survey, 'surveyId' | 'waves'>, chosen: { baseline?: string; comparator?: string }) {
  const items = (selected: string | undefined, fallback: Wave | undefined) =>
    survey.waves.map((w) => ({ value: String(w.waveId), text: `${w.name} (${w.closedOn ? `closed on ${longDateOf(w.closedOn)}` : 'open'})`, selected: selected ? selected === String(w.waveId) : w === fallback }));
  return {
    action: paths.surveys.compare(survey),
    baselineItems: items(chosen.baseline, survey.waves.at(-2)),
    comparatorItems: items(chosen.comparator, survey.waves.at(-1)),
  };
}

/** The survey form: building a survey, or (given `survey`) changing its details, which a wave's opening stops. */
export function presentSurveyForm(values: FormValues, problems: Record<string, string>, survey?: Survey) {
  return {
    survey: survey && {
      title: survey.title, back: { text: survey.title, href: paths.surveys.show(survey) }, action: paths.surveys.changeDetails(survey),
      fixedMessage: survey.waves.length ? detailsFixedMessage : undefined,
    },
    values, errors: problems, errorList: errorSummary(problems, ['title', 'audience', 'intro']),
    audienceItems: (['families', 'staff'] as const).map((a) => ({ value: a, text: audienceLabels[a], checked: values.audience === a })),
  };
}

/** The question form: adding a question, or changing the one `questionId` names (same fields, its own action and button). */
export function presentQuestionForm(survey: SurveyRow, values: FormValues, flags: readonly string[], problems: Record<string, string>, questionId?: number) {
  return {
    survey: { title: survey.title, href: paths.surveys.show(survey) },
    action: questionId === undefined ? paths.surveys.newQuestion(survey) : paths.surveys.changeQuestion({ surveyId: survey.surveyId, questionId }),
    buttonText: questionId === undefined ? 'Add the question' : 'Save the question',
    values, errors: problems, errorList: errorSummary(problems, ['text', 'hint', 'kind', 'scale', 'flags']),
    kindItems: questionKinds.map((kind) => ({ value: kind, text: questionKindLabels[kind], checked: values.kind === kind })),
    scaleItems: likertScaleNames.map((name) => ({ value: name, text: likertScales[name].join(', '), checked: values.scale === name })),
    flagItems: [
      { value: 'required', text: 'People must answer this question', checked: flags.includes('required') },
      {
        value: 'asksPersonalData', text: 'This question asks for personal information',
        hint: { text: 'Anything that could identify someone, like a name, age, address or phone number. The survey page will say so, and the question cannot be required.' },
        checked: flags.includes('asksPersonalData'),
      },
    ],
  };
}

/** A wave's results: respondents, and per question its answers' counts and percentages or "Fewer than 5 responses". */
export function presentResults({ survey, wave, questions }: WaveResults) {
  const rate = wave.linksIssued > 0 && !isSuppressed(wave.respondents) ? percentage(wave.respondents, wave.linksIssued, 1) : undefined;
  return {
    survey: { title: survey.title, href: paths.surveys.show(survey) },
    waveName: wave.name,
    open: !wave.closedOn,
    summary: [
      { key: 'Who it is for', value: audienceLabels[survey.audience] },
      { key: 'Opened', value: longDateOf(wave.opensOn) },
      { key: 'Closed', value: wave.closedOn ? longDateOf(wave.closedOn) : 'Still open: figures will change as responses arrive' },
      { key: 'Links issued', value: numberOf(wave.linksIssued) },
      { key: 'Respondents', value: groupSize(wave.respondents) },
      ...(rate === undefined ? [] : [{ key: 'Response rate', value: `${rate.toFixed(1)}%` }]),
    ],
    questions: questions.map(({ question, shares, words }, index) => ({
      heading: `${index + 1}. ${question.text}`,
      id: `question-${index + 1}`,
      answered: shares.suppressed ? fewerThanFive : `Answered by ${groupSize(shares.answered)}`,
      suppressed: shares.suppressed,
      rows: shares.options.map((o) => ({ label: o.label, count: number(o.share), percent: percent(o.share) })),
      freeText: question.kind === 'free_text',
      words,
      wordsWithheld: question.kind === 'free_text' && !shares.suppressed && !words,
    })),
  };
}

/** Two waves side by side: respondents, and per question each answer's count and percentage in each wave. */
export function presentComparison(comparison: SurveyWaveComparison) {
  return {
    baselineName: comparison.baseline.name,
    comparatorName: comparison.comparator.name,
    respondents: { baseline: groupSize(comparison.baseline.respondents), comparator: groupSize(comparison.comparator.respondents) },
    questions: comparison.questions.map((q, index) => ({
      heading: `${index + 1}. ${q.questionText}`,
      id: `question-${index + 1}`,
      suppressed: q.suppressed,
      answered: { baseline: groupSize(q.answered.baseline), comparator: groupSize(q.answered.comparator) },
      freeText: q.kind === 'free_text',
      rows: q.options.map((o) => ({
        label: o.label,
        baselineCount: number(o.baseline), baselinePercent: percent(o.baseline),
        comparatorCount: number(o.comparator), comparatorPercent: percent(o.comparator),
      })),
    })),
  };
}

/** The respondent's page: each question as radios (Likert) or a text box, with what they typed kept. */
export function presentResponseForm(form: SurveyForm, action: string, values: FormValues, problems: Record<string, string>) {
  const fields = form.questions.map((q: Question) => {
    const name = answerField(q.questionId);
    const label = q.required ? q.text : `${q.text} (optional)`;
    const hint = [q.asksPersonalData ? 'This question asks for personal information. You do not have to answer it.' : '', q.hint].filter(Boolean).join(' ');
    return {
      name,
      label,
      hint,
      likert: q.kind === 'likert',
      items: q.scale.map((text, index) => ({ value: String(index + 1), text, checked: values[name] === String(index + 1) })),
      value: values[name] ?? '',
      error: problems[name],
    };
  });
  return {
    title: form.title,
    introParagraphs: form.intro.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean),
    asksPersonalData: form.questions.some((q) => q.asksPersonalData),
    action,
    fields,
    errors: problems,
    errorList: errorSummary(problems, fields.map((f) => f.name)),
  };
}

/** A wave's dates as its correction form first shows them. */
export function waveDateValues(wave: Wave): FormValues {
  const parts = (field: string, iso: string) => ({ [`${field}-day`]: String(Number(iso.slice(8, 10))), [`${field}-month`]: String(Number(iso.slice(5, 7))), [`${field}-year`]: iso.slice(0, 4) });
  return { ...parts('opensOn', wave.opensOn), ...(wave.closedOn ? parts('closedOn', wave.closedOn) : {}) };
}

/** @module View models for the case file audit pages: rubrics, rounds, allocation, moderation, the audit file page and results. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf, periodOf } from '../../platform/dates/formats.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { AuditAgreement, AuditRoundComparison } from '../quality/qualityContracts.js';
import { presentClashes, type Clash, type Versioned } from '../../platform/forms/versions.js';
import { gradeNames, scaleGrades, scaleNames, scales, type AuditFile, type Grade, type AuditRound, type ReviewPart, type Rubric, type Scale } from './caseFileAudit.js';
import type { FileForAudit } from './caseFileAuditService.js';
import { percent, type RoundResults } from './auditResults.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';

type Problems = Record<string, string>;
type Person = { userId: string; name: string; team: string | null };

/** The error summary's links, in the page's order; a date links to its day box. */
export const problemLinks = (problems: Problems, order: readonly string[], dates: readonly string[] = []) => errorSummary(problems, order, { dates });

const formModel = (values: FormValues, problems: Problems, order: readonly string[], dates: readonly string[] = []) => ({
  values, errors: problems, errorList: problemLinks(problems, order, dates),
});

const figure = (value: number | null, suffix = '%') => (value === null ? 'None graded' : `${value}${suffix}`);
const period = (round: Pick<AuditRound, 'periodStart' | 'periodEnd'>) => periodOf(round.periodStart, round.periodEnd);

/** The latest version of each rubric, for choosing one. */
export function latestRubrics(rubrics: readonly Rubric[]): Rubric[] {
  const latest = new Map<string, Rubric>();
  for (const r of rubrics) if ((latest.get(r.name)?.version ?? 0) < r.version) latest.set(r.name, r);
  return [...latest.values()];
}

const roundRow = (round: AuditRound, lead: boolean) => ({
  name: round.name,
  href: lead ? paths.caseFileAudits.round(round) : undefined,
  resultsHref: paths.caseFileAudits.results(round),
  rubric: `${round.rubricName}, version ${round.rubricVersion}`,
  period: period(round),
  progress: `${round.filesGraded} of ${round.filesDrawn}`,
});

const fileTask = (file: AuditFile, userId: string) => {
  const part: ReviewPart = file.auditorId === userId ? 'audit' : 'moderation';
  const done = part === 'audit' ? file.graded : file.moderated;
  return {
    child: file.childName,
    team: file.team,
    task: part === 'audit' ? 'Grade' : 'Moderate',
    href: part === 'audit' ? paths.caseFileAudits.grade(file) : paths.caseFileAudits.moderate(file),
    status: done ? 'Done' : part === 'moderation' && !file.graded ? 'Waiting for the first grades' : 'To do',
    open: part === 'audit' || file.graded,
  };
};

/** The start page: the person's own files, the rounds, and (for the quality lead) rubrics. */
export function presentHome(input: { rounds: readonly AuditRound[]; rubrics: readonly Rubric[]; myFiles: readonly AuditFile[]; userId: string; lead: boolean; auditor: boolean }) {
  return {
    lead: input.lead,
    auditor: input.auditor,
    myFiles: input.myFiles.flatMap((f) => [
      ...(f.auditorId === input.userId ? [fileTask({ ...f, moderatorId: null }, input.userId)] : []),
      ...(f.moderatorId === input.userId ? [fileTask({ ...f, auditorId: null }, input.userId)] : []),
    ]),
    rounds: input.rounds.map((r) => roundRow(r, input.lead)),
    rubrics: latestRubrics(input.rubrics).map((r) => ({ name: r.name, version: r.version, questions: r.questions.length, href: paths.caseFileAudits.rubric(r) })),
  };
}

/** One rubric version, with the other versions of it. */
export function presentRubric(rubric: Rubric, all: readonly Rubric[]) {
  return {
    name: rubric.name,
    version: rubric.version,
    newVersionHref: paths.caseFileAudits.newVersion(rubric),
    questions: rubric.questions.map((q, i) => ({ number: i + 1, key: q.key, text: q.text, guidance: q.guidance, scale: scaleNames[q.scale] })),
    versions: all.filter((r) => r.name === rubric.name).map((r) => ({ version: r.version, href: paths.caseFileAudits.rubric(r), current: r.rubricId === rubric.rubricId })),
  };
}

/** The rubric form: a new rubric, or a new version of `base` with its questions to change, remove or add to. */
export function presentRubricForm(base: Rubric | undefined, values: FormValues, problems: Problems) {
  const rows = Number(values.rows) || 0;
  const known = new Set(base?.questions.map((q) => q.key));
  const order = ['name', ...Array.from({ length: rows }, (_, i) => [`text-${i + 1}`, `guidance-${i + 1}`, `scale-${i + 1}`]).flat()];
  return {
    ...formModel(values, problems, order),
    base: base && { name: base.name, version: base.version, href: paths.caseFileAudits.rubric(base) },
    action: base ? paths.caseFileAudits.newVersion(base) : paths.caseFileAudits.newRubric(),
    rows: Array.from({ length: rows }, (_, i) => {
      const n = i + 1;
      const key = values[`key-${n}`] ?? '';
      return {
        n,
        key: known.has(key) ? key : '',
        existing: known.has(key),
        scaleItems: scales.map((s) => ({ value: s, text: scaleNames[s], checked: values[`scale-${n}`] === s })),
        removeChecked: values[`remove-${n}`] === 'yes',
      };
    }),
  };
}

/** The new round form. */
export function presentRoundForm(rubrics: readonly Rubric[], values: FormValues, problems: Problems) {
  return {
    ...formModel(values, problems, ['name', 'rubricId', 'periodStart', 'periodEnd', 'sampleSize', 'stratified', 'seed'], ['periodStart', 'periodEnd']),
    rubricItems: [...rubrics].reverse().map((r) => ({
      value: String(r.rubricId), text: `${r.name}, version ${r.version}`, hint: { text: `${r.questions.length} questions` }, checked: values.rubricId === String(r.rubricId),
    })),
    stratifiedItems: [
      { value: 'yes', text: 'Yes, in proportion to each team’s open cases', checked: values.stratified === 'yes' },
      { value: 'no', text: 'No, from all open cases together', checked: values.stratified === 'no' },
    ],
  };
}

/** A round for the quality lead: what was drawn, who has each file, and what is done. */
export function presentRound(round: AuditRound, files: readonly AuditFile[]) {
  const teams = [...new Set(files.map((f) => f.team))].sort();
  return {
    name: round.name,
    summary: [
      { key: 'Rubric', value: `${round.rubricName}, version ${round.rubricVersion}` },
      { key: 'Period', value: period(round) },
      { key: 'Sample', value: `${files.length} files drawn from ${round.openCases} open cases${round.stratified ? ', in proportion to each team' : ''}` },
      { key: 'Seed', value: String(round.seed) },
      { key: 'Graded', value: `${files.filter((f) => f.graded).length} of ${files.length}` },
      { key: 'Moderated', value: `${files.filter((f) => f.moderated).length} of ${files.filter((f) => f.moderatorId).length} chosen for moderation` },
    ],
    tookAll: files.length < round.sampleSize,
    sampleSize: round.sampleSize,
    perTeam: teams.map((team) => ({ team, files: files.filter((f) => f.team === team).length })),
    links: { allocate: paths.caseFileAudits.allocate(round), moderation: paths.caseFileAudits.moderation(round), results: paths.caseFileAudits.results(round) },
    unallocated: files.filter((f) => !f.auditorId).length,
    files: files.map((f) => ({
      number: f.drawOrder,
      child: f.childName,
      team: f.team,
      auditor: f.auditorName ?? 'Not allocated',
      changeHref: f.graded ? undefined : paths.caseFileAudits.fileAuditor(f),
      graded: f.graded ? 'Graded' : 'Not yet',
      moderator: f.moderatorName ? `${f.moderatorName}${f.moderated ? ' (done)' : ''}` : '',
    })),
  };
}

const personItems = (people: readonly Person[], chosen: readonly string[]) =>
  people.map((p) => ({ value: p.userId, text: p.name, hint: p.team ? { text: p.team } : undefined, checked: chosen.includes(p.userId) }));

/** Choosing auditors for a round's files. */
export function presentAllocation(round: AuditRound, auditors: readonly Person[], chosen: readonly string[], problems: Problems) {
  return {
    round: { name: round.name, href: paths.caseFileAudits.round(round) },
    action: paths.caseFileAudits.allocate(round),
    ...formModel({}, problems, ['auditors']),
    items: personItems(auditors, chosen),
  };
}

/** Giving one file to another auditor. */
export function presentFileAuditor(file: AuditFile, auditors: readonly Person[], values: FormValues, problems: Problems) {
  return {
    round: { href: paths.caseFileAudits.round({ roundId: file.roundId }) },
    file: { child: file.childName, team: file.team },
    action: paths.caseFileAudits.fileAuditor(file),
    ...formModel(values, problems, ['auditorId']),
    items: auditors.map((a) => ({ value: a.userId, text: a.name, hint: a.team ? { text: a.team } : undefined, checked: (values.auditorId ?? file.auditorId) === a.userId })),
  };
}

/** Choosing graded files for a second auditor. */
export function presentModeration(round: AuditRound, files: readonly AuditFile[], auditors: readonly Person[], values: FormValues, chosen: readonly string[], problems: Problems) {
  return {
    round: { name: round.name, href: paths.caseFileAudits.round(round) },
    action: paths.caseFileAudits.moderation(round),
    graded: files.filter((f) => f.graded).length,
    chosenAlready: files.filter((f) => f.moderatorId).length,
    ...formModel(values, problems, ['count', 'moderators']),
    items: personItems(auditors, chosen),
  };
}

/** The audit file page: who and what the file is, what the record shows, then the grading form. */
export function presentFileForAudit(shown: FileForAudit, part: ReviewPart, values: FormValues, problems: Problems, clashes: readonly Clash[] = []) {
  const { file, facts, rubric } = shown;
  const questionFields = rubric.questions.map((_, i) => `q${i + 1}`);
  return {
    part,
    round: shown.round.name,
    child: file.childName,
    details: [
      { key: 'Team', value: file.team },
      { key: 'Case opened', value: longDateOf(facts.case.openedDate) },
      { key: 'Case closed', value: facts.case.closedDate ? longDateOf(facts.case.closedDate) : 'Open' },
      { key: 'Date of birth', value: longDateOf(facts.case.dateOfBirth) },
    ],
    map: facts.map && {
      facts: [
        { key: 'Latest map', value: facts.map.title },
        { key: 'Started', value: longDateOf(facts.map.startedOn) },
        { key: 'Last changed', value: longDateOf(facts.map.lastChangedOn) },
        { key: 'Last meeting on the map', value: facts.map.lastMeeting ? longDateOf(facts.map.lastMeeting) : 'None recorded' },
      ],
      elements: facts.map.elements.map((e) => ({ name: e.name, present: e.present ? 'Present' : 'Missing' })),
    },
    voiceRecords: facts.voiceRecords,
    action: part === 'audit' ? paths.caseFileAudits.grade(file) : paths.caseFileAudits.moderate(file),
    ...formModel(values, problems, [...questionFields, 'strengths', 'actions']),
    clashes: presentClashes(clashes.map((clash) => ({ ...clash, mine: gradeName(clash.mine), theirs: gradeName(clash.theirs) }))),
    questions: rubric.questions.map((q, i) => ({
      field: `q${i + 1}`,
      legend: `${i + 1}. ${q.text}`,
      guidance: q.guidance,
      items: scaleGrades[q.scale].map((g) => ({ value: g, text: gradeNames[g], checked: values[`q${i + 1}`] === g })),
    })),
  };
}

/** The form's values from a saved review, to show it again. */
export function reviewValues(shown: FileForAudit): FormValues {
  const values: FormValues = { strengths: shown.review?.strengths ?? '', actions: shown.review?.actions ?? '' };
  shown.rubric.questions.forEach((q, i) => { values[`q${i + 1}`] = shown.review?.grades[q.key] ?? ''; });
  return values;
}

/** The review as it stands now, as the grading form shows it: compared field by field when two saves cross. */
export function reviewRecord(shown: FileForAudit): Versioned {
  return { version: shown.review?.version ?? 0, values: reviewValues(shown) };
}

/** The grading form's fields by label, for the clash choices (platform/forms/versions.ts). */
export function reviewLabels(shown: FileForAudit): Record<string, string> {
  const labels: Record<string, string> = {};
  shown.rubric.questions.forEach((q, i) => { labels[`q${i + 1}`] = `Question ${i + 1}`; });
  return { ...labels, strengths: 'Strengths', actions: 'Actions' };
}

/** A grade's name for the clash choices; free text is shown as typed. */
const gradeName = (value: string) => gradeNames[value as Grade] ?? value;

const agreementRows = (a: AuditAgreement) => [
  { key: 'Files moderated', value: String(a.moderatedFiles) },
  { key: 'Per cent agreement', value: a.percentAgreement === null ? 'None moderated yet' : `${a.percentAgreement}%` },
  { key: 'Cohen’s kappa', value: a.kappa === null ? 'Cannot be worked out yet' : a.kappa.toFixed(2) },
];

/** A round's results (aggregate only, never a child's name), and its comparison with an earlier round. */
export function presentResults(round: AuditRound, results: RoundResults, agreement: AuditAgreement, others: readonly AuditRound[], compareWith: string, comparison: AuditRoundComparison | undefined) {
  const byScale = (scale: Scale) => results.questions.map((q, i) => ({ q, number: i + 1 })).filter(({ q }) => q.scale === scale).map(({ q, number }) => ({
    number,
    text: q.text,
    graded: q.grades.graded,
    cells: q.grades.counts.map((c) => `${c.count}${q.grades.graded ? ` (${percent(c.count, q.grades.graded)}%)` : ''}`),
    goodOrBetter: figure(q.grades.percentGoodOrBetter),
  }));
  return {
    name: round.name,
    action: paths.caseFileAudits.results(round),
    summary: [
      { key: 'Rubric', value: `${round.rubricName}, version ${round.rubricVersion}` },
      { key: 'Period', value: period(round) },
      { key: 'Files graded', value: `${results.filesGraded} of ${round.filesDrawn}` },
      { key: 'Grades good or better', value: figure(results.overall.percentGoodOrBetter) },
    ],
    scales: scales.map((scale) => ({ name: scaleNames[scale], labels: scaleGrades[scale].map((g) => gradeNames[g]), questions: byScale(scale) })).filter((s) => s.questions.length),
    questionNumbers: results.questions.map((_, i) => i + 1),
    teams: results.teams.map((t) => ({ team: t.team, files: t.files, cells: t.questions.map((q) => figure(q.percentGoodOrBetter)), overall: figure(t.percentGoodOrBetter) })),
    agreement: agreementRows(agreement),
    compareItems: [{ value: '', text: 'Choose an earlier round' }, ...others.map((o) => ({ value: String(o.roundId), text: `${o.name} (${period(o)})`, selected: compareWith === String(o.roundId) }))],
    comparison: comparison && {
      baseline: comparison.baseline.name,
      comparator: comparison.comparator.name,
      rows: comparison.questions.map((q) => ({
        text: q.questionText,
        baseline: figure(q.baseline.percentGoodOrBetter),
        comparator: figure(q.comparator.percentGoodOrBetter),
        change: q.changePoints === null ? 'Not comparable' : `${q.changePoints > 0 ? '+' : ''}${q.changePoints} points`,
      })),
      agreement: [
        { round: comparison.baseline.name, rows: agreementRows(comparison.agreement.baseline) },
        { round: comparison.comparator.name, rows: agreementRows(comparison.agreement.comparator) },
      ],
    },
  };
}

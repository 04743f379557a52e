/** @module View models for training: coverage with its chart and table, the staff register, courses, sessions and a session's register. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { TrainingCoverageRow } from '../quality/qualityContracts.js';
import type { ChartDescription } from '../../platform/documents/charts.js';
import { staffGroupLabels, staffGroups, type Course, type StaffMember, type TrainingSession } from './training.js';
import { dayFields } from './trainingForms.js';
import type { Register } from './trainingService.js';
import { amendmentInWords, type Amendment } from '../../platform/amendments/amendment.js';
import { coverageTotal } from '../quality/qualityContracts.js';

/** @example percentText(33.3) // '33.3%'; percentText(null) // 'No staff' */
export const percentText = (percent: number | null) => (percent === null ? 'No staff' : `${percent.toFixed(1)}%`);

/** A session's dates in words: one day, or its first to its last. */
export const sessionDates = (session: Pick<TrainingSession, 'days'>) => {
  const first = session.days[0]?.date;
  const last = session.days.at(-1)?.date;
  if (!first || !last) return '';
  return first === last ? longDateOf(first) : `${longDateOf(first)} to ${longDateOf(last)} (${session.days.length} days)`;
};

/**
 * Coverage on a date: a row per staff group and the total, and a bar chart of the percentages (the table has every figure).
 * @example presentCoverage(rows, '2024-03-31').table.rows[0] // ['Social work', '3', '1', '33.3%']
 */
export function presentCoverage(rows: readonly TrainingCoverageRow[], onDate: string) {
  const total = coverageTotal(rows);
  const chart: ChartDescription = {
    kind: 'bar',
    title: `Staff trained in Signs of Safety on ${longDateOf(onDate)}, per cent of each staff group`,
    axisTitle: 'Staff group',
    valueTitle: 'Per cent trained',
    points: rows.filter((r) => r.percentTrained !== null).map((r) => ({ label: r.label, series: 'Per cent trained', value: r.percentTrained! })),
  };
  return {
    date: longDateOf(onDate),
    chart,
    table: {
      caption: `Staff trained in Signs of Safety on ${longDateOf(onDate)}`,
      headings: ['Staff group', 'Active staff', 'Trained', 'Per cent trained'],
      rows: [...rows, total].map((r) => [r.label, String(r.staff), String(r.trained), percentText(r.percentTrained)]),
    },
  };
}

const activeText = (s: Pick<StaffMember, 'activeFrom' | 'activeTo'>) => (s.activeTo ? `${longDateOf(s.activeFrom)} to ${longDateOf(s.activeTo)}` : `Since ${longDateOf(s.activeFrom)}`);

/** @example presentStaffList(staff)[0].group // 'Social work' */
export function presentStaffList(staff: readonly StaffMember[]) {
  return staff.map((s) => ({ name: s.name, group: staffGroupLabels[s.staffGroup], team: s.team, active: activeText(s), hasAccount: s.userId !== null, editHref: paths.training.editStaff(s) }));
}

/** The form's values from a person's record, to edit them. */
export function staffValues(s: StaffMember, username: string): FormValues {
  const parts = (field: string, iso: string | null) => (iso
    ? { [`${field}-day`]: String(Number(iso.slice(8, 10))), [`${field}-month`]: String(Number(iso.slice(5, 7))), [`${field}-year`]: iso.slice(0, 4) }
    : { [`${field}-day`]: '', [`${field}-month`]: '', [`${field}-year`]: '' });
  return { name: s.name, staffGroup: s.staffGroup, team: s.team, username, ...parts('activeFrom', s.activeFrom), ...parts('activeTo', s.activeTo) };
}

export function presentStaffForm(action: string, values: FormValues, problems: Record<string, string>) {
  return {
    action, values, errors: problems,
    errorList: errorSummary(problems, ['name', 'staffGroup', 'team', 'activeFrom', 'activeTo', 'username']).map((item) => ({ ...item, href: item.href.replace(/^#(activeFrom|activeTo)$/, '#$1-day') })),
    groupItems: staffGroups.map((group) => ({ value: group, text: staffGroupLabels[group], checked: values.staffGroup === group })),
  };
}

/** @example presentCourses(courses, sessions)[0].groups // 'Social work, Family support' */
export function presentCourses(courses: readonly Course[], sessions: readonly TrainingSession[]) {
  return courses.map((c) => ({
    title: c.title,
    days: String(c.days),
    groups: c.intendedGroups.map((g) => staffGroupLabels[g]).join(', '),
    countsAsTrained: c.countsAsTrained ? 'Yes' : 'No',
    sessions: sessions.filter((s) => s.courseId === c.courseId).length,
    newSessionHref: paths.training.newSession(c),
  }));
}

export function presentCourseForm(values: FormValues, groups: readonly string[], problems: Record<string, string>) {
  return {
    values, errors: problems,
    errorList: errorSummary(problems, ['title', 'days', 'intendedGroups', 'countsAsTrained']),
    groupItems: staffGroups.map((group) => ({ value: group, text: staffGroupLabels[group], checked: groups.includes(group) })),
    countsItems: [
      { value: 'yes', text: 'Yes, completing every day of it counts as trained', checked: values.countsAsTrained === 'yes' },
      { value: 'no', text: 'No, for example a one-day briefing', checked: values.countsAsTrained === 'no' },
    ],
  };
}

export function presentSessionForm(course: Course, values: FormValues, problems: Record<string, string>) {
  const fields = dayFields(course.days);
  return {
    course: { title: course.title, days: course.days },
    action: paths.training.newSession(course),
    values, errors: problems,
    errorList: errorSummary(problems, ['venue', 'trainer', ...fields]).map((item) => ({ ...item, href: /^#day\d+$/.test(item.href) ? `${item.href}-day` : item.href })),
    dayFields: fields.map((field, index) => ({ field, legend: course.days === 1 ? 'Date' : `Day ${index + 1}` })),
  };
}

/** @example presentSessions(sessions, marks)[0].attended // '12 of 14 attended every day' */
export function presentSessions(sessions: readonly TrainingSession[]) {
  return sessions.map((s) => ({ course: s.courseTitle, dates: sessionDates(s), venue: s.venue, trainer: s.trainer, registerHref: paths.training.register(s), withdrawn: s.withdrawn !== null }));
}

/** A session's values as its correction form first shows them. */
export function sessionValues(session: TrainingSession): FormValues {
  const values: FormValues = { courseId: session.courseId, venue: session.venue, trainer: session.trainer };
  for (const day of session.days) {
    const [year, month, dayOfMonth] = day.date.split('-');
    Object.assign(values, { [`day${day.dayNumber}-day`]: String(Number(dayOfMonth)), [`day${day.dayNumber}-month`]: String(Number(month)), [`day${day.dayNumber}-year`]: year });
  }
  return values;
}

/** The correction form of a session: the session form with its course to choose and a reason. */
export function presentSessionCorrection(session: TrainingSession, courses: readonly Course[], values: FormValues, problems: Record<string, string>) {
  const course = courses.find((c) => c.courseId === session.courseId)!;
  const form = presentSessionForm(course, values, problems);
  const fields = dayFields(course.days);
  return {
    ...form,
    action: paths.training.correctSession(session),
    backHref: paths.training.register(session),
    errorList: errorSummary(problems, ['courseId', ...fields, 'venue', 'trainer', 'reason']).map((item) => ({ ...item, href: /^#day\d+$/.test(item.href) ? `${item.href}-day` : item.href })),
    correcting: true,
    courseItems: courses.map((c) => ({ value: c.courseId, text: `${c.title} (${c.days === 1 ? '1 day' : `${c.days} days`})`, selected: values.courseId === c.courseId })),
  };
}

/** The withdrawal form of a session: why. */
export function presentWithdrawal(session: TrainingSession, values: FormValues, problems: Record<string, string>) {
  return {
    course: session.courseTitle, dates: sessionDates(session), action: paths.training.withdrawSession(session), backHref: paths.training.register(session),
    values, errors: problems, errorList: errorSummary(problems, ['reason']),
  };
}

/**
 * The register: a row per person, a checkbox per day (ticked when they attended), each with a label naming both.
 * @example presentRegister(register, {}).people[0].days[0].label // 'Morag Innes attended day 1, 4 March 2024'
 */
export function presentRegister(register: Register, problems: Record<string, string>, typed?: ReadonlySet<string>, amendments: readonly Amendment[] = [], values: FormValues = {}) {
  const attended = typed ?? new Set(register.marks.filter((m) => m.attended).map((m) => `${m.staffId}|${m.dayNumber}`));
  const complete = register.people.filter((p) => register.session.days.every((d) => attended.has(`${p.staffId}|${d.dayNumber}`))).length;
  return {
    course: register.course.title,
    dates: sessionDates(register.session),
    venue: register.session.venue,
    trainer: register.session.trainer,
    countsAsTrained: register.course.countsAsTrained,
    groups: register.course.intendedGroups.map((g) => staffGroupLabels[g]).join(', '),
    action: paths.training.register(register.session),
    recorded: register.marks.length > 0,
    complete,
    days: register.session.days.map((d) => ({ number: d.dayNumber, date: longDateOf(d.date) })),
    errors: problems,
    errorList: errorSummary(problems, ['attendance', 'reason']),
    withdrawn: register.session.withdrawn && {
      summary: `Withdrawn by ${register.session.withdrawn.by} on ${longDateOf(register.session.withdrawn.on.slice(0, 10))} because ${register.session.withdrawn.reason}`,
    },
    correctHref: register.session.withdrawn ? undefined : paths.training.correctSession(register.session),
    withdrawHref: register.session.withdrawn ? undefined : paths.training.withdrawSession(register.session),
    history: amendments.map(amendmentInWords),
    // Among `values`, so that a kept draft gives the reason back (app/middleware/setUpDrafts.ts).
    values: { reason: values.reason ?? '' },
    people: register.people.map((p, index) => ({
      name: p.name,
      group: staffGroupLabels[p.staffGroup],
      team: p.team,
      days: register.session.days.map((d) => ({
        id: `attended-${index}-${d.dayNumber}`,
        value: `${p.staffId}|${d.dayNumber}`,
        checked: attended.has(`${p.staffId}|${d.dayNumber}`),
        label: `${p.name} attended day ${d.dayNumber}, ${longDateOf(d.date)}`,
      })),
    })),
  };
}

/** @module View models for a worker's tray and a team's caseloads by worker. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { CaseTask, MyCase, WorkerCaseload } from './caseload.js';
import { numberOf } from '../../platform/dates/formats.js';

/** @example presentMyWork({ cases, tasks }, '2022-03-20', {}, {}).overdue.length // 1 */
export function presentMyWork(work: { cases: MyCase[]; tasks: CaseTask[] }, today: string, values: FormValues, errors: FieldErrors) {
  const task = (t: CaseTask) => ({
    child: t.childName, kind: t.kind === 'visit' ? 'Visit' : 'Task', description: t.description, due: longDateOf(t.dueDate),
    completeAction: paths.caseloads.completeTask({ taskId: t.taskId }), completeLabel: `Mark done: ${t.description} for ${t.childName}`,
  });
  return {
    cases: work.cases.map((k) => ({
      child: k.childName,
      childHref: paths.children.show({ childId: k.childId }),
      team: k.team ?? 'Not recorded',
      opened: longDateOf(k.openedDate),
      familyFirstHref: k.involvementId ? paths.familyFirst.show({ involvementId: k.involvementId }) : undefined,
      lastSession: k.involvementId ? longDateOf(k.lastSessionDate) || 'No sessions yet' : '',
    })),
    overdue: work.tasks.filter((t) => t.dueDate < today).map(task),
    upcoming: work.tasks.filter((t) => t.dueDate >= today).map(task),
    caseItems: [{ value: '', text: 'Choose a case' }, ...work.cases.map((k) => ({ value: k.caseId, text: `${k.childName} (opened ${longDateOf(k.openedDate)})`, selected: values.caseId === k.caseId }))],
    kindItems: [
      { value: 'visit', text: 'Visit', checked: values.kind === 'visit' },
      { value: 'task', text: 'Task', checked: values.kind === 'task' },
    ],
    values,
    ...presentErrors(errors, ['caseId', 'kind', 'description', 'due-day']),
  };
}

/** @example presentTeamCaseloads(result).totals // '2 of 10 children are looked after (statutory)' */
export function presentTeamCaseloads(result: { workers: WorkerCaseload[]; totals: { children: number; statutory: number } }) {
  return {
    rows: result.workers.map((w) => ({
      team: w.team ?? 'No team',
      worker: w.workerName ?? w.workerId ?? 'Unallocated',
      children: w.children,
      statutory: w.statutory,
      nonStatutory: w.children - w.statutory,
    })),
    totals: `${numberOf(result.totals.statutory)} of ${numberOf(result.totals.children)} children with an open case are looked after (statutory work); ${numberOf(result.totals.children - result.totals.statutory)} are not`,
  };
}

/** @module View models for a worker's tray and a team's caseloads by worker. */
import { formatDate } from '../../app/nunjucksSetup.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../referrals/referralPresenter.js';
import type { FormBody } from '../referrals/referralForms.js';
import type { CaseTask, MyCase, WorkerCaseload } from './caseload.js';

/** @example presentMyWork({ cases, tasks }, '2022-03-20', {}, {}).overdue.length // 1 */
export function presentMyWork(work: { cases: MyCase[]; tasks: CaseTask[] }, today: string, values: FormBody, errors: FieldErrors) {
  const task = (t: CaseTask) => ({
    child: t.childName, kind: t.kind === 'visit' ? 'Visit' : 'Task', description: t.description, due: formatDate(t.dueDate),
    completeAction: paths.caseloads.completeTask({ taskId: t.taskId }), completeLabel: `Mark done: ${t.description} for ${t.childName}`,
  });
  return {
    cases: work.cases.map((k) => ({
      child: k.childName,
      childHref: paths.children.show({ childId: k.childId }),
      team: k.team ?? 'Not recorded',
      opened: formatDate(k.openedDate),
      familyFirstHref: k.involvementId ? paths.familyFirst.show({ involvementId: k.involvementId }) : undefined,
      lastSession: k.involvementId ? formatDate(k.lastSessionDate) || 'No sessions yet' : '',
    })),
    overdue: work.tasks.filter((t) => t.dueDate < today).map(task),
    upcoming: work.tasks.filter((t) => t.dueDate >= today).map(task),
    caseItems: [{ value: '', text: 'Choose a case' }, ...work.cases.map((k) => ({ value: k.caseId, text: `${k.childName} (opened ${formatDate(k.openedDate)})`, selected: values.caseId === k.caseId }))],
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
      worker: w.workerName ? `${w.workerName} (${w.workerId})` : w.workerId ?? 'Unallocated',
      children: w.children,
      statutory: w.statutory,
      nonStatutory: w.children - w.statutory,
    })),
    totals: `${result.totals.statutory.toLocaleString('en-GB')} of ${result.totals.children.toLocaleString('en-GB')} children with an open case are looked after (statutory work); ${(result.totals.children - result.totals.statutory).toLocaleString('en-GB')} are not`,
  };
}

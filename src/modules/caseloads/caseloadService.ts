/** @module Caseload use cases: a worker's tray, adding and completing visits and tasks (audited), and a team's caseloads by worker. */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { CaseTask, MyCase, TaskKind, WorkerCaseload } from './caseload.js';
import type { CaseloadRepository } from './caseloadRepository.js';
import { may, teamsOverseen } from '../../platform/access/access.js';

/** @example const caseloads = caseloadService(db, caseloadRepository(), children, audit) */
export function caseloadService(db: Database, repository: CaseloadRepository, children: ChildService, audit: AuditService) {
  /** The signed-in worker's open cases and open visits and tasks (empty without a worker id). */
  async function myWork(user: SignedInUser, today: string): Promise<{ cases: MyCase[]; tasks: CaseTask[] }> {
    if (!user.workerId) return { cases: [], tasks: [] };
    const [cases, tasks] = await Promise.all([repository.myCases(db, user.workerId, today), repository.openTasks(db, user.workerId, today)]);
    // A record restricted to others stays on the worker's list, as "Restricted record" (issue 16, ADR 0044).
    const open = await children.accessibleAmong(user, cases.map((k) => k.childId));
    const closedCases = new Set(cases.filter((k) => !open.has(k.childId)).map((k) => k.caseId));
    const shown = <T extends { caseId: string; childName: string }>(item: T): T => (closedCases.has(item.caseId) ? { ...item, childName: 'Restricted record' } : item);
    return { cases: cases.map(shown), tasks: tasks.map(shown) };
  }

  return {
    /** The signed-in worker's open cases and open visits and tasks (empty without a worker id), not audited. */
    myWork,

    /**
     * The worker's own caseload page: it names the children on it, so it is audited as one view naming them all
     * (issue 16 item 5), like the referral tray; a caseload naming no one leaves no event.
     * @example (await caseloads.caseloadPage(worker, '2026-12-02')).cases.length
     */
    async caseloadPage(user: SignedInUser, today: string): Promise<{ cases: MyCase[]; tasks: CaseTask[] }> {
      const work = await myWork(user, today);
      const named = [...new Set([...work.cases, ...work.tasks].map((k) => k.childId))];
      if (named.length) await audit.record({ kind: 'user', user }, { action: 'caseload.viewed', details: { named } });
      return work;
    },

    /** @example await caseloads.addTask(worker, { caseId: 'case-1', kind: 'visit', description: 'Home visit', dueDate: '2022-03-20' }) */
    async addTask(user: SignedInUser, task: { caseId: string; kind: TaskKind; description: string; dueDate: string }): Promise<'added' | 'not_found' | 'forbidden'> {
      const found = await repository.caseOf(db, task.caseId);
      if (!found) return 'not_found';
      if (!(await children.mayAccess(user, found.childId))) return 'forbidden';
      await db.transaction(async (tx) => {
        const taskId = newRecordId('TASK');
        await repository.addTask(tx, { taskId, ...task, createdBy: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'case.task_changed', childId: found.childId, subject: task.caseId, details: { taskId, added: task.kind } }, tx);
      });
      return 'added';
    },

    /** @example await caseloads.completeTask(worker, 'task-1', '2022-03-20') */
    async completeTask(user: SignedInUser, taskId: string, doneDate: string): Promise<'done' | 'not_found' | 'forbidden' | 'already_done'> {
      const found = await repository.taskCase(db, taskId);
      if (!found) return 'not_found';
      if (!(await children.mayAccess(user, found.childId))) return 'forbidden';
      return db.transaction(async (tx) => {
        if (!(await repository.completeTask(tx, taskId, doneDate))) return 'already_done' as const;
        await audit.record({ kind: 'user', user }, { action: 'case.task_changed', childId: found.childId, subject: found.caseId, details: { taskId, done: doneDate } }, tx);
        return 'done' as const;
      });
    },

    /** A team manager's team (every team for a service manager), by worker, with statutory counts. */
    async byWorker(user: SignedInUser, today: string): Promise<{ workers: WorkerCaseload[]; totals: { children: number; statutory: number } } | undefined> {
      const teams = may(user, 'caseload:team') ? teamsOverseen(user) : undefined;
      if (!teams) return undefined;
      const team = 'all' in teams ? null : teams.team;
      const [workers, totals] = await Promise.all([repository.byWorker(db, team, today), repository.totals(db, team, today)]);
      return { workers, totals };
    },
  };
}
export type CaseloadService = ReturnType<typeof caseloadService>;

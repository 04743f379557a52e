/** @module SQL for caseloads: a worker's open cases and tasks, and open work by worker with statutory counts (indicators.md caseload.statutory). */
import type { Queryable } from '../../db/database.js';
import type { CaseTask, MyCase, TaskKind, WorkerCaseload } from './caseload.js';

const childName = `coalesce(nullif(concat_ws(' ', c.forename, c.surname), ''), 'Name not recorded')`;

/** @example await caseloadRepository().byWorker(db, 'Family First', '2022-06-15') */
export function caseloadRepository() {
  return {
    /** Cases open on `today` held by the worker, with their Family First involvement and last session. */
    async myCases(db: Queryable, workerId: string, today: string): Promise<MyCase[]> {
      const rows = await db.query<{ case_id: string; child_id: string; child_name: string; team: string | null; opened_date: string; involvement_id: string | null; last_session: string | null }>(
        `select k.case_id, k.child_id, ${childName} as child_name, k.team, k.opened_date, v.involvement_id,
                (select max(s.session_date) from family_first_sessions s where s.involvement_id = v.involvement_id and s.withdrawn_at is null) as last_session
           from cases k
           join children c on c.child_id = k.child_id
           left join family_first_involvements v on v.case_id = k.case_id
          where k.worker_id = $1 and k.opened_date <= $2::date and (k.closed_date is null or k.closed_date > $2::date)
          order by k.opened_date, k.case_id`,
        [workerId, today],
      );
      return rows.map((r) => ({ caseId: r.case_id, childId: r.child_id, childName: r.child_name, team: r.team, openedDate: r.opened_date, involvementId: r.involvement_id, lastSessionDate: r.last_session }));
    },

    /** Visits and tasks not done on the worker's open cases, soonest due first. */
    async openTasks(db: Queryable, workerId: string, today: string): Promise<CaseTask[]> {
      const rows = await db.query<{ task_id: string; case_id: string; child_id: string; child_name: string; kind: TaskKind; description: string; due_date: string }>(
        `select t.task_id, t.case_id, k.child_id, ${childName} as child_name, t.kind, t.description, t.due_date
           from case_tasks t
           join cases k on k.case_id = t.case_id
           join children c on c.child_id = k.child_id
          where k.worker_id = $1 and t.done_date is null and (k.closed_date is null or k.closed_date > $2::date)
          order by t.due_date, t.task_id`,
        [workerId, today],
      );
      return rows.map((r) => ({ taskId: r.task_id, caseId: r.case_id, childId: r.child_id, childName: r.child_name, kind: r.kind, description: r.description, dueDate: r.due_date }));
    },

    async caseOf(db: Queryable, caseId: string): Promise<{ childId: string; workerId: string | null } | undefined> {
      const rows = await db.query<{ child_id: string; worker_id: string | null }>('select child_id, worker_id from cases where case_id = $1', [caseId]);
      return rows[0] && { childId: rows[0].child_id, workerId: rows[0].worker_id };
    },

    async taskCase(db: Queryable, taskId: string): Promise<{ caseId: string; childId: string } | undefined> {
      const rows = await db.query<{ case_id: string; child_id: string }>(
        'select t.case_id, k.child_id from case_tasks t join cases k on k.case_id = t.case_id where t.task_id = $1', [taskId]);
      return rows[0] && { caseId: rows[0].case_id, childId: rows[0].child_id };
    },

    async addTask(db: Queryable, task: { taskId: string; caseId: string; kind: TaskKind; description: string; dueDate: string; createdBy: string }): Promise<void> {
      await db.query('insert into case_tasks (task_id, case_id, kind, description, due_date, created_by) values ($1, $2, $3, $4, $5, $6)', [
        task.taskId, task.caseId, task.kind, task.description, task.dueDate, task.createdBy,
      ]);
    },

    async completeTask(db: Queryable, taskId: string, doneDate: string): Promise<boolean> {
      const rows = await db.query('update case_tasks set done_date = $2 where task_id = $1 and done_date is null returning task_id', [taskId, doneDate]);
      return rows.length > 0;
    },

    /**
     * Open work on `today` by team and worker: distinct children with a case open that day (caseload.open) and
     * those of them looked after that day (caseload.statutory). `team` null means every team.
     */
    async byWorker(db: Queryable, team: string | null, today: string): Promise<WorkerCaseload[]> {
      const rows = await db.query<{ team: string | null; worker_id: string | null; worker_name: string | null; children: number; statutory: number }>(
        `select k.team, k.worker_id, wn.name as worker_name,
                count(distinct k.child_id)::int as children,
                count(distinct k.child_id) filter (where exists (
                  select 1 from looked_after_episodes e
                   where e.child_id = k.child_id and e.start_date <= $2::date and (e.end_date is null or e.end_date > $2::date)))::int as statutory
           from cases k
           left join worker_names wn on wn.worker_id = k.worker_id
          where k.opened_date <= $2::date and (k.closed_date is null or k.closed_date > $2::date)
            and ($1::text is null or k.team = $1)
          group by k.team, k.worker_id, wn.name
          order by k.team nulls last, wn.name nulls last, k.worker_id nulls last`,
        [team, today],
      );
      return rows.map((r) => ({ team: r.team, workerId: r.worker_id, workerName: r.worker_name, children: r.children, statutory: r.statutory }));
    },

    /** The same two figures for the whole team (distinct children: a child with two workers counts once). */
    async totals(db: Queryable, team: string | null, today: string): Promise<{ children: number; statutory: number }> {
      const rows = await db.query<{ children: number; statutory: number }>(
        `select count(distinct k.child_id)::int as children,
                count(distinct k.child_id) filter (where exists (
                  select 1 from looked_after_episodes e
                   where e.child_id = k.child_id and e.start_date <= $2::date and (e.end_date is null or e.end_date > $2::date)))::int as statutory
           from cases k
          where k.opened_date <= $2::date and (k.closed_date is null or k.closed_date > $2::date) and ($1::text is null or k.team = $1)`,
        [team, today],
      );
      return rows[0] ?? { children: 0, statutory: 0 };
    },
  };
}
export type CaseloadRepository = ReturnType<typeof caseloadRepository>;

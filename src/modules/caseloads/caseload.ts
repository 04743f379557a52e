/** @module Caseloads: a worker's open cases, visits and tasks, and a team's caseloads by worker. */

export const taskKinds = ['visit', 'task'] as const;
export type TaskKind = (typeof taskKinds)[number];

export interface MyCase {
  caseId: string;
  childId: string;
  childName: string;
  team: string | null;
  openedDate: string;
  involvementId: string | null;
  lastSessionDate: string | null;
}

export interface CaseTask {
  taskId: string;
  caseId: string;
  childId: string;
  childName: string;
  kind: TaskKind;
  description: string;
  dueDate: string;
}

/** One worker's open work: distinct children with an open case, and how many of them are looked after (statutory). */
export interface WorkerCaseload {
  team: string | null;
  workerId: string | null;
  workerName: string | null;
  children: number;
  statutory: number;
}

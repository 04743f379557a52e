/**
 * @module The practitioner's today page, as a view model: visits and tasks due this week (overdue first), supervision
 * order reviews due, cases newly allocated to them, and forms waiting to be finished.
 */
import { addDays } from '../platform/dates/isoDates.js';
import { dateTimeOf, longDateOf } from '../platform/dates/formats.js';
import { paths } from '../platform/http/paths.js';
import type { CaseTask, MyCase } from '../modules/caseloads/caseload.js';
import type { OrderReviewDue } from '../modules/scra/supervisionOrder.js';
import { presentReviewsDue } from '../modules/scra/supervisionOrderPanels.js';

/** A case opened this many days ago or less is a new allocation. */
export const newAllocationDays = 14;
/** Visits and tasks due within this many days are on the page. */
export const dueWithinDays = 7;

export interface Today {
  cases: MyCase[];
  tasks: CaseTask[];
  reviews: OrderReviewDue[];
  drafts: { formPath: string; savedAt: Date }[];
}

/**
 * @example presentToday({ cases: [], tasks: [], reviews: [], drafts: [] }, '2026-12-02').due // []
 */
export function presentToday(today: Today, on: string) {
  const childOf = new Map(today.cases.map((k) => [k.caseId, k.childId]));
  const weekAhead = addDays(on, dueWithinDays);
  const myChildren = new Set(today.cases.map((k) => k.childId));
  return {
    due: today.tasks
      .filter((t) => t.dueDate <= weekAhead)
      .map((t) => ({
        child: t.childName,
        childHref: childOf.has(t.caseId) ? paths.children.show({ childId: childOf.get(t.caseId)! }) : undefined,
        kind: t.kind === 'visit' ? 'Visit' : 'Task',
        description: t.description,
        due: longDateOf(t.dueDate),
        status: t.dueDate < on ? 'Overdue' : t.dueDate === on ? 'Due today' : 'Due this week',
        overdue: t.dueDate < on,
      })),
    reviews: presentReviewsDue(today.reviews.filter((r) => myChildren.has(r.childId)), on),
    allocations: today.cases
      .filter((k) => k.openedDate >= addDays(on, -newAllocationDays))
      .map((k) => ({ child: k.childName, href: paths.children.show({ childId: k.childId }), team: k.team ?? 'Not recorded', opened: longDateOf(k.openedDate) })),
    // A draft's path is the form's own page (a GET there gives the draft back); anything else is not linked.
    drafts: today.drafts.filter((d) => /^\/[A-Za-z0-9]/.test(d.formPath)).map((d) => ({ href: d.formPath, kept: dateTimeOf(d.savedAt) })),
    myWorkHref: paths.caseloads.mine(),
  };
}

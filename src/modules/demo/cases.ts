/** @module Cases: a child's stretches of involvement merged into one case each, given to a team and a worker. */
import { workersByTeam, teams, type TeamKey } from './authority.js';
import type { DemoChild } from './children.js';
import { addYears, ageOn, type Day } from './dates.js';
import type { Involvement } from './referrals.js';
import type { Random } from '../../platform/random/seededRandom.js';

export interface CaseModel {
  child: DemoChild;
  team: string;
  workerId: string;
  opened: Day;
  closed: Day | null;
}

/** When involvements of different kinds merge, the case sits with the team of the weightiest. */
const priority: Readonly<Record<Involvement['kind'], number>> = {
  looked_after: 5, protection: 4, family_first: 3, disability: 2, assessment: 1,
};

/** Involvements this close together are one case. */
const mergeGapDays = 14;

function teamFor(kind: Involvement['kind'], child: DemoChild, closed: Day | null, today: Day): TeamKey {
  switch (kind) {
    case 'family_first': return 'familyFirst';
    case 'disability': return 'disabilities';
    case 'looked_after': return ageOn(child.dateOfBirth, closed ?? today) >= 15 ? 'throughcare' : child.cluster.areaTeam;
    default: return child.cluster.areaTeam;
  }
}

/**
 * Merge each child's involvements into cases; a case closes at 18 at the latest, and one still open on
 * `today` has no closed date.
 * @example const cases = casesFromInvolvements(createRandom(2021, 'cases'), involvements, day('2022-10-31'))
 */
export function casesFromInvolvements(random: Random, involvements: readonly Involvement[], today: Day): CaseModel[] {
  const byChild = new Map<DemoChild, Involvement[]>();
  for (const involvement of involvements) {
    const { child } = involvement;
    const eighteenth = addYears(child.dateOfBirth, 18);
    const start = Math.max(involvement.start, child.dateOfBirth);
    let end = involvement.end;
    if (eighteenth <= today && (end === null || end > eighteenth)) end = eighteenth;
    if (start > today || (end !== null && end <= start)) continue;
    const list = byChild.get(child) ?? [];
    list.push({ ...involvement, start, end });
    byChild.set(child, list);
  }

  const cases: CaseModel[] = [];
  for (const [child, list] of byChild) {
    list.sort((a, b) => a.start - b.start);
    let current: Involvement | undefined;
    const close = (merged: Involvement) => {
      const team = teamFor(merged.kind, child, merged.end, today);
      const workerId = team === 'familyFirst' && merged.workerId ? merged.workerId : random.pick(workersByTeam[team]);
      cases.push({ child, team: teams[team], workerId, opened: merged.start, closed: merged.end });
    };
    for (const next of list) {
      if (current && (current.end === null || next.start <= current.end + mergeGapDays)) {
        const end = current.end === null || next.end === null ? null : Math.max(current.end, next.end);
        const weightier = priority[next.kind] > priority[current.kind];
        current = { ...current, end, kind: weightier ? next.kind : current.kind, workerId: weightier ? next.workerId : current.workerId };
      } else {
        if (current) close(current);
        current = next;
      }
    }
    if (current) close(current);
  }
  return cases;
}

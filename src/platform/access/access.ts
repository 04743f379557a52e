/**
 * @module The one place that answers "may this person…?": permissions, which children they may open by
 * name, and whose team work they oversee — all read from their role's entry in roles.ts.
 */
import type { Permission } from './permissions.js';
import { roleDefinition } from './roles.js';
import type { SignedInUser } from './user.js';

/** @example may(user, 'audit:search') // false for a practitioner */
export function may(user: Pick<SignedInUser, 'role'> | undefined, permission: Permission): boolean {
  return !!user && roleDefinition(user.role).permissions.includes(permission);
}

/** Which children's records a person may open by name (least privilege). */
export type ChildScope =
  | { kind: 'all' }
  | { kind: 'team'; team: string }
  | { kind: 'caseload'; workerId: string | null; team: string | null }
  | { kind: 'none' };

/**
 * @example childScope({ role: 'practitioner', workerId: 'W1', team: 'Family First', … })
 * // { kind: 'caseload', workerId: 'W1', team: 'Family First' }
 */
export function childScope(user: SignedInUser): ChildScope {
  switch (roleDefinition(user.role).children) {
    case 'all':
      return { kind: 'all' };
    case 'team':
      return user.team ? { kind: 'team', team: user.team } : { kind: 'none' };
    case 'caseloadAndTeam':
      return user.workerId || user.team ? { kind: 'caseload', workerId: user.workerId, team: user.team } : { kind: 'none' };
    case 'none':
      return { kind: 'none' };
  }
}

/**
 * The teams whose work a person oversees: every team, their own, or none.
 * @example teamsOverseen({ role: 'service_manager', … }) // { all: true }
 */
export function teamsOverseen(user: SignedInUser): { all: true } | { team: string } | undefined {
  const reach = roleDefinition(user.role).teams;
  if (reach === 'all') return { all: true };
  if (reach === 'own' && user.team) return { team: user.team };
  return undefined;
}

/**
 * Whether a person's reach covers work sent to `team` (a referral before it is allocated).
 * @example overseesTeam({ role: 'team_manager', team: 'Family First', … }, 'Family First') // true
 */
export function overseesTeam(user: SignedInUser, team: string): boolean {
  const teams = teamsOverseen(user);
  return !!teams && ('all' in teams || teams.team === team);
}

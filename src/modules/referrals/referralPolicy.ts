/** @module Who may see and work a referral before it is allocated: the receiving team, and service managers. */
import type { SignedInUser } from '../../platform/access/user.js';

/**
 * A referral belongs to the team it was sent to until it is allocated; after that the child's case decides.
 * @example mayWorkReferral({ role: 'team_manager', team: 'Family First', … }, { team: 'Family First' }) // true
 */
export function mayWorkReferral(user: SignedInUser, referral: { team: string }): boolean {
  if (user.role === 'service_manager') return true;
  if (user.role === 'team_manager' || user.role === 'practitioner') return user.team !== null && user.team === referral.team;
  return false;
}

/**
 * Whose tray a person sees: their own team's, or every team's for a service manager; none otherwise.
 * @example trayTeam({ role: 'service_manager', … }) // { all: true }
 */
export function trayTeam(user: SignedInUser): { all: true } | { team: string } | undefined {
  if (user.role === 'service_manager') return { all: true };
  if (user.role === 'team_manager' && user.team) return { team: user.team };
  return undefined;
}

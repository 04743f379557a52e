/** @module Which children's records a person may see, by role (least privilege). */
import type { SignedInUser } from './user.js';
import type { ChildScope } from '../../modules/children/child.js';

/**
 * @example childScope({ role: 'practitioner', workerId: 'W1', team: 'Family First', … })
 * // { kind: 'caseload', workerId: 'W1', team: 'Family First' }
 */
export function childScope(user: SignedInUser): ChildScope {
  switch (user.role) {
    case 'service_manager':
      return { kind: 'all' };
    case 'team_manager':
      return user.team ? { kind: 'team', team: user.team } : { kind: 'none' };
    case 'practitioner':
      return user.workerId || user.team ? { kind: 'caseload', workerId: user.workerId, team: user.team } : { kind: 'none' };
    case 'analyst':
    case 'admin':
      return { kind: 'none' };
  }
}

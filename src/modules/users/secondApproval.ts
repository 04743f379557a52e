/**
 * @module Which roles need a second administrator to grant (issue 16 item 4, ADR 0043): those that reach every child's
 * record or manage accounts. Read from the roles' definitions, so no role is named here and a council's own role
 * follows the same rule.
 */
import { roleDefinition } from '../../platform/access/roles.js';

/**
 * True when granting `role` waits for a second administrator's approval.
 * @example needsSecondApproval(role) // true for a role that reaches every child or manages accounts
 */
export function needsSecondApproval(role: string): boolean {
  const definition = roleDefinition(role);
  return definition.children === 'all' || definition.teams === 'all' || definition.permissions.includes('user:manage');
}

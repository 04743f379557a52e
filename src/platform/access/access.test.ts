import { describe, expect, it } from 'vitest';
import { childScope, may, overseesTeam, teamsOverseen } from './access.js';
import { addRole, isRole, removeRole, roleDefinition, roleKeys, roleName, rolesWith, type Role } from './roles.js';
import { permissions } from './permissions.js';
import type { SignedInUser } from './user.js';

const person = (role: Role, team: string | null = 'Family First', workerId: string | null = 'W1'): SignedInUser =>
  ({ userId: 'u', username: 'u', displayName: 'U', role, team, workerId });

describe('roles and permissions, read from one entry per role', () => {
  it('grants each built-in role what ADR 0003 and 0008 describe', () => {
    expect(may(person('practitioner'), 'child:view')).toBe(true);
    expect(may(person('practitioner'), 'referral:manage')).toBe(false);
    expect(may(person('team_manager'), 'child:merge')).toBe(true);
    expect(may(person('analyst'), 'child:view')).toBe(false);
    expect(may(person('admin'), 'audit:search')).toBe(true);
    expect(may(person('admin'), 'child:search')).toBe(false);
    expect(may(undefined, 'child:search')).toBe(false);
  });

  it('grants only permissions that exist, and every permission to some role', () => {
    const granted = new Set(roleKeys().flatMap((role) => roleDefinition(role).permissions));
    for (const permission of granted) expect(permissions).toContain(permission);
    for (const permission of permissions) expect(granted.has(permission), permission).toBe(true);
  });

  it('works out which children and teams a person reaches', () => {
    expect(childScope(person('service_manager'))).toEqual({ kind: 'all' });
    expect(childScope(person('team_manager'))).toEqual({ kind: 'team', team: 'Family First' });
    expect(childScope(person('team_manager', null))).toEqual({ kind: 'none' });
    expect(childScope(person('practitioner'))).toEqual({ kind: 'caseload', workerId: 'W1', team: 'Family First' });
    expect(childScope(person('practitioner', null, null))).toEqual({ kind: 'none' });
    expect(childScope(person('analyst'))).toEqual({ kind: 'none' });
    expect(teamsOverseen(person('service_manager'))).toEqual({ all: true });
    expect(teamsOverseen(person('team_manager'))).toEqual({ team: 'Family First' });
    expect(teamsOverseen(person('admin'))).toBeUndefined();
    expect(overseesTeam(person('team_manager'), 'Family First')).toBe(true);
    expect(overseesTeam(person('team_manager'), 'Duty')).toBe(false);
    expect(overseesTeam(person('service_manager', null), 'Duty')).toBe(true);
  });

  it('lists the roles that grant a permission, for lists such as auditors and workers', () => {
    expect(rolesWith('quality:audit')).toEqual(['team_manager', 'service_manager']);
    expect(rolesWith('caseload:own')).toEqual(['practitioner', 'team_manager']);
  });

  it('takes back an added role, but never a built-in one', () => {
    addRole('night_duty', { name: 'Night duty', hint: 'Out of hours', permissions: ['quality:audit'], children: 'none', teams: 'none' });
    expect(rolesWith('quality:audit')).toEqual(['team_manager', 'service_manager', 'night_duty']);
    removeRole('night_duty');
    expect(isRole('night_duty')).toBe(false);
    expect(rolesWith('quality:audit')).toEqual(['team_manager', 'service_manager']);
    expect(() => removeRole('team_manager')).toThrow(/built in/);
    expect(isRole('team_manager')).toBe(true);
  });

  it('grants nothing to a role it does not know (deny by default)', () => {
    expect(isRole('chief_executive')).toBe(false);
    expect(may({ role: 'chief_executive' as Role }, 'child:view')).toBe(false);
    expect(childScope(person('chief_executive' as Role))).toEqual({ kind: 'none' });
    expect(roleName('team_manager')).toBe('Team manager');
  });
});

/**
 * @module The roles people hold, each one entry: its name, the permissions it grants and how far its reach
 * goes. Everything else asks `may` and the reaches (access.ts); no other file names a role.
 */
import type { Permission } from './permissions.js';

/** Which children's records a role may open by name. */
export type ChildReach = 'all' | 'team' | 'caseloadAndTeam' | 'none';
/** Whose team work (referrals before allocation, caseloads) a role oversees: every team's, their own team's, or none. */
export type TeamReach = 'all' | 'own' | 'none';

export interface RoleDefinition {
  /** As people read it: "Team manager". */
  name: string;
  /** What the role may do, in a line, so an administrator chooses knowingly. */
  hint: string;
  permissions: readonly Permission[];
  children: ChildReach;
  teams: TeamReach;
}

const practitioner: RoleDefinition = {
  name: 'Practitioner',
  hint: 'Finds children and sees their records',
  permissions: ['child:search', 'child:view', 'child:record', 'care:record', 'referral:record', 'familyFirst:work', 'safety:view', 'safety:record', 'caseload:own'],
  children: 'caseloadAndTeam',
  teams: 'own',
};

const teamManager: RoleDefinition = {
  name: 'Team manager',
  hint: 'As a practitioner, and sees the service’s figures',
  permissions: ['child:search', 'child:view', 'child:record', 'figures:view', 'care:record', 'care:book', 'protection:register', 'commissioning:view', 'commissioning:manage', 'resources:view', 'resources:manage', 'referral:record', 'referral:manage', 'familyFirst:work', 'clusters:view', 'clusters:children', 'safety:view', 'safety:record', 'caseload:own', 'caseload:team', 'child:merge', 'quality:audit', 'quality:view', 'training:view', 'dataQuality:view', 'dataQuality:mark'],
  children: 'team',
  teams: 'own',
};

const serviceManager: RoleDefinition = {
  name: 'Service manager',
  hint: 'As a team manager; investigates the audit trail (search words and free text included) and restricts records to named people',
  permissions: ['audit:search', 'audit:readFreeText', 'child:search', 'child:view', 'child:record', 'figures:view', 'care:record', 'care:book', 'protection:register', 'commissioning:view', 'commissioning:manage', 'resources:view', 'resources:manage', 'referral:record', 'referral:manage', 'familyFirst:work', 'clusters:view', 'clusters:children', 'safety:view', 'safety:record', 'report:build', 'benchmarks:import', 'caseload:team', 'child:merge', 'quality:lead', 'quality:audit', 'quality:view', 'training:record', 'training:view', 'child:restrict', 'dataQuality:view', 'dataQuality:mark', 'returns:build'],
  children: 'all',
  teams: 'all',
};

/** Analysts see aggregate figures only, never a named child. */
const analyst: RoleDefinition = {
  name: 'Analyst',
  hint: 'Sees the service’s figures only, never a named child',
  permissions: ['figures:view', 'clusters:view', 'report:build', 'benchmarks:import', 'quality:view', 'training:view', 'dataQuality:view', 'returns:build'],
  children: 'none',
  teams: 'none',
};

/** Administrators run the system and its audit trail; they do not browse children's records. */
const admin: RoleDefinition = {
  name: 'Administrator',
  hint: 'Manages accounts and reference lists, and searches the audit trail; does not see children’s records',
  permissions: ['audit:search', 'user:manage', 'lists:manage', 'training:record', 'training:view'],
  children: 'none',
  teams: 'none',
};

const builtIn = { practitioner, team_manager: teamManager, service_manager: serviceManager, analyst, admin } as const;

/** A role's key as stored on the account. */
export type Role = keyof typeof builtIn;

/** Every role, in the order forms list them; a role added with `addRole` joins the end. */
const definitions = new Map<string, RoleDefinition>(Object.entries(builtIn));

/** The role keys, in order. */
export function roleKeys(): Role[] {
  return [...definitions.keys()] as Role[];
}

/** @example isRole('team_manager') // true */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && definitions.has(value);
}

/** The role's definition; an unknown role has no permissions and no reach (deny by default). */
export function roleDefinition(role: string): RoleDefinition {
  return definitions.get(role) ?? { name: role, hint: '', permissions: [], children: 'none', teams: 'none' };
}

/** @example roleName('team_manager') // 'Team manager' */
export function roleName(role: string): string {
  return roleDefinition(role).name;
}

/**
 * The roles that grant a permission, e.g. who may be chosen as a case file auditor.
 * @example rolesWith('quality:audit') // ['team_manager', 'service_manager']
 */
export function rolesWith(permission: Permission): Role[] {
  return roleKeys().filter((role) => roleDefinition(role).permissions.includes(permission));
}

/**
 * Add a role: one entry is all it takes, and every page, service and list follows it. A council's own
 * role is added here at start-up (the built-in ones are above); tests use it to prove that.
 * @example addRole('quality_lead', { name: 'Quality lead', hint: 'Sees practice quality', permissions: ['quality:view'], children: 'none', teams: 'none' })
 */
export function addRole(key: string, definition: RoleDefinition): void {
  if (definitions.has(key)) throw new Error(`The role ${key} already exists`);
  if (!/^[a-z][a-z_]{1,39}$/.test(key)) throw new Error(`A role key is lower-case letters and underscores: ${key}`);
  definitions.set(key, definition);
}

/**
 * Take back a role added with `addRole` (a built-in role cannot be removed). Test files that add a role take it back
 * when they end: files share their worker's loaded modules (ADR 0057), so a role left behind would join the next
 * file's lists.
 * @example removeRole('quality_lead')
 */
export function removeRole(key: string): void {
  if (Object.hasOwn(builtIn, key)) throw new Error(`The role ${key} is built in and cannot be removed`);
  definitions.delete(key);
}

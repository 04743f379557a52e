/**
 * @module Who may do what, as resource × action permissions per role. Routes name the permission they
 * need; a route that names none is refused (deny by default).
 */
import type { Role, SignedInUser } from './user.js';

export const permissions = [
  'child:search',
  'child:view',
  'audit:search',
  'user:manage',
  'figures:view',
  // Issue 5: recording care for a child one may access; the register, commissioning and resource pages and booking places are for managers.
  'care:record',
  'care:book',
  'protection:register',
  'commissioning:view',
  'resources:view',
  // Issue 3: referrals (record; manage = tray, decide, allocate), Family First work, the cluster page and its lists of children.
  'referral:record',
  'referral:manage',
  'familyFirst:work',
  'clusters:view',
  'clusters:children',
  'caseload:own',
  'caseload:team',
  'child:merge',
  // Issue 4: Signs of Safety maps, scaling, plans and the child's voice, for children one may access.
  'safety:view',
  'safety:record',
  // Issue 6: building the board report (published figures) is for service managers and analysts; dashboards need figures:view.
  'report:build',
  'benchmarks:import',
  // Issue 7: practice quality. The quality lead (a service manager) runs audit rounds, surveys and the quality report;
  // auditors grade the files allocated to them; training is recorded by the quality lead and administrators.
  'quality:lead',
  'quality:audit',
  'quality:view',
  'training:record',
  'training:view',
] as const;
export type Permission = (typeof permissions)[number];

const granted: Record<Role, readonly Permission[]> = {
  practitioner: ['child:search', 'child:view', 'care:record', 'referral:record', 'familyFirst:work', 'safety:view', 'safety:record', 'caseload:own'],
  team_manager: ['child:search', 'child:view', 'figures:view', 'care:record', 'care:book', 'protection:register', 'commissioning:view', 'resources:view', 'referral:record', 'referral:manage', 'familyFirst:work', 'clusters:view', 'clusters:children', 'safety:view', 'safety:record', 'caseload:own', 'caseload:team', 'child:merge', 'quality:audit', 'quality:view', 'training:view'],
  service_manager: ['child:search', 'child:view', 'figures:view', 'care:record', 'care:book', 'protection:register', 'commissioning:view', 'resources:view', 'referral:record', 'referral:manage', 'familyFirst:work', 'clusters:view', 'clusters:children', 'safety:view', 'safety:record', 'report:build', 'benchmarks:import', 'caseload:team', 'child:merge', 'quality:lead', 'quality:audit', 'quality:view', 'training:record', 'training:view'],
  // Analysts see aggregate figures only, never a named child.
  analyst: ['figures:view', 'clusters:view', 'report:build', 'benchmarks:import', 'quality:view', 'training:view'],
  // Administrators run the system and its audit trail; they do not browse children's records.
  admin: ['audit:search', 'user:manage', 'training:record', 'training:view'],
};

/** @example may(user, 'audit:search') // false for a practitioner */
export function may(user: SignedInUser | undefined, permission: Permission): boolean {
  return !!user && granted[user.role].includes(permission);
}

/** What a route needs: a permission, or `public` for pages anyone may reach (sign-in, assets, health). */
export type RouteAccess = { permission: Permission } | { public: true } | { signedIn: true };

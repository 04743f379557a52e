/**
 * @module Who may do what, as resource × action permissions per role. Routes name the permission they
 * need; a route that names none is refused (deny by default).
 */
import type { Role, SignedInUser } from '../modules/users/user.js';

export const permissions = [
  'child:search',
  'child:view',
  'audit:search',
  'user:manage',
  'figures:view',
] as const;
export type Permission = (typeof permissions)[number];

const granted: Record<Role, readonly Permission[]> = {
  practitioner: ['child:search', 'child:view'],
  team_manager: ['child:search', 'child:view', 'figures:view'],
  service_manager: ['child:search', 'child:view', 'figures:view'],
  // Analysts see aggregate figures only, never a named child.
  analyst: ['figures:view'],
  // Administrators run the system and its audit trail; they do not browse children's records.
  admin: ['audit:search', 'user:manage'],
};

/** @example may(user, 'audit:search') // false for a practitioner */
export function may(user: SignedInUser | undefined, permission: Permission): boolean {
  return !!user && granted[user.role].includes(permission);
}

/** What a route needs: a permission, or `public` for pages anyone may reach (sign-in, assets, health). */
export type RouteAccess = { permission: Permission } | { public: true } | { signedIn: true };

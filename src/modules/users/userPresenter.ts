/** @module View models for the users pages: the accounts table, and the new account form's values. */
import { roleNames, roles, type Role } from '../../platform/access/user.js';
import type { UserRecord } from './userRepository.js';

/** One row of the accounts table. */
export interface AccountRow {
  username: string;
  displayName: string;
  roleName: string;
  team: string;
  workerId: string;
  signsInWith: string;
  locked: boolean;
  disabled: boolean;
}

/**
 * Accounts as the administrators' table shows them.
 * @example accountRows(await users.list())[0].roleName // 'Administrator'
 */
export function accountRows(accounts: readonly UserRecord[], now: Date = new Date()): AccountRow[] {
  return accounts.map((account) => ({
    username: account.username,
    displayName: account.displayName,
    roleName: roleNames[account.role],
    team: account.team ?? '',
    workerId: account.workerId ?? '',
    signsInWith: [account.passwordHash ? 'Password' : '', account.oidcSubject ? 'Council account' : ''].filter(Boolean).join(' and ') || 'Cannot sign in',
    locked: !!account.lockedUntil && account.lockedUntil > now,
    disabled: account.disabled,
  }));
}

/** The new account form's fields, in page order; the id of each input is its name. */
export const newAccountFields = ['username', 'displayName', 'role', 'team', 'workerId', 'password', 'confirmPassword', 'oidcSubject'] as const;
export type NewAccountField = (typeof newAccountFields)[number];

/** Fields that are shown again after a mistake or a restored draft; passwords never are. */
const redisplayed = ['username', 'displayName', 'role', 'team', 'workerId', 'oidcSubject'] as const;

/**
 * What to put back in the form: from a submitted body or a restored draft, text only, never a password.
 * @example formValues({ username: 'sam', password: 'secret' }) // { username: 'sam' }
 */
export function formValues(source: Record<string, unknown> | undefined): Partial<Record<NewAccountField, string>> {
  const values: Partial<Record<NewAccountField, string>> = {};
  if (!source) return values;
  for (const field of redisplayed) {
    const value = source[field];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string') values[field] = text;
  }
  return values;
}

/** What each role may do, in a line, so an administrator chooses knowingly (see web/policy.ts). */
const roleHints: Record<Role, string> = {
  practitioner: 'Finds children and sees their records',
  team_manager: 'As a practitioner, and sees the service’s figures',
  service_manager: 'As a team manager',
  analyst: 'Sees the service’s figures only, never a named child',
  admin: 'Manages accounts and searches the audit trail; does not see children’s records',
};

/**
 * The role radios, with the chosen one checked.
 * @example roleItems('analyst').find((item) => item.checked)?.text // 'Analyst'
 */
export function roleItems(chosen: string | undefined): { value: Role; text: string; hint: { text: string }; checked: boolean }[] {
  return roles.map((role) => ({ value: role, text: roleNames[role], hint: { text: roleHints[role] }, checked: role === chosen }));
}

/** @module View models for the users pages: the accounts table, and the new account form's values. */
import { paths } from '../../platform/http/paths.js';
import { roleDefinition, roleKeys, roleName, type Role } from '../../platform/access/roles.js';
import type { UserRecord } from './userRepository.js';
import { dateTimeOf } from '../../platform/dates/formats.js';

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
  /** When the account last signed in, as people read it, or "Never". */
  lastSignedIn: string;
  /** The account's own page. */
  href: string;
  /** Where an administrator ends every session of this account. */
  signOutEverywhereAction: string;
}

/**
 * When an account last signed in, as people read it.
 * @example lastSignedIn(null) // 'Never'
 */
export function lastSignedIn(moment: Date | null): string {
  return moment ? dateTimeOf(moment) : 'Never';
}

/**
 * Accounts as the administrators' table shows them.
 * @example accountRows(await users.list())[0].roleName // 'Administrator'
 */
export function accountRows(accounts: readonly UserRecord[], now: Date = new Date()): AccountRow[] {
  return accounts.map((account) => ({
    username: account.username,
    displayName: account.displayName,
    roleName: roleName(account.role),
    team: account.team ?? '',
    workerId: account.workerId ?? '',
    signsInWith: [account.passwordHash ? 'Password' : '', account.oidcSubject ? 'Council account' : ''].filter(Boolean).join(' and ') || 'Cannot sign in',
    locked: !!account.lockedUntil && account.lockedUntil > now,
    disabled: account.disabled,
    lastSignedIn: lastSignedIn(account.lastSignedInAt),
    href: paths.admin.user({ userId: account.userId }),
    signOutEverywhereAction: paths.admin.signOutEverywhere({ userId: account.userId }),
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

/**
 * The role radios, with the chosen one checked.
 * @example roleItems(account.role).find((item) => item.checked)?.text // the account's role, as people read it
 */
export function roleItems(chosen: string | undefined): { value: Role; text: string; hint: { text: string }; checked: boolean }[] {
  return roleKeys().map((role) => ({ value: role, text: roleName(role), hint: { text: roleDefinition(role).hint }, checked: role === chosen }));
}

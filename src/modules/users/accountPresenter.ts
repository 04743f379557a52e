/** @module View models for an account's page (issue 16 item 4): its details, its status, and a grant waiting for it. */
import { paths } from '../../platform/http/paths.js';
import { roleName } from '../../platform/access/roles.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import type { AccountDetails } from './accountService.js';
import type { PendingGrant } from './roleGrantRepository.js';
import { lastSignedIn } from './userPresenter.js';

/** A role grant waiting for a second administrator, as a page shows it. */
export interface GrantView {
  username: string;
  displayName: string;
  accountHref: string;
  currentRoleName: string;
  roleName: string;
  requestedByName: string;
  requestedAt: string;
  /** False for the administrator who asked: they may cancel it, never approve it. */
  canApprove: boolean;
  approveAction: string;
  cancelAction: string;
}

/** @example grantView(grant, admin.userId).canApprove // false when admin asked for it */
export function grantView(grant: PendingGrant, viewerId: string): GrantView {
  return {
    username: grant.username,
    displayName: grant.displayName,
    accountHref: paths.admin.user({ userId: grant.userId }),
    currentRoleName: roleName(grant.currentRole),
    roleName: roleName(grant.role),
    requestedByName: grant.requestedByName,
    requestedAt: dateTimeOf(grant.requestedAt),
    canApprove: grant.requestedBy !== viewerId && grant.userId !== viewerId,
    approveAction: paths.admin.approveGrant({ grantId: grant.grantId }),
    cancelAction: paths.admin.cancelGrant({ grantId: grant.grantId }),
  };
}

/** How an account stands now, in a word. */
export function accountStatus(details: AccountDetails, now: Date = new Date()): 'Disabled' | 'Locked' | 'Active' {
  if (details.account.disabled) return 'Disabled';
  return details.account.lockedUntil && details.account.lockedUntil > now ? 'Locked' : 'Active';
}

/**
 * The account's page: its summary rows (with the change links), status, waiting grant and actions.
 * @example accountPage(details, admin.userId).rows[0].key.text // 'Username'
 */
export function accountPage(details: AccountDetails, viewerId: string, now: Date = new Date()) {
  const { account } = details;
  const userId = account.userId;
  const change = (href: string, what: string) => ({ items: [{ href, text: 'Change', visuallyHiddenText: what }] });
  const row = (key: string, value: string, actions?: ReturnType<typeof change>) => ({ key: { text: key }, value: { text: value }, ...(actions ? { actions } : {}) });
  const ownAccount = userId === viewerId;
  return {
    username: account.username,
    displayName: account.displayName,
    status: accountStatus(details, now),
    rows: [
      row('Username', account.username),
      row('Full name', account.displayName),
      row('Role', roleName(account.role), ownAccount ? undefined : change(paths.admin.userRole({ userId }), 'role')),
      row('Team', account.team ?? 'No team', change(paths.admin.userTeam({ userId }), 'team')),
      row('Worker ID', account.workerId ?? 'None'),
      row('Signs in with', [account.passwordHash ? 'Password' : '', account.oidcSubject ? 'Council account' : ''].filter(Boolean).join(' and ') || 'Cannot sign in'),
      row('Last signed in', lastSignedIn(account.lastSignedInAt)),
      row('Open sessions', String(details.openSessions)),
    ],
    grant: details.pendingGrant && grantView(details.pendingGrant, viewerId),
    ownAccount,
    disabled: account.disabled,
    disableAction: paths.admin.disableUser({ userId }),
    enableAction: paths.admin.enableUser({ userId }),
    signOutEverywhereAction: paths.admin.signOutEverywhere({ userId }),
    lockedUntil: account.lockedUntil && account.lockedUntil > now ? dateTimeOf(account.lockedUntil) : undefined,
  };
}

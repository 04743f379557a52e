/**
 * @module The account lifecycle (issue 16 item 4): disable and enable, change role and team, and grants of the roles
 * that need a second administrator (ADR 0043). Each change is audited in its own transaction, and takes effect on the
 * account's next request: every request reads the account afresh (setUpAuthentication), and disabling also ends its
 * sessions at once.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { Actor } from '../../platform/access/user.js';
import { roleName, type Role } from '../../platform/access/roles.js';
import type { AuditService } from '../audit/auditService.js';
import type { UserRecord, UserRepository } from './userRepository.js';
import type { SessionRepository } from './sessionRepository.js';
import type { PendingGrant, RoleGrantRepository } from './roleGrantRepository.js';
import { needsSecondApproval } from './secondApproval.js';

/** What became of a change: done, waiting for a second administrator, nothing to do, refused (with why), or no such account. */
export type AccountChange =
  | { outcome: 'done'; account: UserRecord }
  | { outcome: 'waiting_for_approval'; account: UserRecord }
  | { outcome: 'unchanged'; account: UserRecord }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'not_found' };

/** An account as its page shows it: the record, a grant waiting for it, and how many sessions are open. */
export interface AccountDetails {
  account: UserRecord;
  pendingGrant: PendingGrant | undefined;
  openSessions: number;
}

const self = (actor: Actor, userId: string) => actor.kind === 'user' && actor.user.userId === userId;

/** @example const accounts = accountService(db, userRepository(), sessionRepository(), roleGrantRepository(), audit) */
export function accountService(db: Database, users: UserRepository, sessions: SessionRepository, grants: RoleGrantRepository, audit: AuditService) {
  /** Cancel a grant waiting for this account (superseded by a new role change), audited. */
  async function cancelWaiting(tx: Queryable, actor: Actor, account: UserRecord, why: string): Promise<void> {
    const waiting = await grants.pendingFor(tx, account.userId);
    if (!waiting) return;
    await grants.decide(tx, waiting.grantId, 'cancelled', actor.kind === 'user' ? actor.user.userId : null);
    await audit.record(actor, { action: 'user.role_grant_cancelled', subject: account.username, details: { userId: account.userId, role: waiting.role, why } }, tx);
  }

  return {
    async details(userId: string): Promise<AccountDetails | undefined> {
      const account = await users.findById(db, userId);
      if (!account) return undefined;
      return { account, pendingGrant: await grants.pendingFor(db, userId), openSessions: await sessions.openCount(db, userId) };
    },

    pendingGrants: () => grants.pending(db),

    /**
     * Disable an account: it cannot sign in, and every session it has ends now. Nobody disables their own account.
     * @example await accounts.disable({ kind: 'user', user: admin }, userId)
     */
    async disable(actor: Actor, userId: string): Promise<AccountChange> {
      if (self(actor, userId)) return { outcome: 'refused', reason: 'You cannot disable your own account' };
      return db.transaction(async (tx) => {
        const before = await users.findForUpdate(tx, userId);
        if (!before) return { outcome: 'not_found' };
        if (before.disabled) return { outcome: 'unchanged', account: before };
        const account = (await users.setDisabled(tx, userId, true))!;
        const ended = await sessions.endAllFor(tx, userId, 'account_disabled');
        await audit.record(actor, { action: 'user.disabled', subject: account.username, details: { userId } }, tx);
        await audit.record(actor, { action: 'user.sessions_ended', subject: userId, details: { userId, reason: 'account_disabled', ended } }, tx);
        return { outcome: 'done', account };
      });
    },

    /** Enable a disabled account: it may sign in again. */
    async enable(actor: Actor, userId: string): Promise<AccountChange> {
      return db.transaction(async (tx) => {
        const before = await users.findForUpdate(tx, userId);
        if (!before) return { outcome: 'not_found' };
        if (!before.disabled) return { outcome: 'unchanged', account: before };
        const account = (await users.setDisabled(tx, userId, false))!;
        await audit.record(actor, { action: 'user.enabled', subject: account.username, details: { userId } }, tx);
        return { outcome: 'done', account };
      });
    },

    /**
     * Change an account's role. A role that needs a second administrator waits as a grant when an administrator asks
     * for it; the operator at the command line (a system actor) is that second step, so theirs applies at once. Any
     * grant already waiting for the account is cancelled by a newer change. Nobody changes their own role.
     * @example await accounts.changeRole({ kind: 'user', user: admin }, userId, role) // waiting_for_approval for a role needing a second administrator
     */
    async changeRole(actor: Actor, userId: string, role: Role): Promise<AccountChange> {
      if (self(actor, userId)) return { outcome: 'refused', reason: 'You cannot change your own role: ask another administrator' };
      return db.transaction(async (tx) => {
        const before = await users.findForUpdate(tx, userId);
        if (!before) return { outcome: 'not_found' };
        const waiting = await grants.pendingFor(tx, userId);
        if (before.role === role && !waiting) return { outcome: 'unchanged', account: before };
        if (waiting?.role === role) return { outcome: 'waiting_for_approval', account: before };
        await cancelWaiting(tx, actor, before, `changed to ${roleName(role)}`);
        if (before.role === role) return { outcome: 'unchanged', account: before };
        if (actor.kind === 'user' && needsSecondApproval(role)) {
          await grants.request(tx, userId, role, actor.user.userId);
          await audit.record(actor, { action: 'user.role_grant_requested', subject: before.username, details: { userId, from: before.role, to: role } }, tx);
          return { outcome: 'waiting_for_approval', account: before };
        }
        const account = (await users.setRole(tx, userId, role))!;
        await audit.record(actor, { action: 'user.role_changed', subject: account.username, details: { userId, from: before.role, to: role } }, tx);
        return { outcome: 'done', account };
      });
    },

    /**
     * Approve a waiting grant: by an administrator other than the one who asked (and not for their own account), or
     * by the operator at the command line.
     * @example await accounts.approveGrant({ kind: 'user', user: secondAdmin }, grantId)
     */
    async approveGrant(actor: Actor, grantId: string): Promise<AccountChange> {
      return db.transaction(async (tx) => {
        const grant = await grants.pendingForUpdate(tx, grantId);
        if (!grant) return { outcome: 'not_found' };
        if (actor.kind === 'user' && actor.user.userId === grant.requestedBy) {
          return { outcome: 'refused', reason: 'You asked for this role, so another administrator must approve it' };
        }
        if (self(actor, grant.userId)) return { outcome: 'refused', reason: 'You cannot approve a role for your own account' };
        await grants.decide(tx, grantId, 'approved', actor.kind === 'user' ? actor.user.userId : null);
        const account = (await users.setRole(tx, grant.userId, grant.role))!;
        await audit.record(actor, { action: 'user.role_grant_approved', subject: account.username, details: { userId: grant.userId, role: grant.role, requestedBy: grant.requestedBy } }, tx);
        await audit.record(actor, { action: 'user.role_changed', subject: account.username, details: { userId: grant.userId, from: grant.currentRole, to: grant.role } }, tx);
        return { outcome: 'done', account };
      });
    },

    /** Cancel a waiting grant (anyone who manages accounts, including the one who asked); the role stays as it was. */
    async cancelGrant(actor: Actor, grantId: string): Promise<AccountChange> {
      return db.transaction(async (tx) => {
        const grant = await grants.pendingForUpdate(tx, grantId);
        if (!grant) return { outcome: 'not_found' };
        const account = (await users.findById(tx, grant.userId))!;
        await cancelWaiting(tx, actor, account, 'cancelled');
        return { outcome: 'done', account };
      });
    },

    /** Change an account's team (null: no team). */
    async changeTeam(actor: Actor, userId: string, team: string | null): Promise<AccountChange> {
      return db.transaction(async (tx) => {
        const before = await users.findForUpdate(tx, userId);
        if (!before) return { outcome: 'not_found' };
        if (before.team === team) return { outcome: 'unchanged', account: before };
        const account = (await users.setTeam(tx, userId, team))!;
        await audit.record(actor, { action: 'user.team_changed', subject: account.username, details: { userId, from: before.team, to: team } }, tx);
        return { outcome: 'done', account };
      });
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;

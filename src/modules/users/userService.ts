/** @module Account use cases: create accounts, check a password sign-in with lockout, sign in with single sign-on. */
import type { Database } from '../../db/database.js';
import type { Config } from '../../platform/config.js';
import type { AuditService } from '../audit/auditService.js';
import type { Actor, SignedInUser } from '../../platform/access/user.js';
import type { Role } from '../../platform/access/roles.js';
import type { UserRecord, UserRepository } from './userRepository.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { sessionHashOf } from './sessionService.js';

/** A new account's details, as an administrator or `cairn users add` gives them. */
export interface AccountDetails {
  username: string;
  displayName: string;
  role: Role;
  team?: string | null;
  workerId?: string | null;
  password?: string;
  oidcSubject?: string | null;
}

/** Details that another account already has, so a new account cannot. */
export type AccountClash = 'username' | 'workerId' | 'oidcSubject';

/**
 * A locked, disabled or unknown account answers exactly as a wrong password does (issue 16 item 11): the page must
 * not tell a guesser which usernames exist or which are locked.
 */
export type SignInResult = { outcome: 'signed_in'; user: SignedInUser } | { outcome: 'wrong_details' };

/** Why a password sign-in failed, kept in the audit trail only (never shown). */
type FailedBecause = 'unknown_account' | 'no_password' | 'disabled' | 'locked' | 'wrong_password';

// Hash checked when the username is unknown, so a wrong username costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/**
 * The account as the rest of the code sees a signed-in person: no password hash or lockout state.
 * @example request.user = toSignedInUser(record)
 */
export function toSignedInUser(user: UserRecord): SignedInUser {
  return {
    userId: user.userId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    team: user.team,
    workerId: user.workerId,
  };
}

/**
 * Account use cases over one database.
 * @example const users = userService(db, userRepository(), audit, config); await users.signIn('sam', '…')
 */
export function userService(db: Database, repository: UserRepository, audit: AuditService, config: Pick<Config, 'signInMaxFailures' | 'signInLockoutMinutes'>) {
  return {
    /**
     * Create a local account, or update the one with that username (the demo, tests, and `cairn users add --update`,
     * which asks first): a password left out keeps the account's own. Audited as created or updated.
     * @example await users.add(actor, { username: 'sam', displayName: 'Sam Reid', role, password: '…' })
     */
    async add(actor: Actor, input: AccountDetails): Promise<SignedInUser> {
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password);
        if (problem) throw new Error(problem);
      }
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const existed = await repository.findForUpdateByUsername(tx, input.username);
        const user = await repository.upsert(tx, { ...input, passwordHash });
        const details = existed
          ? { role: user.role, team: user.team, from: { role: existed.role, team: existed.team }, passwordChanged: passwordHash !== null }
          : { role: user.role, team: user.team };
        await audit.record(actor, { action: existed ? 'user.updated' : 'user.created', subject: user.username, details }, tx);
        return toSignedInUser(user);
      });
    },

    /**
     * Create a new account, refusing details another account already has (never overwriting it).
     * @example const result = await users.create(actor, details); if ('clashes' in result) showErrors(result.clashes)
     */
    async create(actor: Actor, input: AccountDetails): Promise<{ created: SignedInUser } | { clashes: AccountClash[] }> {
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password);
        if (problem) throw new Error(problem);
      }
      const clashes: AccountClash[] = [];
      if (await repository.findByUsername(db, input.username)) clashes.push('username');
      if (input.workerId && (await repository.findByWorkerId(db, input.workerId))) clashes.push('workerId');
      if (input.oidcSubject && (await repository.findByOidcSubject(db, input.oidcSubject))) clashes.push('oidcSubject');
      if (clashes.length) return { clashes };
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const user = await repository.insert(tx, { ...input, passwordHash });
        await audit.record(actor, { action: 'user.created', subject: user.username, details: { role: user.role, team: user.team } }, tx);
        return { created: toSignedInUser(user) };
      });
    },

    /**
     * The account a single sign-on subject belongs to, or undefined (audited as a failed sign-in).
     * @example const user = await users.signInWithOidc(claims.sub)
     */
    async signInWithOidc(subject: string): Promise<SignedInUser | undefined> {
      const user = await repository.findByOidcSubject(db, subject);
      if (!user || user.disabled) {
        await audit.record({ kind: 'system', name: 'sign-in' }, { action: 'user.sign_in_failed', subject: subject.slice(0, 64), details: { method: 'oidc' } });
        return undefined;
      }
      const signedIn = toSignedInUser(user);
      await repository.recordSignedIn(db, user.userId);
      await audit.record({ kind: 'user', user: signedIn }, { action: 'user.signed_in', details: { method: 'oidc' } });
      return signedIn;
    },

    /**
     * Check a username and password; counts failures and locks the account after too many. Every failure costs one
     * argon2 verification, whatever the reason — a decoy hash for an unknown account or one without a password, the
     * account's own hash (result ignored) when it is locked or disabled — so the time taken does not tell them apart.
     */
    async signIn(username: string, password: string): Promise<SignInResult> {
      const user = await repository.findByUsername(db, username.trim());
      const failed = async (because: FailedBecause, subject: string): Promise<SignInResult> => {
        await audit.record({ kind: 'system', name: 'sign-in' }, { action: 'user.sign_in_failed', subject: subject.slice(0, 64), details: { method: 'password', because } });
        return { outcome: 'wrong_details' };
      };
      if (!user || !user.passwordHash) {
        decoyHash ??= hashPassword('decoy password for timing');
        await verifyPassword(await decoyHash, password);
        return failed(user ? 'no_password' : 'unknown_account', username);
      }
      const matches = await verifyPassword(user.passwordHash, password);
      if (user.disabled) return failed('disabled', user.username);
      if (user.lockedUntil && user.lockedUntil > new Date()) return failed('locked', user.username);
      if (!matches) {
        await repository.recordFailedSignIn(db, user.userId, config.signInMaxFailures, config.signInLockoutMinutes);
        return failed('wrong_password', user.username);
      }
      await repository.recordSuccessfulSignIn(db, user.userId);
      const signedIn = toSignedInUser(user);
      await audit.record({ kind: 'user', user: signedIn }, { action: 'user.signed_in', details: { method: 'password' } });
      return { outcome: 'signed_in', user: signedIn };
    },
    /** Any account by id, disabled or not (for administrators' pages). */
    async findAccount(userId: string): Promise<{ userId: string; username: string } | undefined> {
      const user = await repository.findById(db, userId);
      return user && { userId: user.userId, username: user.username };
    },

    async findById(userId: string): Promise<SignedInUser | undefined> {
      const user = await repository.findById(db, userId);
      return user && !user.disabled ? toSignedInUser(user) : undefined;
    },

    /**
     * The enabled account a session id belongs to, open or not: read alongside the session itself (issue 15 item 4),
     * which alone decides whether anyone is signed in.
     * @example const [session, account] = await Promise.all([sessions.resolve(id, { touch: true }), users.findBySession(id)])
     */
    async findBySession(sessionId: string): Promise<SignedInUser | undefined> {
      const user = await repository.findBySessionHash(db, sessionHashOf(sessionId));
      return user && !user.disabled ? toSignedInUser(user) : undefined;
    },

    async findByOidcSubject(subject: string): Promise<SignedInUser | undefined> {
      const user = await repository.findByOidcSubject(db, subject);
      return user && !user.disabled ? toSignedInUser(user) : undefined;
    },

    /** Any account by username, disabled or not (`cairn users add` refuses to overwrite one without --update). */
    async findAccountByUsername(username: string): Promise<UserRecord | undefined> {
      return repository.findByUsername(db, username);
    },
    count: () => repository.count(db),
    list: () => repository.list(db),
  };
}
export type UserService = ReturnType<typeof userService>;

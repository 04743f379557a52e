/** @module Account use cases: create accounts, check a password sign-in with lockout. */
import type { Database } from '../../db/database.js';
import type { Config } from '../../config.js';
import type { AuditService } from '../audit/auditService.js';
import type { Actor, Role, SignedInUser } from './user.js';
import type { UserRecord, UserRepository } from './userRepository.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

export type SignInResult =
  | { outcome: 'signed_in'; user: SignedInUser }
  | { outcome: 'wrong_details' }
  | { outcome: 'locked'; until: Date };

// Hash checked when the username is unknown, so a wrong username costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

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

export function userService(db: Database, repository: UserRepository, audit: AuditService, config: Pick<Config, 'signInMaxFailures' | 'signInLockoutMinutes'>) {
  return {
    /**
     * Create (or update) a local account with a password.
     * @example await users.add(actor, { username: 'sam', displayName: 'Sam Reid', role: 'practitioner', password: '…' })
     */
    async add(actor: Actor, input: { username: string; displayName: string; role: Role; team?: string | null; workerId?: string | null; password?: string; oidcSubject?: string | null }): Promise<SignedInUser> {
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password);
        if (problem) throw new Error(problem);
      }
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const user = await repository.upsert(tx, { ...input, passwordHash });
        await audit.record(actor, { action: 'user.created', subject: user.username, details: { role: user.role, team: user.team } }, tx);
        return toSignedInUser(user);
      });
    },

    /** Check a username and password; counts failures and locks the account after too many. */
    async signIn(username: string, password: string): Promise<SignInResult> {
      const user = await repository.findByUsername(db, username.trim());
      if (!user || !user.passwordHash || user.disabled) {
        decoyHash ??= hashPassword('decoy password for timing');
        await verifyPassword(await decoyHash, password);
        await audit.record({ kind: 'system', name: 'sign-in' }, { action: 'user.sign_in_failed', subject: username.slice(0, 64) });
        return { outcome: 'wrong_details' };
      }
      if (user.lockedUntil && user.lockedUntil > new Date()) {
        return { outcome: 'locked', until: user.lockedUntil };
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const after = await repository.recordFailedSignIn(db, user.userId, config.signInMaxFailures, config.signInLockoutMinutes);
        await audit.record({ kind: 'system', name: 'sign-in' }, { action: 'user.sign_in_failed', subject: user.username });
        if (after.lockedUntil && after.lockedUntil > new Date()) return { outcome: 'locked', until: after.lockedUntil };
        return { outcome: 'wrong_details' };
      }
      await repository.recordSuccessfulSignIn(db, user.userId);
      const signedIn = toSignedInUser(user);
      await audit.record({ kind: 'user', user: signedIn }, { action: 'user.signed_in', details: { method: 'password' } });
      return { outcome: 'signed_in', user: signedIn };
    },

    async findById(userId: string): Promise<SignedInUser | undefined> {
      const user = await repository.findById(db, userId);
      return user && !user.disabled ? toSignedInUser(user) : undefined;
    },

    async findByOidcSubject(subject: string): Promise<SignedInUser | undefined> {
      const user = await repository.findByOidcSubject(db, subject);
      return user && !user.disabled ? toSignedInUser(user) : undefined;
    },

    count: () => repository.count(db),
    list: () => repository.list(db),
  };
}
export type UserService = ReturnType<typeof userService>;

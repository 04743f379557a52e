/** @module SQL for user accounts. */
import type { Queryable } from '../../db/database.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { Role } from '../../platform/access/roles.js';

export interface UserRecord extends SignedInUser {
  passwordHash: string | null;
  oidcSubject: string | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  disabled: boolean;
  /** When the account last signed in, by either method (migration 0075). */
  lastSignedInAt: Date | null;
}

interface UserRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  team: string | null;
  worker_id: string | null;
  password_hash: string | null;
  oidc_subject: string | null;
  failed_sign_ins: number;
  locked_until: Date | null;
  disabled: boolean;
  last_signed_in_at: Date | null;
}

function toUser(row: UserRow): UserRecord {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    team: row.team,
    workerId: row.worker_id,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until && new Date(row.locked_until),
    disabled: row.disabled,
    lastSignedInAt: row.last_signed_in_at && new Date(row.last_signed_in_at),
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  team?: string | null;
  workerId?: string | null;
  passwordHash?: string | null;
  oidcSubject?: string | null;
}

export function userRepository() {
  return {
    async findByUsername(db: Queryable, username: string): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('select * from users where username = $1', [username.toLowerCase()]);
      return rows[0] && toUser(rows[0]);
    },

    async findById(db: Queryable, userId: string): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('select * from users where user_id = $1', [userId]);
      return rows[0] && toUser(rows[0]);
    },

    /** The account a session (by its hash) belongs to, whether or not the session is still open. */
    async findBySessionHash(db: Queryable, sessionHash: string): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>(
        `select u.user_id, u.username, u.display_name, u.role, u.team, u.worker_id, u.password_hash, u.oidc_subject, u.failed_sign_ins,
                u.locked_until, u.disabled, u.last_signed_in_at
           from sessions s join users u on u.user_id = s.user_id where s.session_hash = $1`,
        [sessionHash],
        { prepared: true },
      );
      return rows[0] && toUser(rows[0]);
    },

    async findByOidcSubject(db: Queryable, subject: string): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('select * from users where oidc_subject = $1', [subject]);
      return rows[0] && toUser(rows[0]);
    },

    async findByWorkerId(db: Queryable, workerId: string): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('select * from users where worker_id = $1', [workerId]);
      return rows[0] && toUser(rows[0]);
    },

    /** Insert a new account; a clash on username, worker id or subject is a unique-constraint error. */
    async insert(db: Queryable, user: NewUser): Promise<UserRecord> {
      const rows = await db.query<UserRow>(
        `insert into users (username, display_name, role, team, worker_id, password_hash, oidc_subject)
         values ($1, $2, $3, $4, $5, $6, $7) returning *`,
        [user.username.toLowerCase(), user.displayName, user.role, user.team ?? null, user.workerId ?? null, user.passwordHash ?? null, user.oidcSubject ?? null],
      );
      return toUser(rows[0]!);
    },

    /** Insert or, for an existing username, update the account (used by `cairn users add` and the demo). */
    async upsert(db: Queryable, user: NewUser): Promise<UserRecord> {
      const rows = await db.query<UserRow>(
        `insert into users (username, display_name, role, team, worker_id, password_hash, oidc_subject)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (username) do update set display_name = excluded.display_name, role = excluded.role,
           team = excluded.team, worker_id = excluded.worker_id,
           password_hash = coalesce(excluded.password_hash, users.password_hash),
           oidc_subject = coalesce(excluded.oidc_subject, users.oidc_subject),
           failed_sign_ins = 0, locked_until = null
         returning *`,
        [user.username.toLowerCase(), user.displayName, user.role, user.team ?? null, user.workerId ?? null, user.passwordHash ?? null, user.oidcSubject ?? null],
      );
      return toUser(rows[0]!);
    },

    /**
     * Count a failed sign-in and lock the account at `maxFailures`. Failures decay: once a lockout has ended, or when the
     * last failure is older than the lockout window, counting starts again from this one.
     */
    async recordFailedSignIn(db: Queryable, userId: string, maxFailures: number, lockoutMinutes: number): Promise<UserRecord> {
      const rows = await db.query<UserRow>(
        `with counted as (
           select user_id,
             case when locked_until <= now() or last_failed_sign_in_at is null
                    or last_failed_sign_in_at <= now() - make_interval(secs => $3::double precision * 60)
                  then 1 else failed_sign_ins + 1 end as failures
           from users where user_id = $1
         )
         update users u set failed_sign_ins = c.failures, last_failed_sign_in_at = now(),
           locked_until = case when c.failures >= $2 then now() + make_interval(secs => $3::double precision * 60) else null end
         from counted c where u.user_id = c.user_id
         returning u.*`,
        [userId, maxFailures, lockoutMinutes],
      );
      return toUser(rows[0]!);
    },
    /** A password sign-in worked: failures are forgotten, and the time kept. */
    async recordSuccessfulSignIn(db: Queryable, userId: string): Promise<void> {
      await db.query('update users set failed_sign_ins = 0, locked_until = null, last_failed_sign_in_at = null, last_signed_in_at = now() where user_id = $1', [userId]);
    },
    /** A single sign-on worked: only the time is kept (password failures are the password's business). */
    async recordSignedIn(db: Queryable, userId: string): Promise<void> {
      await db.query('update users set last_signed_in_at = now() where user_id = $1', [userId]);
    },
    /** Disable or enable an account; the account as it is now, if there is one. */
    async setDisabled(db: Queryable, userId: string, disabled: boolean): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('update users set disabled = $2 where user_id = $1 returning *', [userId, disabled]);
      return rows[0] && toUser(rows[0]);
    },
    async setRole(db: Queryable, userId: string, role: Role): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('update users set role = $2 where user_id = $1 returning *', [userId, role]);
      return rows[0] && toUser(rows[0]);
    },
    async setTeam(db: Queryable, userId: string, team: string | null): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('update users set team = $2 where user_id = $1 returning *', [userId, team]);
      return rows[0] && toUser(rows[0]);
    },
    async findForUpdateByUsername(db: Queryable, username: string): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('select * from users where username = $1 for update', [username.toLowerCase()]);
      return rows[0] && toUser(rows[0]);
    },
    /** The account, locked against other changes until the transaction ends. */
    async findForUpdate(db: Queryable, userId: string): Promise<UserRecord | undefined> {
      const rows = await db.query<UserRow>('select * from users where user_id = $1 for update', [userId]);
      return rows[0] && toUser(rows[0]);
    },
    async count(db: Queryable): Promise<number> {
      const rows = await db.query<{ n: number }>('select count(*) as n from users');
      return rows[0]?.n ?? 0;
    },

    async list(db: Queryable): Promise<UserRecord[]> {
      const rows = await db.query<UserRow>('select * from users order by role, username');
      return rows.map(toUser);
    },
  };
}
export type UserRepository = ReturnType<typeof userRepository>;

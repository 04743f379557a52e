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
    lockedUntil: row.locked_until,
    disabled: row.disabled,
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

    async recordFailedSignIn(db: Queryable, userId: string, maxFailures: number, lockoutMinutes: number): Promise<UserRecord> {
      const rows = await db.query<UserRow>(
        `update users set failed_sign_ins = failed_sign_ins + 1,
           locked_until = case when failed_sign_ins + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end
         where user_id = $1 returning *`,
        [userId, maxFailures, lockoutMinutes],
      );
      return toUser(rows[0]!);
    },

    async recordSuccessfulSignIn(db: Queryable, userId: string): Promise<void> {
      await db.query('update users set failed_sign_ins = 0, locked_until = null where user_id = $1', [userId]);
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

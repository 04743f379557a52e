/** @module SQL for role grants waiting for a second administrator (migration 0076, ADR 0043). */
import type { Queryable } from '../../db/database.js';
import type { Role } from '../../platform/access/roles.js';

/** How a role grant ended (the role_grants.outcome CHECK repeats it): approved by a second administrator, or cancelled. */
export const grantOutcomes = ['approved', 'cancelled'] as const;
export type GrantOutcome = (typeof grantOutcomes)[number];

/** A grant still waiting, with who it is for and who asked. */
export interface PendingGrant {
  grantId: string;
  userId: string;
  username: string;
  displayName: string;
  currentRole: Role;
  role: Role;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
}

interface PendingRow {
  grant_id: string;
  user_id: string;
  username: string;
  display_name: string;
  current_role: Role;
  role: Role;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
}

const pendingSelect = `
  select g.grant_id, g.user_id, u.username, u.display_name, u.role as current_role, g.role, g.requested_by,
         r.display_name as requested_by_name, g.requested_at
  from role_grants g join users u on u.user_id = g.user_id join users r on r.user_id = g.requested_by
  where g.outcome is null`;

const toGrant = (row: PendingRow): PendingGrant => ({
  grantId: row.grant_id,
  userId: row.user_id,
  username: row.username,
  displayName: row.display_name,
  currentRole: row.current_role,
  role: row.role,
  requestedBy: row.requested_by,
  requestedByName: row.requested_by_name,
  requestedAt: new Date(row.requested_at),
});

export function roleGrantRepository() {
  return {
    /** Ask for a role; the caller has cancelled any grant already waiting for this account. */
    async request(db: Queryable, userId: string, role: Role, requestedBy: string): Promise<string> {
      const rows = await db.query<{ grant_id: string }>('insert into role_grants (user_id, role, requested_by) values ($1, $2, $3) returning grant_id', [userId, role, requestedBy]);
      return rows[0]!.grant_id;
    },
    async pending(db: Queryable): Promise<PendingGrant[]> {
      const rows = await db.query<PendingRow>(`${pendingSelect} order by g.requested_at, g.grant_id`);
      return rows.map(toGrant);
    },
    async pendingFor(db: Queryable, userId: string): Promise<PendingGrant | undefined> {
      const rows = await db.query<PendingRow>(`${pendingSelect} and g.user_id = $1`, [userId]);
      return rows[0] && toGrant(rows[0]);
    },
    /** A waiting grant, locked until the transaction ends so two administrators cannot both decide it. */
    async pendingForUpdate(db: Queryable, grantId: string): Promise<PendingGrant | undefined> {
      await db.query('select 1 from role_grants where grant_id = $1 for update', [grantId]);
      const rows = await db.query<PendingRow>(`${pendingSelect} and g.grant_id = $1`, [grantId]);
      return rows[0] && toGrant(rows[0]);
    },
    /** Approve or cancel a waiting grant; `decidedBy` is null for the operator at the command line. */
    async decide(db: Queryable, grantId: string, outcome: GrantOutcome, decidedBy: string | null): Promise<void> {
      await db.query('update role_grants set outcome = $2, decided_by = $3, decided_at = now() where grant_id = $1 and outcome is null', [grantId, outcome, decidedBy]);
    },
  };
}
export type RoleGrantRepository = ReturnType<typeof roleGrantRepository>;

/** @module SQL for the append-only audit trail. */
import type { Queryable } from '../../db/database.js';
import type { AuditEvent, AuditSearch, NewAuditEvent } from './auditEvent.js';

interface AuditRow {
  event_id: number;
  occurred_at: Date;
  user_id: string | null;
  actor: string;
  action: string;
  child_id: string | null;
  subject: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    eventId: row.event_id,
    occurredAt: row.occurred_at,
    userId: row.user_id,
    actor: row.actor,
    action: row.action,
    childId: row.child_id,
    subject: row.subject,
    reason: row.reason,
    details: row.details,
  };
}

export function auditRepository() {
  return {
    async append(db: Queryable, actor: { userId: string | null; name: string }, event: NewAuditEvent): Promise<void> {
      await db.query(
        `insert into audit_events (user_id, actor, action, child_id, subject, reason, details)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [actor.userId, actor.name, event.action, event.childId ?? null, event.subject ?? null, event.reason ?? null, JSON.stringify(event.details ?? {})],
      );
    },

    async search(db: Queryable, search: AuditSearch): Promise<{ events: AuditEvent[]; total: number }> {
      const where = `($1::text is null or child_id = $1)
        and ($2::text is null or actor = $2)
        and ($3::date is null or occurred_at >= $3::date)
        and ($4::date is null or occurred_at < ($4::date + 1))`;
      const params = [search.childId ?? null, search.actor ?? null, search.from ?? null, search.to ?? null];
      const [rows, counts] = await Promise.all([
        db.query<AuditRow>(
          `select * from audit_events where ${where} order by occurred_at desc, event_id desc limit $5 offset $6`,
          [...params, search.limit, search.offset],
        ),
        db.query<{ total: number }>(`select count(*) as total from audit_events where ${where}`, params),
      ]);
      return { events: rows.map(toEvent), total: counts[0]?.total ?? 0 };
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;

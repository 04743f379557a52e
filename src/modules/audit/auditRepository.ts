/** @module SQL for the append-only audit trail. */
import type { Queryable } from '../../db/database.js';
import type { AuditEvent, AuditSearch, NewAuditEvent } from './auditEvent.js';
import type { ChainedEvent } from './auditChain.js';

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

interface ChainRow {
  event_id: number;
  chain_position: number;
  occurred_at: string;
  user_id: string | null;
  actor: string;
  action: string;
  child_id: string | null;
  subject: string | null;
  reason: string | null;
  details_text: string;
  previous_hash: string;
  hash: string;
}

/** An event in the chain with its details exactly as `jsonb::text` writes them. */
export type ChainRecord = ChainedEvent & { detailsText: string };

const chainColumns = `event_id, chain_position, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
  user_id::text as user_id, actor, action, child_id, subject, reason, details::text as details_text, previous_hash, hash`;

function toChainRecord(row: ChainRow): ChainRecord {
  return {
    eventId: Number(row.event_id), chainPosition: Number(row.chain_position), occurredAt: row.occurred_at, userId: row.user_id,
    actor: row.actor, action: row.action, childId: row.child_id, subject: row.subject, reason: row.reason,
    detailsText: row.details_text, previousHash: row.previous_hash, hash: row.hash,
  };
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

    /** Several events in one statement, chained in the order given (the group commit's batch, ADR 0049). */
    async appendMany(db: Queryable, entries: readonly { actor: { userId: string | null; name: string }; event: NewAuditEvent }[]): Promise<void> {
      const column = (pick: (entry: (typeof entries)[number]) => string | null) => entries.map(pick);
      await db.query(
        `insert into audit_events (user_id, actor, action, child_id, subject, reason, details)
         select e.user_id, e.actor, e.action, e.child_id, e.subject, e.reason, e.details::jsonb
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                with ordinality as e(user_id, actor, action, child_id, subject, reason, details, place)
          order by e.place`,
        [
          column((e) => e.actor.userId), column((e) => e.actor.name), column((e) => e.event.action), column((e) => e.event.childId ?? null),
          column((e) => e.event.subject ?? null), column((e) => e.event.reason ?? null), column((e) => JSON.stringify(e.event.details ?? {})),
        ],
        { prepared: true },
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

    /** The next events of the chain after a place in it, in chain order (ties, which only tampering makes, by id). */
    async chainAfter(db: Queryable, after: { chainPosition: number; eventId: number }, limit: number): Promise<ChainRecord[]> {
      const rows = await db.query<ChainRow>(
        `select ${chainColumns} from audit_events where (chain_position, event_id) > ($1, $2)
         order by chain_position, event_id limit $3`,
        [after.chainPosition, after.eventId, limit],
      );
      return rows.map(toChainRecord);
    },

    /** The chain's head: how many events it holds and the last one's hash. */
    async chainHead(db: Queryable): Promise<{ chainPosition: number; hash: string } | null> {
      const [row] = await db.query<{ chain_position: number; hash: string }>('select chain_position, hash from audit_chain_head');
      return row ? { chainPosition: Number(row.chain_position), hash: row.hash } : null;
    },

    /** Events that occurred on the days from `from` to `to` (inclusive), in chain order, after a place in the chain. */
    async chainBetween(db: Queryable, days: { from: string; to: string }, afterPosition: number, limit: number): Promise<ChainRecord[]> {
      const rows = await db.query<ChainRow>(
        `select ${chainColumns} from audit_events
         where occurred_at >= $1::date and occurred_at < ($2::date + 1) and chain_position > $3
         order by chain_position limit $4`,
        [days.from, days.to, afterPosition, limit],
      );
      return rows.map(toChainRecord);
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;

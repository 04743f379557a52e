/**
 * @module Checks the audit trail's hash chain (`cairn audit verify`) and writes its events with their hashes as JSON
 * lines for a SIEM (`cairn audit export`). The walk reads the chain in batches, so a long trail is never held at once.
 */
import type { Queryable } from '../../db/database.js';
import { actorName, type Actor } from '../../platform/access/user.js';
import { checkLink, endOfChain, startOfChain, type ChainedEvent, type ChainVerdict, type ChainWalk } from './auditChain.js';
import type { AuditRepository } from './auditRepository.js';

/** One exported event: the chain's fields, the details as JSON, and both hashes. */
export type ExportedEvent = Omit<ChainedEvent, 'hash' | 'previousHash'> & { details: unknown; previousHash: string; hash: string };

const batch = 2000;

export function auditChainService(db: Queryable, repository: AuditRepository) {
  return {
    /**
     * Walk the whole chain and name the first broken link.
     * @example const verdict = await audit.verifyChain() // { intact: true, events: 1234 }
     */
    async verifyChain(): Promise<ChainVerdict> {
      let walk: ChainWalk = startOfChain;
      let after = { chainPosition: 0, eventId: 0 };
      for (;;) {
        const events = await repository.chainAfter(db, after, batch);
        for (const event of events) {
          const next = checkLink(walk, event, event.detailsText);
          if ('intact' in next) return next;
          walk = next;
        }
        if (events.length < batch) break;
        const last = events[events.length - 1]!;
        after = { chainPosition: last.chainPosition, eventId: last.eventId };
      }
      return endOfChain(walk, await repository.chainHead(db));
    },

    /**
     * Write each event of the days `from` to `to` as one JSON line, in chain order; audited as an export.
     * @example await audit.exportChain({ kind: 'system', name: 'cli' }, { from: '2026-01-01', to: '2026-01-31' }, (line) => out.write(line))
     */
    async exportChain(actor: Actor, days: { from: string; to: string }, write: (line: string) => void | Promise<void>): Promise<number> {
      let written = 0;
      let after = 0;
      for (;;) {
        const events = await repository.chainBetween(db, days, after, batch);
        for (const { detailsText, ...event } of events) {
          const exported: ExportedEvent = { ...event, details: JSON.parse(detailsText) as unknown };
          await write(`${JSON.stringify(exported)}\n`);
          written++;
        }
        if (events.length < batch) break;
        after = events[events.length - 1]!.chainPosition;
      }
      await repository.append(db, { userId: actor.kind === 'user' ? actor.user.userId : null, name: actorName(actor) }, {
        action: 'audit.exported',
        details: { from: days.from, to: days.to, events: written },
      });
      return written;
    },
  };
}
export type AuditChainService = ReturnType<typeof auditChainService>;

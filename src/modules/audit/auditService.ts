/** @module Writes and searches the audit trail; every view and change of a child's record comes through here. */
import type { Database, Queryable } from '../../db/database.js';
import { actorName, type Actor } from '../../platform/access/user.js';
import type { AuditSearch, NewAuditEvent } from './auditEvent.js';
import type { AuditRepository } from './auditRepository.js';
import { auditChainService } from './auditChainService.js';
import { groupCommit } from './groupCommit.js';

interface AuditEntry {
  actor: { userId: string | null; name: string };
  event: NewAuditEvent;
}

export function auditService(db: Database, repository: AuditRepository) {
  // An event written on its own (a view, a search, a refusal) joins a group commit (ADR 0049); one written in a
  // caller's transaction goes in with that transaction's change.
  const appendOnItsOwn = groupCommit((entries: readonly AuditEntry[]) =>
    entries.length === 1 ? repository.append(db, entries[0]!.actor, entries[0]!.event) : repository.appendMany(db, entries));
  return {
    ...auditChainService(db, repository),

    /**
     * Record one event. Pass `tx` to write it in the same transaction as the change it describes.
     * @example await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId: 'C1' })
     */
    async record(actor: Actor, event: NewAuditEvent, tx: Queryable = db): Promise<void> {
      const userId = actor.kind === 'user' ? actor.user.userId : null;
      if (tx === db) return appendOnItsOwn({ actor: { userId, name: actorName(actor) }, event });
      await repository.append(tx, { userId, name: actorName(actor) }, event);
    },

    async search(actor: Actor, search: AuditSearch) {
      const result = await repository.search(db, search);
      await repository.append(db, { userId: actor.kind === 'user' ? actor.user.userId : null, name: actorName(actor) }, {
        action: 'audit.searched',
        details: { childId: search.childId ?? null, actor: search.actor ?? null, from: search.from ?? null, to: search.to ?? null },
      });
      return result;
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;

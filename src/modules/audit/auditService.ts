/** @module Writes and searches the audit trail; every view and change of a child's record comes through here. */
import type { Database, Queryable } from '../../db/database.js';
import { actorName, type Actor } from '../../platform/access/user.js';
import type { AuditSearch, NewAuditEvent } from './auditEvent.js';
import type { AuditRepository } from './auditRepository.js';
import { auditChainService } from './auditChainService.js';

export function auditService(db: Database, repository: AuditRepository) {
  return {
    ...auditChainService(db, repository),

    /**
     * Record one event. Pass `tx` to write it in the same transaction as the change it describes.
     * @example await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId: 'C1' })
     */
    async record(actor: Actor, event: NewAuditEvent, tx: Queryable = db): Promise<void> {
      const userId = actor.kind === 'user' ? actor.user.userId : null;
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

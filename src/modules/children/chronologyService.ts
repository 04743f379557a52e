/** @module A child's chronology for those who may see the child (viewing audited), and adding significant events (audited). */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { ChronologyEntry } from './chronology.js';
import type { ChronologyRepository } from './chronologyRepository.js';
import type { ChildService } from './childService.js';

/** @example const chronology = chronologyService(db, chronologyRepository(), children, audit) */
export function chronologyService(db: Database, repository: ChronologyRepository, children: ChildService, audit: AuditService) {
  return {
    /** @example await chronology.view(worker, 'A1') // { outcome: 'shown', name, entries } */
    async view(user: SignedInUser, childId: string): Promise<{ outcome: 'shown'; name: { forename: string | null; surname: string | null }; entries: ChronologyEntry[] } | { outcome: 'not_found' | 'forbidden' }> {
      const name = await repository.name(db, childId);
      if (!name) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, childId))) {
        await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'chronology', details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      const entries = await repository.entries(db, childId);
      await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'chronology' });
      return { outcome: 'shown', name, entries };
    },

    /** @example await chronology.addSignificantEvent(worker, 'A1', { eventDate: '2022-05-01', title: 'Moved school', details: null }) */
    async addSignificantEvent(user: SignedInUser, childId: string, event: { eventDate: string; title: string; details: string | null }): Promise<'added' | 'not_found' | 'forbidden'> {
      if (!(await repository.name(db, childId))) return 'not_found';
      if (!(await children.mayAccess(user, childId))) return 'forbidden';
      await db.transaction(async (tx) => {
        const eventId = newRecordId('SIG');
        await repository.addSignificantEvent(tx, { eventId, childId, ...event, recordedBy: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'child.changed', childId, subject: 'significant event', details: { eventId } }, tx);
      });
      return 'added';
    },
  };
}
export type ChronologyService = ReturnType<typeof chronologyService>;

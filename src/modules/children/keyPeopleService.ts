/** @module The people and agencies around a child: listed for those who may see the child (audited), added with an audit event. */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { ChildService } from './childService.js';
import type { KeyPerson, KeyPeopleRepository } from './keyPeopleRepository.js';

/** @example const keyPeople = keyPeopleService(db, keyPeopleRepository(), children, audit) */
export function keyPeopleService(db: Database, repository: KeyPeopleRepository, children: ChildService, audit: AuditService) {
  return {
    /** @example await keyPeople.list(worker, 'A1') */
    async list(user: SignedInUser, childId: string): Promise<KeyPerson[] | 'forbidden'> {
      if (!(await children.mayAccess(user, childId))) return 'forbidden';
      const people = await repository.list(db, childId);
      await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'key people' });
      return people;
    },

    /** @example await keyPeople.add(worker, 'A1', { name: 'Mrs Reid', relationship: 'Guidance teacher', inHousehold: false, agency: 'Corsebank Academy', contact: null }) */
    async add(user: SignedInUser, childId: string, person: Omit<KeyPerson, 'personId'>): Promise<'added' | 'forbidden'> {
      if (!(await children.mayAccess(user, childId))) return 'forbidden';
      await db.transaction(async (tx) => {
        const personId = newRecordId('KP');
        await repository.add(tx, childId, { personId, ...person, addedBy: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'child.changed', childId, subject: 'key people', details: { personId } }, tx);
      });
      return 'added';
    },
  };
}
export type KeyPeopleService = ReturnType<typeof keyPeopleService>;

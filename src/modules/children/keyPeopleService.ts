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
    /** One person's details, for changing them. @example await keyPeople.person(worker, 'A1', 'KP-7K3M9QXA') */
    async person(user: SignedInUser, childId: string, personId: string): Promise<KeyPerson | 'forbidden' | 'not_found'> {
      if (!(await children.mayAccess(user, childId))) return 'forbidden';
      const person = await repository.find(db, childId, personId);
      if (!person) return 'not_found';
      await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'key people', details: { personId } });
      return person;
    },

    /**
     * Change a person's details as seen at `version`; 'changed_meanwhile' when someone else saved first (the form merges and asks again).
     * The audit event keeps what they said before.
     * @example await keyPeople.change(worker, 'A1', { personId: 'KP-7K3M9QXA', name: 'Mrs Reid', relationship: 'Guidance teacher', inHousehold: false, agency: null, contact: null }, 2)
     */
    async change(user: SignedInUser, childId: string, person: Omit<KeyPerson, 'version'>, version: number): Promise<'changed' | 'changed_meanwhile' | 'forbidden' | 'not_found'> {
      if (!(await children.mayAccess(user, childId))) return 'forbidden';
      return db.transaction(async (tx) => {
        const before = await repository.find(tx, childId, person.personId);
        if (!before) return 'not_found' as const;
        if (!(await repository.update(tx, childId, person, version))) return 'changed_meanwhile' as const;
        await audit.record({ kind: 'user', user }, { action: 'child.changed', childId, subject: 'key people', details: { personId: person.personId, before, after: person, fromVersion: version } }, tx);
        return 'changed' as const;
      });
    },

    async add(user: SignedInUser, childId: string, person: Omit<KeyPerson, 'personId' | 'version'>): Promise<'added' | 'forbidden'> {
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

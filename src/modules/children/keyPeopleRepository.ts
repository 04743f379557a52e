/** @module SQL for the key people and agencies around a child. */
import type { Queryable } from '../../db/database.js';

export interface KeyPerson {
  personId: string;
  name: string;
  relationship: string;
  inHousehold: boolean;
  agency: string | null;
  contact: string | null;
}

/** @example await keyPeopleRepository().list(db, 'A1') */
export function keyPeopleRepository() {
  return {
    async list(db: Queryable, childId: string): Promise<KeyPerson[]> {
      const rows = await db.query<{ person_id: string; name: string; relationship: string; in_household: boolean; agency: string | null; contact: string | null }>(
        'select person_id, name, relationship, in_household, agency, contact from key_people where child_id = $1 order by in_household desc, name, person_id',
        [childId],
      );
      return rows.map((r) => ({ personId: r.person_id, name: r.name, relationship: r.relationship, inHousehold: r.in_household, agency: r.agency, contact: r.contact }));
    },

    async add(db: Queryable, childId: string, person: KeyPerson & { addedBy: string }): Promise<void> {
      await db.query(
        'insert into key_people (person_id, child_id, name, relationship, in_household, agency, contact, added_by) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [person.personId, childId, person.name, person.relationship, person.inHousehold, person.agency, person.contact, person.addedBy],
      );
    },
  };
}
export type KeyPeopleRepository = ReturnType<typeof keyPeopleRepository>;

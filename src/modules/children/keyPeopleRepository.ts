/** @module SQL for the key people and agencies around a child. */
import type { Queryable } from '../../db/database.js';

export interface KeyPerson {
  personId: string;
  name: string;
  relationship: string;
  inHousehold: boolean;
  agency: string | null;
  contact: string | null;
  /** Moved on by every change, so a change made on an older version is merged, not lost. */
  version: number;
}

type PersonRow = { person_id: string; name: string; relationship: string; in_household: boolean; agency: string | null; contact: string | null; version: number };
const toPerson = (r: PersonRow): KeyPerson => ({ personId: r.person_id, name: r.name, relationship: r.relationship, inHousehold: r.in_household, agency: r.agency, contact: r.contact, version: r.version });

/** @example await keyPeopleRepository().list(db, 'A1') */
export function keyPeopleRepository() {
  return {
    async list(db: Queryable, childId: string): Promise<KeyPerson[]> {
      const rows = await db.query<PersonRow>(
        'select person_id, name, relationship, in_household, agency, contact, version from key_people where child_id = $1 order by in_household desc, name, person_id',
        [childId],
      );
      return rows.map(toPerson);
    },

    async find(db: Queryable, childId: string, personId: string): Promise<KeyPerson | undefined> {
      const rows = await db.query<PersonRow>(
        'select person_id, name, relationship, in_household, agency, contact, version from key_people where child_id = $1 and person_id = $2', [childId, personId]);
      return rows[0] ? toPerson(rows[0]) : undefined;
    },

    /** Change a person's details if they are still at `version`; false when someone else changed them first. */
    async update(db: Queryable, childId: string, person: Omit<KeyPerson, 'version'>, version: number): Promise<boolean> {
      const rows = await db.query(
        `update key_people set name = $3, relationship = $4, in_household = $5, agency = $6, contact = $7, version = version + 1
         where child_id = $1 and person_id = $2 and version = $8 returning person_id`,
        [childId, person.personId, person.name, person.relationship, person.inHousehold, person.agency, person.contact, version]);
      return rows.length > 0;
    },

    async add(db: Queryable, childId: string, person: Omit<KeyPerson, 'version'> & { addedBy: string }): Promise<void> {
      await db.query(
        'insert into key_people (person_id, child_id, name, relationship, in_household, agency, contact, added_by) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [person.personId, childId, person.name, person.relationship, person.inHousehold, person.agency, person.contact, person.addedBy],
      );
    },
  };
}
export type KeyPeopleRepository = ReturnType<typeof keyPeopleRepository>;

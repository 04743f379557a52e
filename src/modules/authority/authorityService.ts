/** @module The one authority this database belongs to, as the rest of Cairn asks for it. */
import type { Database } from '../../db/database.js';
import type { AuthorityRepository } from './authorityRepository.js';

/** @example const authority = await authorityService(db, authorityRepository()).current() // { code: 'S12000028', name: 'Glenmuir' } */
export function authorityService(db: Database, repository: AuthorityRepository) {
  return {
    current: () => repository.current(db),
  };
}
export type AuthorityService = ReturnType<typeof authorityService>;

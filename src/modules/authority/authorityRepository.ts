/** @module SQL for the one authority this database belongs to. */
import type { Queryable } from '../../db/database.js';

export interface Authority {
  code: string;
  name: string;
}

export function authorityRepository() {
  return {
    async current(db: Queryable): Promise<Authority | undefined> {
      const rows = await db.query<{ authority_code: string; authority_name: string }>('select authority_code, authority_name from authority');
      return rows[0] && { code: rows[0].authority_code, name: rows[0].authority_name };
    },
  };
}
export type AuthorityRepository = ReturnType<typeof authorityRepository>;

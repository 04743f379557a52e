/** @module SQL the demo loader needs: whether the database holds any children yet, or any Family First work. */
import type { Queryable } from '../../db/database.js';

/** @example const present = await demoRepository().hasChildren(services.db) */
export function demoRepository() {
  return {
    /**
     * True once any child is stored (the demo loads only into an empty database).
     * @example if (!(await demoRepository().hasChildren(db))) await load()
     */
    async hasChildren(db: Queryable): Promise<boolean> {
      const rows = await db.query<{ present: boolean }>('select exists (select 1 from children) as present');
      return rows[0]?.present === true;
    },

    /**
     * True once any Family First involvement is stored (the demo records its Family First work once).
     * @example if (!(await demoRepository().hasFamilyFirstWork(db))) await record()
     */
    async hasFamilyFirstWork(db: Queryable): Promise<boolean> {
      const rows = await db.query<{ present: boolean }>('select exists (select 1 from family_first_involvements) as present');
      return rows[0]?.present === true;
    },
  };
}
export type DemoRepository = ReturnType<typeof demoRepository>;

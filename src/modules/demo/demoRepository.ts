/** @module SQL the demo loader needs: whether the database holds any children yet, or any Family First work; costing its placements from home rates. */
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

    /**
     * Whether any Signs of Safety map has been started (the demo records its maps only into a database without one).
     * @example if (!(await demoRepository().hasSafetyMaps(db))) await record()
     */
    async hasSafetyMaps(db: Queryable): Promise<boolean> {
      const rows = await db.query<{ present: boolean }>('select exists (select 1 from safety_maps) as present');
      return rows[0]?.present === true;
    },

    /**
     * Put the demo's placements of one type at a provider into its home, costed at the home's rate on each start date.
     * @example await demoRepository().costFromHomeRates(db, { providerId: 'LOCHSIDE', placementType: 'voluntary_home', homeId })
     */
    async costFromHomeRates(db: Queryable, home: { providerId: string; placementType: string; homeId: string }): Promise<number> {
      const rows = await db.query<{ placement_id: string }>(
        `update placements p set home_id = $3::text, cost_override_reason = null,
                weekly_cost = (select r.weekly_rate from provider_home_rates r where r.home_id = $3::text and r.from_date <= p.start_date order by r.from_date desc limit 1)
          where p.provider_id = $1::text and p.placement_type = $2::text returning p.placement_id`,
        [home.providerId, home.placementType, home.homeId]);
      return rows.length;
    },
  };
}
export type DemoRepository = ReturnType<typeof demoRepository>;

/** @module SQL for merging two records of one child: repoint every record of the duplicate, keep its details, remove it. */
import type { Queryable } from '../../db/database.js';

/** Tables whose `child_id` refers to a child (0001_domain.sql and issue 3's), other than placements and episodes. */
const simpleTables = ['cases', 'referrals', 'cp_registrations', 'scra_referrals', 'referral_intake', 'family_first_involvements', 'significant_events', 'key_people'] as const;

/** @example await mergeRepository().merge(tx, { keep: 'A1', from: 'A1-dup', reason: 'Recorded twice', userId }) */
export function mergeRepository() {
  return {
    /** Lock both children's rows (in id order, so two merges cannot deadlock) and return those that exist. */
    async lockChildren(db: Queryable, childIds: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ child_id: string }>('select child_id from children where child_id = any($1) order by child_id for update', [childIds]);
      return rows.map((r) => r.child_id);
    },

    /** Move every record of `from` to `to`, fill the kept child's empty details from the duplicate, and remove the duplicate. */
    async merge(db: Queryable, merge: { keep: string; from: string; reason: string; userId: string }): Promise<Record<string, number>> {
      const moved: Record<string, number> = {};
      await db.query(
        `insert into child_merges (merged_child_id, kept_child_id, merged_details, reason, merged_by)
         select child_id, $2, to_jsonb(children), $3, $4 from children where child_id = $1`,
        [merge.from, merge.keep, merge.reason, merge.userId],
      );
      for (const table of simpleTables) {
        const rows = await db.query(`update ${table} set child_id = $1 where child_id = $2 returning 1`, [merge.keep, merge.from]);
        moved[table] = rows.length;
      }
      // Episodes and placements together, in one statement: placements refer to (episode_id, child_id).
      const episodes = await db.query<{ episodes: number; placements: number }>(
        `with moved_episodes as (update looked_after_episodes set child_id = $1 where child_id = $2 returning 1),
              moved_placements as (update placements set child_id = $1 where child_id = $2 returning 1)
         select (select count(*) from moved_episodes)::int as episodes, (select count(*) from moved_placements)::int as placements`,
        [merge.keep, merge.from],
      );
      moved.looked_after_episodes = episodes[0]?.episodes ?? 0;
      moved.placements = episodes[0]?.placements ?? 0;
      await db.query(
        `update children kept set
           family_id = coalesce(kept.family_id, duplicate.family_id), forename = coalesce(kept.forename, duplicate.forename),
           surname = coalesce(kept.surname, duplicate.surname), sex = coalesce(kept.sex, duplicate.sex),
           ethnicity = coalesce(kept.ethnicity, duplicate.ethnicity), disability = coalesce(kept.disability, duplicate.disability),
           school_cluster = coalesce(kept.school_cluster, duplicate.school_cluster), locality = coalesce(kept.locality, duplicate.locality),
           updated_at = now()
          from children duplicate where kept.child_id = $1 and duplicate.child_id = $2`,
        [merge.keep, merge.from],
      );
      await db.query('delete from children where child_id = $1', [merge.from]);
      return moved;
    },

    /** Where a merged-away id now lives, if it was merged. */
    async mergedInto(db: Queryable, childId: string): Promise<string | undefined> {
      const rows = await db.query<{ kept_child_id: string }>('select kept_child_id from child_merges where merged_child_id = $1', [childId]);
      return rows[0]?.kept_child_id;
    },
  };
}
export type MergeRepository = ReturnType<typeof mergeRepository>;

/** @module SQL for merging two records of one child: repoint every record of the duplicate, keep its details, remove it. */
import type { Queryable } from '../../db/database.js';

/**
 * Every table whose `child_id` is part of a foreign key (to `children`, or with another column to a table that
 * refers to a child, as placements refer to their episode), read from the catalogue so a table added by a later
 * migration is carried across by a merge without anyone remembering to list it. `audit_events` has no foreign key:
 * the trail is append-only and keeps the id as it was, and `child_merges` says where that id went.
 */
const tablesReferringToAChild = `
  select distinct c.conrelid::regclass::text as table_name
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
   where c.contype = 'f' and a.attname = 'child_id' and c.conrelid <> 'children'::regclass
   order by 1`;

/** @example await mergeRepository().merge(tx, { keep: 'A1', from: 'A1-dup', reason: 'Recorded twice', userId }) */
export function mergeRepository() {
  return {
    /** Lock both children's rows (in id order, so two merges cannot deadlock) and return those that exist. */
    async lockChildren(db: Queryable, childIds: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ child_id: string }>('select child_id from children where child_id = any($1) order by child_id for update', [childIds]);
      return rows.map((r) => r.child_id);
    },

    /** Move every record of `from` to `to` (returning how many rows moved, per table that had any), fill the kept child's empty details from the duplicate, and remove the duplicate. */
    async merge(db: Queryable, merge: { keep: string; from: string; reason: string; userId: string }): Promise<Record<string, number>> {
      const moved: Record<string, number> = {};
      await db.query(
        `insert into child_merges (merged_child_id, kept_child_id, merged_details, reason, merged_by)
         select child_id, $2, to_jsonb(children), $3, $4 from children where child_id = $1`,
        [merge.from, merge.keep, merge.reason, merge.userId],
      );
      // A map of the kept child, or one already covering it, would cover it twice: drop the duplicate's row first.
      await db.query(
        `delete from safety_map_children d where d.child_id = $2
            and (exists (select 1 from safety_map_children k where k.map_id = d.map_id and k.child_id = $1)
                 or exists (select 1 from safety_maps m where m.map_id = d.map_id and m.child_id = $1))`,
        [merge.keep, merge.from],
      );
      // Every table in one statement, so foreign keys between them (placements → episodes) are checked once, at its end.
      const tables = (await db.query<{ table_name: string }>(tablesReferringToAChild)).map((r) => r.table_name);
      const updates = tables.map((table, i) => `moved_${i} as (update ${table} set child_id = $1 where child_id = $2 returning 1)`);
      const counts = tables.map((_table, i) => `(select count(*) from moved_${i})::int as moved_${i}`);
      const [row] = await db.query<Record<string, number>>(`with ${updates.join(',\n')} select ${counts.join(', ')}`, [merge.keep, merge.from]);
      tables.forEach((table, i) => {
        const count = row?.[`moved_${i}`] ?? 0;
        if (count > 0) moved[table] = count;
      });
      await db.query(
        `update children kept set
           family_id = coalesce(kept.family_id, duplicate.family_id), forename = coalesce(kept.forename, duplicate.forename),
           surname = coalesce(kept.surname, duplicate.surname), sex = coalesce(kept.sex, duplicate.sex),
           ethnicity = coalesce(kept.ethnicity, duplicate.ethnicity), disability = coalesce(kept.disability, duplicate.disability),
           school = coalesce(kept.school, duplicate.school),
           school_cluster = coalesce(kept.school_cluster, duplicate.school_cluster), locality = coalesce(kept.locality, duplicate.locality),
           updated_at = now()
          from children duplicate where kept.child_id = $1 and duplicate.child_id = $2`,
        [merge.keep, merge.from],
      );
      // Records merged into the duplicate earlier now live with the kept child too.
      await db.query('update child_merges set kept_child_id = $1 where kept_child_id = $2', [merge.keep, merge.from]);
      await db.query('delete from children where child_id = $1', [merge.from]);
      return moved;
    },

    /** Where a merged-away id now lives, if it was merged. */
    async mergedInto(db: Queryable, childId: string): Promise<string | undefined> {
      const rows = await db.query<{ kept_child_id: string }>('select kept_child_id from child_merges where merged_child_id = $1', [childId], { prepared: true });
      return rows[0]?.kept_child_id;
    },
  };
}
export type MergeRepository = ReturnType<typeof mergeRepository>;

/** @module The one question a restore asks of a database before writing to it: is anything in it yet? */
import type { Queryable } from './database.js';

/**
 * How many tables, views, sequences and types of its own the database holds (nothing but PostgreSQL's catalogues
 * counts): 0 for a database just created, more for one that Cairn, or anything else, has used.
 * @example if ((await objectsIn(db)) > 0) refuse()
 */
export async function objectsIn(db: Queryable): Promise<number> {
  const rows = await db.query<{ objects: number }>(
    `select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%')
          + (select count(*) from pg_extension where extname <> 'plpgsql') as objects`);
  return Number(rows[0]!.objects);
}

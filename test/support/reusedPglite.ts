/**
 * @module PGlite test databases used again within one worker process (ADR 0058). Opening a copy of the run's template
 * costs PGlite's start: 1–2.5 s a file on two busy cores, most of a small file's time. A file's database, once the
 * file drops it, goes back to its process's shelf wiped to the template's state — every table emptied and the
 * template's rows put back, every sequence where the template had it, the session reset — and the next file in that
 * worker takes it from the shelf.
 *
 * Only a database whose schema is still the template's goes back: a fingerprint of the catalogue (tables, columns,
 * indexes, constraints, triggers, functions, types, policies, roles and privileges) is taken from the template once a
 * process and again from each database its file drops; if they differ, or the wipe fails, it is closed as before. A file keeps nothing it was handed:
 * every handle refuses to run a statement once its file has dropped it, so a late write from one file's timers can
 * never land in the next file's database.
 */
import type { Database, SqlValue } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';

/** The template's state, read from the first database this process opened. */
interface TemplateState {
  fingerprint: string;
  /** The restoring statement for each table that holds rows in the template, with its rows as JSON. */
  rows: { sql: string; json: string }[];
  /** Every table in the schema, for one `truncate`. */
  tables: string[];
  /** `setval` for every sequence, to where the template left it. */
  sequences: string;
}

/** Lines describing the schema; any change a test could make to it changes one of them. */
const fingerprintSql = `
with own_namespaces as (
  select oid from pg_namespace
   where nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg\\_%temp%'
)
select md5(string_agg(line, E'\\n' order by line)) as fingerprint from (
  select concat_ws(' ', 'namespace', n.nspname, n.nspacl, pg_get_userbyid(n.nspowner)) as line
    from pg_namespace n where n.oid in (select oid from own_namespaces)
  union all
  select concat_ws(' ', 'relation', c.oid::regclass, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity,
                   c.relacl, pg_get_userbyid(c.relowner), case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end)
    from pg_class c where c.relnamespace in (select oid from own_namespaces)
  union all
  select concat_ws(' ', 'column', a.attrelid::regclass, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, a.attisdropped, a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid), a.attacl)
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attnum > 0 and c.relnamespace in (select oid from own_namespaces)
  union all
  select concat_ws(' ', 'index', pg_get_indexdef(i.indexrelid), i.indisvalid)
    from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace in (select oid from own_namespaces)
  union all
  select concat_ws(' ', 'constraint', co.conrelid::regclass, co.conname, pg_get_constraintdef(co.oid), co.convalidated,
                   co.condeferrable, co.condeferred)
    from pg_constraint co where co.connamespace in (select oid from own_namespaces)
  union all
  select concat_ws(' ', 'trigger', pg_get_triggerdef(t.oid), t.tgenabled) from pg_trigger t where not t.tgisinternal
  union all
  select concat_ws(' ', 'function', p.oid::regprocedure, md5(coalesce(p.prosrc, '')), p.proacl, p.proconfig)
    from pg_proc p where p.pronamespace in (select oid from own_namespaces)
  union all
  select concat_ws(' ', 'type', ty.oid::regtype, ty.typtype,
                   (select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = ty.oid))
    from pg_type ty where ty.typnamespace in (select oid from own_namespaces)
  union all
  select concat_ws(' ', 'policy', pol.polrelid::regclass, pol.polname, pol.polcmd, pol.polpermissive,
                   pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid), pol.polroles)
    from pg_policy pol
  union all
  select concat_ws(' ', 'role', r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
                   r.rolbypassrls, r.rolconfig) from pg_roles r
  union all
  select concat_ws(' ', 'member', m.roleid::regrole, m.member::regrole) from pg_auth_members m
  union all
  select concat_ws(' ', 'extension', x.extname, x.extversion) from pg_extension x
  union all
  select concat_ws(' ', 'setting', s.setdatabase, s.setrole, s.setconfig) from pg_db_role_setting s
  union all
  select concat_ws(' ', 'default privileges', da.defaclrole, da.defaclobjtype, da.defaclacl) from pg_default_acl da
) lines`;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function fingerprint(db: Database): Promise<string> {
  const [row] = await db.query<{ fingerprint: string }>(fingerprintSql);
  return row!.fingerprint;
}

async function readTemplate(db: Database): Promise<TemplateState> {
  const tables = await db.query<{ name: string }>(
    `select c.oid::regclass::text as name from pg_class c
      where c.relkind in ('r', 'p') and c.relnamespace = current_schema()::regnamespace order by 1`,
  );
  const rows: TemplateState['rows'] = [];
  for (const { name } of tables) {
    const [{ json } = { json: null }] = await db.query<{ json: string | null }>(`select json_agg(t)::text as json from ${name} t`);
    if (!json) continue;
    // Generated columns are worked out again; identity columns take the template's values.
    const columns = await db.query<{ name: string }>(
      `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
      [name],
    );
    const list = columns.map((column) => quoted(column.name)).join(', ');
    rows.push({
      sql: `insert into ${name} (${list}) overriding system value select ${list} from json_populate_recordset(null::${name}, $1::json)`,
      json,
    });
  }
  const sequences = await db.query<{ setval: string }>(
    `select format('select setval(%L, %s, %s);', quote_ident(schemaname) || '.' || quote_ident(sequencename),
                  coalesce(last_value, start_value), (last_value is not null)::text) as setval
       from pg_sequences where schemaname = current_schema()`,
  );
  return {
    fingerprint: await fingerprint(db),
    rows,
    tables: tables.map((table) => table.name),
    sequences: sequences.map((sequence) => sequence.setval).join('\n'),
  };
}

/**
 * Back to the template's state, or false if it cannot be (its schema changed). Ordinary triggers are off while the
 * tables are emptied and filled (`session_replication_role = replica`): the audit trail refuses a truncate, as it
 * should everywhere else.
 */
async function wipe(db: Database, template: TemplateState): Promise<boolean> {
  await db.exec('discard all');
  if ((await fingerprint(db)) !== template.fingerprint) return false;
  await db.transaction(async (tx) => {
    await tx.exec(`set local session_replication_role = replica; truncate table ${template.tables.join(', ')} restart identity`);
    for (const { sql, json } of template.rows) await tx.query(sql, [json as SqlValue]);
    await tx.exec(template.sequences);
  });
  // The emptied tables' pages and the WAL that wrote them are let go, so a worker's memory does not grow with files.
  await db.exec('checkpoint');
  return true;
}

const shelf: Database[] = [];
let template: TemplateState | undefined;
const counts = { opened: 0, reused: 0, closed: 0 };

/** How many databases this process opened, took again from its shelf, and closed instead of shelving. */
export const shelfCounts = () => ({ ...counts });
/** At most this many wait on the shelf (a file rarely holds more than one or two at once). */
const shelfSize = 2;

/**
 * A database in the template's state: one from this process's shelf, else a new copy of `image`.
 * @example const { db, drop } = await reusedPglite(image)
 */
export async function reusedPglite(image: () => Blob): Promise<{ db: Database; drop: () => Promise<void> }> {
  const shelved = shelf.pop();
  counts[shelved ? 'reused' : 'opened']++;
  const opened = shelved ?? (await openPglite({ image: image() }));
  template ??= await readTemplate(opened);
  let dropped = false;
  const refuse = () => {
    if (dropped) throw new Error('This test database was dropped by its file');
  };
  const db: Database = {
    engine: 'pglite',
    async query(sql, params) {
      refuse();
      return opened.query(sql, params);
    },
    async exec(sql) {
      refuse();
      return opened.exec(sql);
    },
    async transaction(work) {
      refuse();
      return opened.transaction(work);
    },
    async snapshot() {
      refuse();
      return opened.snapshot!();
    },
    // A file closing its database itself (some test a closed database) gives it up for good.
    async close() {
      if (dropped) return;
      dropped = true;
      counts.closed++;
      await opened.close();
    },
  };
  return {
    db,
    async drop() {
      if (dropped) return;
      dropped = true;
      const kept = shelf.length < shelfSize && (await wipe(opened, template!).catch(() => false));
      if (kept) shelf.push(opened);
      else {
        counts.closed++;
        await opened.close();
      }
    },
  };
}

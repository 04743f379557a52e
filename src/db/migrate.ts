/** @module Forward-only migrations: every `migrations/NNNN_name.sql` not yet applied, in order, each in a transaction. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcePath } from '../platform/projectRoot.js';
import type { Database } from './database.js';

const migrationsDir = sourcePath('db', 'migrations');

/**
 * Apply pending migrations and return the names applied.
 * @example const applied = await migrate(db) // ['0001_domain']
 */
export async function migrate(db: Database): Promise<string[]> {
  // An up-to-date database is only read: the application's own role, which may create nothing, starts on it (ADR 0042).
  const pending = await pendingMigrations(db);
  if (!pending.length) return [];
  const applied: string[] = [];
  try {
    await db.exec(`create table if not exists schema_migrations (
      name text primary key, applied_at timestamptz not null default now())`);
    for (const name of pending) {
      const sql = readFileSync(join(migrationsDir, `${name}.sql`), 'utf8');
      await db.transaction(async (tx) => {
        // A multi-statement script: run as one simple query (no parameters).
        await tx.exec(sql);
        await tx.query('insert into schema_migrations (name) values ($1)', [name]);
      });
      applied.push(name);
    }
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    throw new Error(`Cannot apply migration ${pending[applied.length]}: this database role may not change the tables. Run cairn migrate as their owner (DATABASE_OWNER_URL) first.`, { cause: error });
  }
  return applied;
}

const isPermissionDenied = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === '42501';

/**
 * The migrations not yet applied, in order (every one on an empty database).
 * @example await pendingMigrations(db) // ['0072_audit_hash_chain']
 */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const [table] = await db.query<{ found: boolean }>(`select to_regclass('schema_migrations') is not null as found`);
  const done = new Set(table?.found ? (await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name) : []);
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => file.replace(/\.sql$/, ''))
    .filter((name) => !done.has(name));
}

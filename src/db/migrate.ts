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
  await db.exec(`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null default now())`);
  const done = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
  const files = readdirSync(migrationsDir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const name = file.replace(/\.sql$/, '');
    if (done.has(name)) continue;
    const sql = readFileSync(join(migrationsDir, file), 'utf8');
    await db.transaction(async (tx) => {
      // A multi-statement script: run as one simple query (no parameters).
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (name) values ($1)', [name]);
    });
    applied.push(name);
  }
  return applied;
}

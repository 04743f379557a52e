/**
 * @module PostgreSQL backups with the server's own tools (ADR 0046): `pg_dump --format=custom` and `pg_restore`
 * in one transaction. The password travels in PGPASSWORD, never on the command line where `ps` would show it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BackupRefusedError } from './backupFile.js';

const run = promisify(execFile);

/**
 * The connection string without its password, and the environment that carries the password instead.
 * @example libpqConnection('postgres://cairn:s3cret@db/cairn') // { dbname: 'postgres://cairn@db/cairn', env: { PGPASSWORD: 's3cret' } }
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

async function tool(command: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const { dbname, env } = libpqConnection(databaseUrl);
  try {
    await run(command, [...args, `--dbname=${dbname}`], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failed = error as NodeJS.ErrnoException & { stderr?: string };
    if (failed.code === 'ENOENT') throw new BackupRefusedError(`${command} is not installed here: install the PostgreSQL client tools of the server's version.`);
    throw new BackupRefusedError(`${command} failed: ${(failed.stderr ?? failed.message).trim()}`);
  }
}

/**
 * Dump the database to `file` in pg_dump's custom format (compressed, restored table by table with pg_restore).
 * @example await dumpPostgres(config.databaseUrl, '/backups/cairn-2026-12-02.backup')
 */
export async function dumpPostgres(databaseUrl: string, file: string): Promise<void> {
  await tool('pg_dump', ['--format=custom', `--file=${file}`], databaseUrl);
}

/**
 * Restore `file` into the (empty) database in one transaction: on the first error nothing is kept.
 * Objects belong to the role that restores (--no-owner); grants in the dump are restored as they were.
 * @example await restorePostgres(config.databaseUrl, '/backups/cairn-2026-12-02.backup')
 */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  await tool('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', file], databaseUrl);
}

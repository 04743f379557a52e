/**
 * @module Cairn's backup files (ADR 0046): on PGlite a gzipped tarball of the data folder, taken through the one
 * process that has it open; on PostgreSQL a `pg_dump` custom-format archive. A file says which it is by its
 * first bytes, so `cairn restore` can refuse the wrong one in words before touching anything.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from './pgliteDatabase.js';

export type BackupKind = 'pglite' | 'postgres';

/** A backup Cairn will not restore, with the reason in words. */
export class BackupRefusedError extends Error {
  override name = 'BackupRefusedError';
}

/**
 * Which engine wrote the backup: PGDMP opens a pg_dump archive, 1f 8b a gzip stream; anything else is not a backup.
 * @example backupKindOf(readFileSync('cairn.backup')) // 'postgres'
 */
export function backupKindOf(bytes: Uint8Array): BackupKind | undefined {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'pglite';
  return undefined;
}

/**
 * Unpack a PGlite backup into `dataDir`, which must hold no database yet; the folder is locked while it is done.
 * @example await restorePglite('./data', readFileSync('cairn.backup'))
 */
export async function restorePglite(dataDir: string, image: Uint8Array): Promise<void> {
  if (existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))) {
    throw new BackupRefusedError(`${dataDir} already holds a Cairn database. Restore only into an empty data folder (set CAIRN_DATA_DIR to a new folder).`);
  }
  const db = await openPglite({ dataDir, image: new Blob([image]) });
  try {
    await db.query('select 1'); // opened, and answering
  } finally {
    await db.close();
  }
}

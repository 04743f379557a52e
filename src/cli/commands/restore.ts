/**
 * @module `cairn restore FILE`: a backup written by `cairn backup` put back into an empty database (ADR 0046) —
 * a new PGlite data folder, or a PostgreSQL database with nothing in it. A database already in use is refused,
 * never overwritten, and a backup of the other engine is refused in words.
 */
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { loadConfig } from '../../platform/config.js';
import { openPostgres } from '../../db/postgresDatabase.js';
import { objectsIn } from '../../db/backupRepository.js';
import { BackupRefusedError, backupKindOf, restorePglite } from '../../db/backupFile.js';
import { restorePostgres } from '../../db/postgresBackup.js';

const usage = 'cairn restore FILE';

async function firstBytes(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r').catch(() => {
    throw new BackupRefusedError(`${file} cannot be read: check the name and that it is there.`);
  });
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function refuseUnlessEmpty(databaseUrl: string): Promise<void> {
  const db = openPostgres(databaseUrl, { max: 1 });
  try {
    const objects = await objectsIn(db);
    if (objects > 0) throw new BackupRefusedError(`The database is not empty (${objects} tables, sequences or other objects). Restore only into a new, empty database: createdb, then set DATABASE_URL to it.`);
  } finally {
    await db.close();
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Put a backup back into an empty database (a new data folder, or an empty PostgreSQL database)',
  usage,
  async run(args, io) {
    if (args.length !== 1 || args[0]!.startsWith('--')) throw new UsageError('give the backup file, and nothing else');
    const file = resolve(args[0]!);
    const config = loadConfig(io.env);
    try {
      const kind = backupKindOf(await firstBytes(file));
      if (!kind) throw new BackupRefusedError(`${file} is not a Cairn backup (neither a pg_dump archive nor a PGlite data folder).`);
      if (config.databaseUrl) {
        if (kind !== 'postgres') throw new BackupRefusedError(`${file} is a backup of the embedded database (PGlite). To restore it, unset DATABASE_URL and set CAIRN_DATA_DIR to a new folder.`);
        await refuseUnlessEmpty(config.databaseUrl);
        await restorePostgres(config.databaseUrl, file);
      } else {
        if (kind !== 'pglite') throw new BackupRefusedError(`${file} is a PostgreSQL backup (pg_dump). To restore it, set DATABASE_URL to a new, empty PostgreSQL database.`);
        await restorePglite(config.dataDir, await readFile(file));
      }
    } catch (error) {
      if (!(error instanceof BackupRefusedError)) throw error;
      io.stderr.write(`cairn restore: ${error.message}\n`);
      return 1;
    }
    io.stdout.write(`Restored ${file} into ${config.databaseUrl ? 'the PostgreSQL database' : `the embedded database in ${config.dataDir}`}.\n` +
      'Starting Cairn applies any migrations newer than the backup.\n');
    return 0;
  },
};

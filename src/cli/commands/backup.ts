/**
 * @module `cairn backup --out FILE`: the whole database in one file (ADR 0046). On PostgreSQL, pg_dump's custom
 * format; on PGlite, a tarball of the data folder taken between two statements — by this process when Cairn is
 * stopped, or by the running server when it holds the folder (ADR 0017), so nobody has to stop Cairn to back it up.
 */
import { existsSync } from 'node:fs';
import { rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { readOptions } from './readOptions.js';
import { locallyOrByServer } from '../runningServer.js';
import { commandOpening } from '../openServices.js';
import { loadConfig } from '../../platform/config.js';
import type { Database } from '../../db/database.js';
import { openDatabase } from '../../db/openDatabase.js';
import { openPostgres } from '../../db/postgresDatabase.js';
import { BackupRefusedError } from '../../db/backupFile.js';
import { dumpPostgres } from '../../db/postgresBackup.js';
import { auditService } from '../../modules/audit/auditService.js';
import { auditRepository } from '../../modules/audit/auditRepository.js';

const usage = 'cairn backup --out FILE';
const commandLine = { kind: 'system', name: 'cli' } as const;

/** The backup is an export of every record: audited as one, by the command line. */
async function audit(db: Database, out: string, details: Record<string, unknown>): Promise<void> {
  await auditService(db, auditRepository()).record(commandLine, { action: 'export.completed', subject: out, details: { backup: true, ...details } });
}

/**
 * PGlite, in this process: open the folder as it is (no migrations: a backup before an upgrade must be of the old
 * schema), as every command that exits opens it (ADR 0082).
 */
async function snapshotHere(io: CommandIo, out: string): Promise<Uint8Array> {
  const db = await openDatabase({ dataDir: loadConfig(io.env).dataDir }, commandOpening({}));
  try {
    const image = await db.snapshot!();
    await writeFile(out, image, { mode: 0o600, flag: 'wx' });
    await audit(db, out, { engine: 'pglite', bytes: image.length });
    return image;
  } finally {
    await db.close();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back the whole database up into one file, while Cairn runs (cairn restore puts it back)',
  usage,
  async run(args, io) {
    const out = readOptions(args, { flags: [], values: ['--out'] }).values.get('--out');
    if (!out) throw new UsageError('--out FILE is needed: the file to write the backup to');
    const file = resolve(out);
    if (existsSync(file)) {
      io.stderr.write(`cairn backup: ${file} already exists. Choose a new file name; a backup never overwrites another.\n`);
      return 1;
    }
    const config = loadConfig(io.env);
    try {
      if (config.databaseUrl) {
        // Made first, readable by this account only, so pg_dump writes into it rather than a file others may read.
        await writeFile(file, new Uint8Array(0), { mode: 0o600, flag: 'wx' });
        await dumpPostgres(config.databaseUrl, file).catch(async (error: unknown) => {
          await rm(file, { force: true });
          throw error;
        });
        const db = openPostgres(config.databaseUrl, { max: 1 });
        try {
          await audit(db, file, { engine: 'postgres', format: 'pg_dump custom' });
        } finally {
          await db.close();
        }
      } else {
        await locallyOrByServer(io, () => snapshotHere(io, file), async (server) => {
          const image = await server.backup({ out: file });
          await writeFile(file, image, { mode: 0o600, flag: 'wx' });
          return image;
        });
      }
    } catch (error) {
      if (!(error instanceof BackupRefusedError)) throw error;
      io.stderr.write(`cairn backup: ${error.message}\n`);
      return 1;
    }
    const { size } = await stat(file);
    io.stdout.write(`Backed up ${config.databaseUrl ? 'the PostgreSQL database (pg_dump custom format)' : `the embedded database in ${config.dataDir}`} to ${file} (${megabytes(size)}).\n` +
      'Keep it encrypted and away from this machine; restore it with: cairn restore FILE\n');
    return 0;
  },
};

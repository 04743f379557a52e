/** @module The embedded engine: PGlite in a data folder (or in memory for tests), guarded by a lockfile. */
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, Queryable, SqlValue } from './database.js';
import { valueParsers } from './database.js';
import { acquireDataDirLock, type DataDirLock } from './dataDirLock.js';
import { newDataFolderImage } from './newDataFolderImage.js';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** About how much COPY text goes into one blob. */
const bytesPerBlob = 512 * 1024;

/** A transaction, which can also COPY rows in, read from a blob. */
function wrapTransaction(tx: Transaction): Queryable {
  return {
    ...wrap(tx),
    async copyIn(table: string, columns: readonly string[], text: string | Iterable<string>) {
      // Parts gathered into blobs of about half a megabyte (held outside the JavaScript heap): one COPY
      // each, fewer statements than one a part, and never the whole text in the engine's memory, which never shrinks.
      // Each part is made bytes at once, so that its text is let go young rather than held while the blob fills.
      let copied = 0;
      const copy = async (parts: Uint8Array[]) => {
        const result = await tx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob(parts) });
        copied += result.affectedRows ?? 0;
      };
      const encoder = new TextEncoder();
      let gathered: Uint8Array[] = [];
      let size = 0;
      for (const part of typeof text === 'string' ? [text] : text) {
        if (part.length === 0) continue;
        const bytes = encoder.encode(part);
        gathered.push(bytes);
        size += bytes.length;
        if (size < bytesPerBlob) continue;
        await copy(gathered);
        gathered = [];
        size = 0;
      }
      if (gathered.length > 0) await copy(gathered);
      return copied;
    },
  };
}

/**
 * For a command that exits when done (every `cairn` command but `cairn migrate`; never the server; ADR 0061 and
 * 0082): PGlite sets its shared buffers up in its WebAssembly memory as it starts, and 128 MB of them (the server's)
 * cost 0.3–0.5 s of a start that is most of such a command's time (ADR 0061). The pages it reads come again from the
 * operating system's file cache.
 */
const shortLivedSettings = ['-c', 'shared_buffers=16MB'];

/**
 * How this process compiled PGlite's WebAssembly, once it has: PGlite keeps the compiled module and reuses it, so the
 * first opening decides. `baseline` is V8's baseline compiler alone (ADR 0068); `tiered` its default, which also
 * optimises what runs often.
 */
export type PgliteCompiler = 'baseline' | 'tiered';
let compiledWith: PgliteCompiler | undefined;

/**
 * How this process compiled PGlite's WebAssembly, or undefined before it first opened PGlite.
 * @example pgliteCompiler() // 'baseline' after `cairn users list` in a process of its own
 */
export function pgliteCompiler(): PgliteCompiler | undefined {
  return compiledWith;
}

/**
 * For a command that exits when done, other than an import (ADR 0068 and 0082), the first time this process opens
 * PGlite: V8 compiles PGlite's 9 MB of WebAssembly with its baseline compiler alone (`--liftoff-only`, ADR 0068). By
 * default it also compiles, optimised, whatever runs often, on the other core: most of a short command's processor
 * time and some 90 MB of its memory (`cairn stats` with its figures kept: 1.14 s and 230 MB, against 0.83 s and 142
 * MB). An import, minutes of work, is faster optimised, so it never asks. The flag is the process's from then on and
 * is read when a module is compiled, so it is set only before the first: never under a module already compiled, or
 * being optimised.
 */
function compileQuickly(): void {
  if (compiledWith !== undefined) return;
  setFlagsFromString('--liftoff-only');
  compiledWith = 'baseline';
}

/**
 * Open PGlite. With a `dataDir` the folder is locked against a second process, and made, if it is new, from the build's
 * image of a new data folder (ADR 0086; `newFolderImage` gives another, `null` asks for initdb); without one the
 * database lives in memory (tests), empty or, with `image`, a copy of the one `pgliteImage` saved.
 * `shortLived` for a command that exits when done (smaller shared buffers, a quicker start); `quickStart` for one
 * that reads and exits (WebAssembly compiled by the baseline compiler alone, when this process has not compiled it).
 * @example const db = await openPglite({ dataDir: './data' })
 */
export async function openPglite(options: { dataDir?: string; image?: Blob; newFolderImage?: Blob | null; shortLived?: boolean; quickStart?: boolean } = {}): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (options.dataDir) lock = acquireDataDirLock(options.dataDir);
  if (options.quickStart) compileQuickly();
  compiledWith ??= 'tiered';
  const pgdata = options.dataDir ? `${options.dataDir}/pgdata` : undefined;
  // A folder PGlite has not made yet is loaded from the build's image, not made by initdb (ADR 0086).
  const newFolder = !options.image && pgdata !== undefined && !existsSync(`${pgdata}/PG_VERSION`);
  // Read only for a new folder: the image is 4.5 MB.
  const newFolderImage = !newFolder ? undefined : options.newFolderImage === undefined ? newDataFolderImage() : options.newFolderImage ?? undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: pgdata,
      extensions: { btree_gist },
      parsers: valueParsers,
      loadDataDir: options.image ?? newFolderImage,
      ...(options.shortLived ? { startParams: [...PGlite.defaultStartParams, ...shortLivedSettings] } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const self = wrap(pglite);
  return {
    engine: 'pglite',
    query: self.query,
    async transaction(work) {
      return pglite.transaction((tx) => work(wrapTransaction(tx)));
    },
    exec: self.exec,
    async close() {
      await pglite.close();
      lock?.release();
    },
    async snapshot() {
      // A checkpoint first writes every changed page to the data files, so the copy needs no WAL replay to open;
      // dumpDataDir then waits for the statement running and holds off the next until the tarball is made.
      await pglite.exec('checkpoint');
      return new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
    },
  };
}

/**
 * An in-memory database after `prepare` (say, migrations), saved as a gzipped tarball of its data folder: opening
 * a copy with `openPglite({ image })` skips PGlite's initdb and the migrations (tests open one per file).
 * @example const image = await pgliteImage((db) => migrate(db))
 */
export async function pgliteImage(prepare: (db: Database) => Promise<unknown>): Promise<Blob> {
  compiledWith ??= 'tiered';
  const pglite = await PGlite.create({ extensions: { btree_gist }, parsers: valueParsers });
  try {
    const self = wrap(pglite);
    await prepare({ engine: 'pglite', query: self.query, exec: self.exec, transaction: (work) => pglite.transaction((tx) => work(wrap(tx))), close: async () => undefined });
    return await pglite.dumpDataDir('gzip');
  } finally {
    await pglite.close();
  }
}

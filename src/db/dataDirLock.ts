/** @module A lockfile in the PGlite data folder: PGlite has no cross-process lock of its own. */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Cairn's data folder ${dataDir} is in use by another Cairn process (pid ${pid}). ` +
        'Stop that process first, or point CAIRN_DATA_DIR at another folder.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process other than this one whose pid the lock file names, or undefined (no file, or a stale one). */
function otherHolder(file: string): number | undefined {
  let holder: number;
  try {
    holder = Number(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  return Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder) ? holder : undefined;
}

/**
 * Throw `DataDirLockedError` if another running process holds the folder's lock; nothing is taken or changed. For
 * a command to learn that before it loads PGlite, whose JavaScript it would not need (ADR 0077); only
 * `acquireDataDirLock` makes the folder this process's.
 * @example refuseIfHeld('./data')
 */
export function refuseIfHeld(dataDir: string): void {
  const holder = otherHolder(join(dataDir, 'cairn.lock'));
  if (holder !== undefined) throw new DataDirLockedError(dataDir, holder);
}

/**
 * Take the folder's lock or throw `DataDirLockedError` naming the process that holds it.
 * A lock left behind by a process that has died is taken over.
 * @example const lock = acquireDataDirLock('./data'); ...; lock.release()
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'cairn.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = otherHolder(file);
      if (holder !== undefined) throw new DataDirLockedError(dataDir, holder);
      rmSync(file, { force: true }); // stale: its process is gone (or it let go just now)
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

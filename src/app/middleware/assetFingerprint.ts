/**
 * @module The fingerprint of Cairn's served assets: a short hash of the files' names and contents. Pages name their
 * stylesheet and scripts under it, so a browser keeps them for a year without asking again, and a new build's files
 * get new addresses (ADR 0075).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A folder of served files, named as in its address (`cairn`, `js`), and the files of it to serve. */
export interface ServedFolder {
  name: string;
  folder: string;
  files?: readonly string[];
}

/** The files a served folder gives out, by name: those listed, or every file directly in the folder. */
function filesOf(served: ServedFolder): string[] {
  const files = served.files ?? readdirSync(served.folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  return [...files].sort();
}

/**
 * Twelve hexadecimal digits of SHA-256 over every served file's address and contents. The same files give the same
 * fingerprint wherever Cairn is installed (the address, not the path on disk, goes into the hash).
 * @example fingerprintOf([{ name: 'cairn', folder: 'dist/public' }]) // '3f9c0a1b2d4e'
 */
export function fingerprintOf(folders: readonly ServedFolder[]): string {
  const hash = createHash('sha256');
  for (const served of [...folders].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const file of filesOf(served)) hash.update(`${served.name}/${file}\0`).update(readFileSync(join(served.folder, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

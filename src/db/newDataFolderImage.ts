/**
 * @module A new PGlite data folder from an image rather than initdb (ADR 0086). PGlite's initdb takes seconds and some
 * 750 MB of memory at its peak; loading a tarball of a data folder it made once takes a second and under 400 MB. The
 * image holds initdb's work alone (no migrations), so it depends on PGlite's version only: `npm run build` makes it
 * once a version (makeNewDataFolderImage.ts) and keeps it under `dist/pglite/`. Without it a new folder is made by
 * initdb, as before.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { projectRoot } from '../platform/projectRoot.js';

/** The version of PGlite installed: initdb's output is its own, so an image is used only by the version that made it. */
export function pgliteVersion(): string {
  let folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite' && version) return version;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('PGlite is installed without its package.json');
    folder = parent;
  }
}

/** Where the image for the installed PGlite is kept. */
export function newDataFolderImagePath(): string {
  return join(projectRoot, 'dist', 'pglite', `new-data-folder-${pgliteVersion()}.tar.gz`);
}

/**
 * The image a new data folder is loaded from, or undefined when the build has not made one for this PGlite.
 * @example openPglite({ dataDir }) // a new folder: loaded from newDataFolderImage(), else made by initdb
 */
export function newDataFolderImage(): Blob | undefined {
  const path = newDataFolderImagePath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/** @module The project's root folder, found the same way from `src/` (tests) and `dist/src/` (built). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** Absolute path of the folder holding package.json. */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Resolve a path inside the source tree (templates, migrations), e.g. `sourcePath('db/migrations')`. */
export function sourcePath(...parts: string[]): string {
  return join(projectRoot, 'src', ...parts);
}

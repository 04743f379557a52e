/**
 * @module Part of `npm run build`: makes the image new PGlite data folders are loaded from (newDataFolderImage.ts, ADR
 * 0086) when there is none for the installed PGlite. Made in memory, checkpointed, written beside and renamed into
 * place, so a build stopped half way never leaves half an image.
 *
 *     node dist/src/db/makeNewDataFolderImage.js
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { newDataFolderImagePath } from './newDataFolderImage.js';

const path = newDataFolderImagePath();
if (!existsSync(path)) {
  // Loaded only when needed: a build with the image already made stops here, without loading PGlite.
  const { pgliteImage } = await import('./pgliteDatabase.js');
  const image = await pgliteImage((db) => db.exec('checkpoint'));
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await image.arrayBuffer()));
  renameSync(partial, path);
}

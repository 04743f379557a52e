/** @module `npm run docs:rules`: writes `docs/rules/` from the rule files and `docs/returns/` from the layouts, removing stale pages. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../platform/projectRoot.js';
import { ruleCatalogue } from './ruleCatalogue.js';
import { returnsDocumentation } from './returnsDocumentation.js';

for (const [folderName, files] of [['rules', ruleCatalogue()], ['returns', returnsDocumentation()]] as const) {
  const folder = join(projectRoot, 'docs', folderName);
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder)) if (!files.has(name)) rmSync(join(folder, name));
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
  process.stdout.write(`Wrote ${files.size} pages to docs/${folderName}/\n`);
}

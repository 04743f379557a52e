/** @module `npm run docs:rules`: writes the rules' catalogue to `docs/rules/` from the rule files, removing stale pages. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../platform/projectRoot.js';
import { ruleCatalogue } from './ruleCatalogue.js';

const folder = join(projectRoot, 'docs', 'rules');
mkdirSync(folder, { recursive: true });
const files = ruleCatalogue();
for (const name of readdirSync(folder)) if (!files.has(name)) rmSync(join(folder, name));
for (const [name, text] of files) writeFileSync(join(folder, name), text);
process.stdout.write(`Wrote ${files.size} pages to docs/rules/\n`);

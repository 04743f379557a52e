import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/projectRoot.js';
import { ruleCatalogue } from './ruleCatalogue.js';
import { returnsDocumentation } from './returnsDocumentation.js';
import { rulePacks } from './packs/packs.js';

describe('the rules catalogue in docs/rules/ and the record layouts in docs/returns/', () => {
  it.each([['rules', ruleCatalogue()], ['returns', returnsDocumentation()]] as const)('docs/%s is what the code says now (run `npm run docs:rules` after changing it)', (name, files) => {
    const folder = join(projectRoot, 'docs', name);
    expect(readdirSync(folder).sort()).toEqual([...files.keys()].sort());
    for (const [file, text] of files) expect(readFileSync(join(folder, file), 'utf8'), file).toBe(text);
  });

  it("has every rule's code, message and meaning on its pack's page", () => {
    for (const pack of rulePacks) {
      const page = ruleCatalogue().get(`${pack.year}.md`)!;
      for (const rule of pack.rules) {
        expect(page).toContain(`### ${rule.code} — ${rule.message}`);
        expect(page).toContain(rule.meaning);
      }
    }
  });
});

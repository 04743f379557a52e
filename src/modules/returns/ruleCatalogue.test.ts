import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/projectRoot.js';
import { ruleCatalogue } from './ruleCatalogue.js';
import { rulePacks } from './packs/packs.js';

const folder = join(projectRoot, 'docs', 'rules');

describe('the rules catalogue in docs/rules/', () => {
  it('is what the rule files say now (run `npm run docs:rules` after changing a rule)', () => {
    const files = ruleCatalogue();
    expect(readdirSync(folder).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(join(folder, name), 'utf8'), name).toBe(text);
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

/**
 * @module Every GOV.UK table in a template is held in a scrolling region of its own (views/partials/scrollingTable.njk),
 * so that on a narrow screen the table scrolls sideways and the page never does, with or without JavaScript (WCAG
 * 1.4.10). Read from the templates themselves; what the regions are named by is checked on the rendered pages
 * (test/security/linksOpenForTheirReader.test.ts walks every page of the demo as each account).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/projectRoot.js';

const src = join(projectRoot, 'src');

function templates(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return templates(path);
    return entry.name.endsWith('.njk') ? [path] : [];
  });
}

/** Each GOV.UK table of a template not opened right after `{% call scrollingTable(…) %}` and closed right before `{% endcall %}`. */
function tablesNotHeld(text: string): string[] {
  const problems: string[] = [];
  // The macro's own comment shows an example; comments are not markup.
  const markup = text.replace(/\{#[\s\S]*?#\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const opening of markup.matchAll(/<table\b[^>]*class="govuk-table[^"]*"/g)) {
    const line = markup.slice(0, opening.index).split('\n').length;
    const before = markup.slice(0, opening.index).trimEnd();
    const closing = markup.indexOf('</table>', opening.index);
    const after = closing < 0 ? '' : markup.slice(closing + '</table>'.length).trimStart();
    if (!/\{%-?\s*call scrollingTable\([^)]+\)\s*-?%\}$/.test(before)) problems.push(`line ${line}: not opened in {% call scrollingTable(…) %}`);
    else if (!/^\{%-?\s*endcall\s*-?%\}/.test(after)) problems.push(`line ${line}: {% endcall %} does not follow its </table>`);
  }
  return problems;
}

describe('tables on a narrow screen', () => {
  it('holds every GOV.UK table of every template in a scrolling region of its own', () => {
    const unheld = templates(src).flatMap((file) => tablesNotHeld(readFileSync(file, 'utf8')).map((problem) => `${relative(projectRoot, file)} ${problem}`));
    expect(unheld).toEqual([]);
  });

  it('finds a table outside a region, and one whose region closes elsewhere', () => {
    expect(tablesNotHeld('<h2 id="x">X</h2>\n<table class="govuk-table" aria-labelledby="x"></table>')).toEqual(['line 2: not opened in {% call scrollingTable(…) %}']);
    expect(tablesNotHeld('{% call scrollingTable("x") %}\n<table class="govuk-table"></table>\n<p>then</p>{% endcall %}')).toEqual(['line 2: {% endcall %} does not follow its </table>']);
    expect(tablesNotHeld('{% call scrollingTable("x") %}\n<table class="govuk-table govuk-table--small-text-until-tablet"></table>{% endcall %}')).toEqual([]);
  });
});

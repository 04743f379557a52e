/**
 * @module Every link a page offers opens for the person it was offered to. Each demo account walks the loaded demo
 * from its home page, following the links of every page it opens (two of each kind of address: one child's page
 * stands for all), and no link may answer "not allowed" (403), "not found" (404) or fail (5xx). A link to a page a
 * role is refused — the data quality page offered a team manager "Build a return" — is a dead end for that person,
 * and tells them of a page they may not use.
 *
 * Each page it opens is also read for its tables: every GOV.UK table sits right inside its scrolling region
 * (views/partials/scrollingTable.njk), named by an element of the page that has words in it, and by other words than
 * any other table's region on the page.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/demo/demoUsers.js';
import { paths } from '../../src/platform/http/paths.js';
import { openDemoApp, type DemoApp } from '../support/demoTemplate.js';
import { engineUnderTest } from '../support/testDatabase.js';
import { signIn } from '../support/signIn.js';

/** The demo's five accounts, one a role. */
const readers = ['practitioner', 'manager', 'service.manager', 'analyst', 'admin'] as const;

/** Links not followed: signing out ends the walk, and the assets are not pages. */
const notFollowed = [paths.signOut(), paths.signOutEverywhere(), '/assets/'];

/**
 * Addresses alike but for their ids (a part of the path with a digit in it) and their query count as one kind:
 * `/children/C0123` and `/children/C0456`, `/training/staff/ST-J3A3WBRV/edit` and `/training/staff/ST-X93XY5WT/edit`.
 */
const kindOf = (href: string) => href.replace(/\?.*$/, '?').replace(/\/[^/?]*\d[^/?]*/g, '/:id');

/** The same-origin links of a page, as written in its `href`s (entities undone), without fragments. */
function linksIn(html: string): string[] {
  const links = [...html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&').replace(/#.*$/, ''));
  return links.filter((href) => href.startsWith('/') && !href.startsWith('//') && !notFollowed.some((skip) => href.startsWith(skip)));
}

/**
 * Each GOV.UK table of a page not right inside a scrolling region named by an element of the page with words in it, or
 * whose region is named like another's.
 */
function tablesNotHeld(html: string): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  // The words each element with an id starts with, read in one pass over the page.
  const words = new Map([...html.matchAll(/<[a-z0-9]+\b[^>]*\sid="([^"]+)"[^>]*>([^<]*)/g)].map((element) => [element[1]!, element[2]!.trim()]));
  const opening = '<div class="cairn-table-scroll" role="region" aria-labelledby="';
  for (const table of html.matchAll(/<table\b[^>]*class="govuk-table[^"]*"/g)) {
    const start = html.lastIndexOf(opening, table.index);
    const region = start < 0 ? null : /^<div class="cairn-table-scroll" role="region" aria-labelledby="([^"]+)" tabindex="0">\s*$/.exec(html.slice(start, table.index));
    if (!region) {
      problems.push(`a table not in a scrolling region: ${table[0]}`);
      continue;
    }
    const ids = region[1]!.split(' ');
    for (const id of ids) if (!words.get(id)) problems.push(`a scrolling region named by "${id}", which is not an element with words in it`);
    // Two landmarks of one page named alike cannot be told apart (axe-core's landmark-unique).
    const name = ids.map((id) => words.get(id)).join(' ');
    if (names.has(name)) problems.push(`two tables' regions named "${name}"`);
    names.add(name);
  }
  return problems;
}

let demo: DemoApp;
let app: FastifyInstance;

beforeAll(async () => {
  demo = await openDemoApp();
  ({ app } = demo);
}, 300_000);

afterAll(() => demo?.close());

describe(`every link opens for the person it is offered to (${engineUnderTest})`, { timeout: 300_000 }, () => {
  it.each(readers)('%s: no link a page offers is refused, missing or failing; every table is held in a named region', async (username) => {
    const cookie = await signIn(app, username, demoPassword);
    const seen = new Set<string>();
    const kinds = new Map<string, number>();
    const deadEnds: string[] = [];
    const unheldTables: string[] = [];
    const queue: { href: string; from: string }[] = [{ href: '/', from: '(signed in)' }];
    let opened = 0;
    while (queue.length > 0) {
      const { href, from } = queue.shift()!;
      if (seen.has(href)) continue;
      seen.add(href);
      const kind = kindOf(href);
      if ((kinds.get(kind) ?? 0) >= 2) continue;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const response = await app.inject({ method: 'GET', url: href, headers: { cookie } });
      opened += 1;
      if (response.statusCode === 403 || response.statusCode === 404 || response.statusCode >= 500) {
        deadEnds.push(`${href} (offered on ${from}) answered ${response.statusCode}`);
        continue;
      }
      if (!String(response.headers['content-type'] ?? '').startsWith('text/html')) continue;
      unheldTables.push(...tablesNotHeld(response.body).map((problem) => `${href}: ${problem}`));
      for (const link of linksIn(response.body)) if (!seen.has(link)) queue.push({ href: link, from: href });
    }
    expect(deadEnds).toEqual([]);
    expect(unheldTables).toEqual([]);
    // The walk reached the reader's pages, not only the home page.
    expect(opened).toBeGreaterThan(15);
  });
});

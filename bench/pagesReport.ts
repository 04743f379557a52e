/** @module bench/results/pages.md: the page benchmarks as a table, with the machine, its load and the commit. */
import type { PagesResult } from './pages.js';

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

export const pageTargets = { childPageP95MsPostgres: 20, childPageP95MsPglite: 60, pageMedianMs: 50, dashboardsFirstMs: 300 };

/** @example pagesMarkdown(results, { when: '2026-12-02', machine: '2 cores …', load: '1.2', commit: 'abc1234' }) */
export function pagesMarkdown(results: PagesResult[], recorded: { when: string; machine: string; load: string; commit: string }): string {
  const engines = results.map((r) => r.engine);
  const byPath = new Map<string, Record<string, string>>();
  for (const result of results) {
    for (const page of result.pages) {
      const row = byPath.get(page.path) ?? {};
      row[result.engine] = `${page.medianMs.toFixed(1)}${page.status === 200 ? '' : ` (${page.status})`}${page.html === false ? ' (download)' : ''}`;
      byPath.set(page.path, row);
    }
  }
  const pagesOf = (r: PagesResult) => r.pages.filter((p) => p.html !== false);
  const over = results.map((r) => `${r.engine} ${pagesOf(r).filter((p) => p.medianMs >= pageTargets.pageMedianMs).length} of ${pagesOf(r).length}`).join(', ');
  const lines = [
    '# Page benchmarks',
    '',
    `Recorded ${recorded.when} by \`npm run bench pages\` ${recorded.machine}, 1-minute load average ${recorded.load} at the start, commit ${recorded.commit}.`,
    '',
    `Targets (issue 15 item 4): child page p95 under ${pageTargets.childPageP95MsPostgres} ms on PostgreSQL and ${pageTargets.childPageP95MsPglite} ms on PGlite with 50 users; every page's median under ${pageTargets.pageMedianMs} ms; the dashboards' first request under ${pageTargets.dashboardsFirstMs} ms.`,
    '',
    '"50 users" is measured as 50 people (ADR 0059): each signed in with a session of their own, opening a child\'s page',
    'and reading it for a think time drawn at random, 5 s on average (ten pages a second between them), then the next;',
    'their p95 is the wait a person sees, and is the target\'s figure. The same people reading for 1 s on average show',
    'how the wait grows with five times the traffic; the capacity rows keep 50 connections asking back to back, as',
    'before, where p95 is about 50 ÷ pages a second.',
    '',
    '| measure | ' + engines.join(' | ') + ' |',
    '|---|' + engines.map(() => '---:').join('|') + '|',
    '| dashboards, first (uncached) request (ms) | ' + results.map((r) => r.dashboardsFirstMs.toFixed(0)).join(' | ') + ' |',
    '| pages crawled (and downloads) | ' + results.map((r) => `${pagesOf(r).length} (${r.pages.length - pagesOf(r).length})`).join(' | ') + ' |',
    '| slowest page median (ms) | ' + results.map((r) => Math.max(...pagesOf(r).map((p) => p.medianMs)).toFixed(1)).join(' | ') + ' |',
    '| median of the pages\' medians (ms) | ' + results.map((r) => middle(pagesOf(r).map((p) => p.medianMs)).toFixed(1)).join(' | ') + ' |',
    `| **child page p95, ${50} people reading 5 s a page on average (ms)** | ` + results.map((r) => `**${r.childPagePeople.p95Ms.toFixed(1)}**`).join(' | ') + ' |',
    '| the same: p50 / p99 (ms) | ' + results.map((r) => `${r.childPagePeople.p50Ms.toFixed(1)} / ${r.childPagePeople.p99Ms.toFixed(1)}`).join(' | ') + ' |',
    '| the same: pages in 40 s, non-2xx / errors | ' + results.map((r) => `${r.childPagePeople.requests.toLocaleString('en-GB')}, ${r.childPagePeople.non2xx} / ${r.childPagePeople.errors}`).join(' | ') + ' |',
    '| child page p50 / p95 / p99, 50 people reading 1 s a page (ms) | ' + results.map((r) => `${r.childPageHurriedPeople.p50Ms.toFixed(1)} / ${r.childPageHurriedPeople.p95Ms.toFixed(1)} / ${r.childPageHurriedPeople.p99Ms.toFixed(1)}`).join(' | ') + ' |',
    '| the same: pages a second, non-2xx / errors | ' + results.map((r) => `${r.childPageHurriedPeople.requestsPerSecond}, ${r.childPageHurriedPeople.non2xx} / ${r.childPageHurriedPeople.errors}`).join(' | ') + ' |',
    '| capacity: child page requests in 15 s, 50 connections back to back | ' + results.map((r) => r.childPage.requests.toLocaleString('en-GB')).join(' | ') + ' |',
    '| capacity: non-2xx / errors | ' + results.map((r) => `${r.childPage.non2xx} / ${r.childPage.errors}`).join(' | ') + ' |',
    '| capacity: p50 (ms) | ' + results.map((r) => r.childPage.p50Ms.toFixed(1)).join(' | ') + ' |',
    '| capacity: p95 (ms) | ' + results.map((r) => r.childPage.p95Ms.toFixed(1)).join(' | ') + ' |',
    '| capacity: p99 (ms) | ' + results.map((r) => r.childPage.p99Ms.toFixed(1)).join(' | ') + ' |',
    '| capacity: child pages a second | ' + results.map((r) => r.childPage.requestsPerSecond).join(' | ') + ' |',
    '| in Chromium: a page load to its `load` event, median (ms) | ' + results.map((r) => r.browser?.medianMs.toFixed(1) ?? '–').join(' | ') + ' |',
    '| in Chromium: requests a page load | ' + results.map((r) => r.browser?.requestsPerLoad.toFixed(2) ?? '–').join(' | ') + ' |',
    '| in Chromium: processor time a page load, browser and server (ms) | ' + results.map((r) => r.browser?.processorMsPerLoad?.toFixed(0) ?? '–').join(' | ') + ' |',
    '',
    'The Chromium rows: a child\'s page, the home page and the search page loaded in turn, 60 times in one signed-in',
    'page after one of each (Debian\'s Chromium, the brief\'s switches, Chromium\'s own features); a page that fetches only',
    'its HTML sends one request (ADR 0075: the stylesheet and scripts are kept a year under their fingerprint).',
    '',
    `Pages (not downloads) with a median at or over ${pageTargets.pageMedianMs} ms: ${over}.`,
    '',
    'Each page is one example of its address shape reached by links from the home page as the demo\'s service',
    'manager, asked for five times one after another (median shown; a status other than 200 in brackets). The load',
    'generator and the crawler run on the same machine as the server.',
    '',
    '| page | ' + engines.join(' | ') + ' |',
    '|---|' + engines.map(() => '---:').join('|') + '|',
    ...[...byPath].map(([path, row]) => `| \`${path}\` | ` + engines.map((e) => row[e] ?? '–').join(' | ') + ' |'),
    '',
  ];
  return lines.join('\n');
}

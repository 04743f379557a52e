/**
 * @module Page benchmarks (issue 15 item 4): on a fresh `npm start` with the demo, as a signed-in service manager,
 * the dashboards' first (uncached) request, a crawl timing every page reachable by links (each page's median of
 * several requests, one at a time), and the child page's latency for 50 people reading children's records (each
 * with a session of their own and a think time between pages, ADR 0059) and its capacity under 50 connections that
 * never pause — on PGlite and PostgreSQL; and pages loaded in Chromium, as a person's browser loads them (ADR 0075).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSignIns, startServer } from './support/server.js';
import { signInOverHttp } from './support/httpSession.js';
import { loadTest, peopleReading, type LoadResult } from './support/load.js';
import { median } from './support/median.js';
import { childPaths, newPostgresDatabase } from './foundation.js';
import { browserPageLoads, type BrowserPageLoads } from './browserPageLoads.js';

export interface PageTiming {
  /** The page asked for: one example of each address shape. */
  path: string;
  status: number;
  /** False for a download (PDF, Word, CSV, SVG): timed, but not a page. */
  html: boolean;
  medianMs: number;
}

export interface PagesResult {
  engine: 'pglite' | 'postgres';
  dashboardsFirstMs: number;
  pages: PageTiming[];
  /** 50 people, each with a session of their own, opening a child's page and reading it 5 s on average (the target's measure, ADR 0059). */
  childPagePeople: LoadResult;
  /** The same 50 people reading for only 1 s on average: five times the pages a second. */
  childPageHurriedPeople: LoadResult;
  /** 50 connections asking again the moment each answer arrives: the server's capacity, not a person's wait. */
  childPage: LoadResult;
  /** A child's page, the home page and the search page loaded in turn in Chromium (absent without Chromium). */
  browser?: BrowserPageLoads;
}

/** How many people the child page is measured with (issue 15 item 4). */
const people = 50;

/** Addresses a crawl must not follow: signing out ends the crawl's session; the page script's own calls are not pages. */
const notPages = [/^\/sign-out/, /^\/session\//, /^\/assets\//, /^\/health/];

/** One example of each address shape is enough: ids, numbers and dates become `:x`, the query keeps only its keys. */
export function addressShape(address: string): string {
  const [path = '', query = ''] = address.split('?', 2);
  const shape = path.split('/').map((segment) => (/\d/.test(segment) ? ':x' : segment)).join('/');
  const keys = [...new URLSearchParams(query).keys()].sort().join('&');
  return keys ? `${shape}?${keys}` : shape;
}

function linksIn(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

export async function timed(url: string, cookie: string): Promise<{ ms: number; status: number; body: string; html: boolean }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body, html: (response.headers.get('content-type') ?? '').startsWith('text/html') };
}

/** Every page reachable by links from the home page, one example per address shape, each timed `runs` times. */
export async function crawl(baseUrl: string, cookie: string, options: { runs: number; limit: number }): Promise<PageTiming[]> {
  const queue = ['/'];
  const seen = new Set<string>([addressShape('/')]);
  const timings: PageTiming[] = [];
  while (queue.length && timings.length < options.limit) {
    const path = queue.shift()!;
    const first = await timed(`${baseUrl}${path}`, cookie);
    const times = [first.ms];
    for (let run = 1; run < options.runs; run++) times.push((await timed(`${baseUrl}${path}`, cookie)).ms);
    timings.push({ path, status: first.status, html: first.html, medianMs: median(times) });
    if (!first.html) continue;
    for (const link of linksIn(first.body)) {
      const shape = addressShape(link);
      if (seen.has(shape) || notPages.some((pattern) => pattern.test(link))) continue;
      seen.add(shape);
      queue.push(link);
    }
  }
  return timings;
}

/** @example const result = await benchPages('postgres', console.log) */
export async function benchPages(engine: 'pglite' | 'postgres', log: (line: string) => void, serverUrl = 'postgres://root@127.0.0.1:5432/test'): Promise<PagesResult> {
  const work = mkdtempSync(join(tmpdir(), 'cairn-bench-pages-'));
  const served = engine === 'postgres' ? await newPostgresDatabase(serverUrl) : undefined;
  try {
    log(`${engine}: npm start with the demo…`);
    const server = await startServer(served ? { DATABASE_URL: served.url, CAIRN_DATA_DIR: join(work, 'data') } : { CAIRN_DATA_DIR: join(work, 'data') });
    try {
      const { password, usernames } = demoSignIns(server.output());
      const username = usernames.service_manager;
      if (!username) throw new Error(`npm start printed no service manager sign-in:\n${server.output()}`);
      const cookie = await signInOverHttp(server.url, username, password);
      const dashboards = await timed(`${server.url}/dashboards`, cookie);
      if (dashboards.status !== 200) throw new Error(`The dashboards answered ${dashboards.status}`);
      log(`${engine}: dashboards' first request ${dashboards.ms.toFixed(0)} ms; crawling every page…`);
      const pages = await crawl(server.url, cookie, { runs: 5, limit: 200 });
      const paths = await childPaths(server.url, cookie);
      log(`${engine}: ${pages.length} pages timed; pages loaded in Chromium…`);
      const browser = await browserPageLoads(server.url, cookie, [paths[0]!, '/', '/children']);
      log(`${engine}: ${people} people signing in…`);
      const cookies: string[] = [];
      for (let person = 0; person < people; person++) cookies.push(await signInOverHttp(server.url, username, password));
      log(`${engine}: ${people} people reading children's pages…`);
      await peopleReading({ url: server.url, paths, cookies, thinkSeconds: 1, seconds: 5 }); // each session's first page, and warm
      const childPagePeople = await peopleReading({ url: server.url, paths, cookies, thinkSeconds: 5, seconds: 40 });
      const childPageHurriedPeople = await peopleReading({ url: server.url, paths, cookies, thinkSeconds: 1, seconds: 20 });
      log(`${engine}: the child page's capacity, 50 connections back to back…`);
      await loadTest({ url: server.url, paths, headers: { cookie }, connections: 10, seconds: 3 }); // warm up
      const childPage = await loadTest({ url: server.url, paths, headers: { cookie }, connections: 50, seconds: 15 });
      return { engine, dashboardsFirstMs: dashboards.ms, pages, childPagePeople, childPageHurriedPeople, childPage, ...(browser ? { browser } : {}) };
    } finally {
      await server.stop();
    }
  } finally {
    await served?.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

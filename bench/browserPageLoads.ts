/**
 * @module Page loads in Chromium (issue 15 item 4, ADR 0075): what a person's browser does for each page after the
 * first — the requests it sends (the page, and any asset it asks for again), how long a navigation takes to its `load`
 * event, and the machine's processor time for it, browser and server together. Debian's Chromium with the brief's
 * switches and Chromium's own features, as a person's browser would have them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { median } from './support/median.js';

export interface BrowserPageLoads {
  /** Navigations measured, after one of each page to warm the browser. */
  loads: number;
  /** Median time of one navigation to its `load` event (ms). */
  medianMs: number;
  /** Requests that went over the network a navigation: 1 when a page fetches only its HTML. */
  requestsPerLoad: number;
  /** The machine's processor time a navigation, browser and server together, from /proc/stat (ms); Linux only. */
  processorMsPerLoad?: number;
}

/** The machine's busy processor time so far (ms), or undefined where /proc/stat is not to be read. */
function busyMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return (fields.reduce((sum, value) => sum + value, 0) - idle) * 10; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * `paths` taken in turn, `loads` times, in one signed-in browser page (the session's cookie given); undefined when
 * Chromium is not installed.
 * @example await browserPageLoads('http://127.0.0.1:3000', cookie, ['/children/C000001', '/', '/children'])
 */
export async function browserPageLoads(baseUrl: string, cookie: string, paths: readonly string[], loads = 60, chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<BrowserPageLoads | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext();
    await context.addCookies(cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    }));
    const page = await context.newPage();
    for (const path of paths) await page.goto(`${baseUrl}${path}`);
    // Answers that came over the network: Playwright reports the browser's cache hits as requests too, so Chromium's
    // own account is read (a response neither served from its memory cache nor from its disk cache).
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    const fromCache = new Set<string>();
    const overTheNetwork = new Set<string>();
    devtools.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
    devtools.on('Network.responseReceived', (event) => {
      if (!event.response.fromDiskCache && !event.response.fromServiceWorker && !event.response.fromPrefetchCache) overTheNetwork.add(event.requestId);
    });
    const times: number[] = [];
    const busyBefore = busyMs();
    for (let load = 0; load < loads; load++) {
      const started = performance.now();
      const answer = await page.goto(`${baseUrl}${paths[load % paths.length]}`);
      times.push(performance.now() - started);
      if (answer?.status() !== 200) throw new Error(`${paths[load % paths.length]} answered ${answer?.status()} in Chromium`);
    }
    const busyAfter = busyMs();
    return {
      loads,
      medianMs: median(times),
      requestsPerLoad: [...overTheNetwork].filter((id) => !fromCache.has(id)).length / loads,
      processorMsPerLoad: busyBefore === undefined || busyAfter === undefined ? undefined : (busyAfter - busyBefore) / loads,
    };
  } finally {
    await browser.close();
  }
}

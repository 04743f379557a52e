/**
 * @module axe-core for the journeys' pages, loaded as a script from the test server (ADR 0080). A page gets the engine
 * again after every navigation; given as a script of the page's own origin, with a cache lifetime, Chromium keeps it
 * in its cache with its compiled code, so the second page on and every check after it skip parsing and compiling
 * half a megabyte of JavaScript. Sent through `page.evaluate` instead, it was compiled afresh for every page checked.
 * The route is the test server's alone (added in testServer.ts), never Cairn's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';

/** Where the test server gives the engine: outside every path Cairn serves. */
export const accessibilityEnginePath = '/test-support/axe.min.js';

/** axe-core's minified build: the same engine as `axe.source`, in 45 % of the characters to send and parse. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Give the engine at `accessibilityEnginePath`, to anyone signed in or not (the sign-in page is checked too), cached
 * for an hour: what lets Chromium keep its compiled code.
 * @example serveAccessibilityEngine(app) // before app.listen
 */
export function serveAccessibilityEngine(app: FastifyInstance): void {
  app.get(accessibilityEnginePath, { config: { access: { public: true } } }, async (request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/javascript; charset=utf-8').send(axeSource));
}

/**
 * Put the engine into the page as it is now, unless it is there: as a script from the page's own origin when the page
 * is the test server's and runs scripts (the element goes once the script has run, so the page checked is the page as
 * it was), else sent whole through `page.evaluate`: a page of another origin, or one that does not answer with the
 * engine. A page that runs no scripts (a context with JavaScript off) would never run the script nor say so: whether
 * it does is read from Cairn's layout, whose first script marks the body `js-enabled`.
 * @example await putAccessibilityEngineInto(page); await page.evaluate('window.axe.run(document)')
 */
export async function putAccessibilityEngineInto(page: Page): Promise<void> {
  const loaded = await page.evaluate(`new Promise((resolve) => {
    if (typeof window.axe === 'object') return resolve(true);
    if (!/^https?:$/.test(location.protocol) || !document.body?.classList.contains('js-enabled')) return resolve(false);
    const script = document.createElement('script');
    script.src = ${JSON.stringify(accessibilityEnginePath)};
    script.onload = () => { script.remove(); resolve(typeof window.axe === 'object'); };
    script.onerror = () => { script.remove(); resolve(false); };
    document.head.append(script);
  })`);
  if (!loaded) await page.evaluate(axeSource);
}

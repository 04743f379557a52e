/**
 * @module One Cairn server and one browser context and page per spec file, signed out (every cookie cleared) before
 * each test. A new context costs Chromium a renderer process: 1.1–1.9 s of processor time on a 2-core machine, against
 * 0.2–0.6 s for a page load (bench/results/suite.md); Cairn keeps nothing in the browser but its cookies. After a test
 * that fails the context and page are replaced, so a failure cannot leave its state to the next (ADR 0064). The specs
 * a worker process runs share one Chromium (ADR 0081): each closes every context it opened as it ends.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startTestServer, testPassword, type TestServer } from './testServer.js';
import { SignInPage } from '../pages/signInPage.js';

/** This worker's Chromium, while it runs: spec files share their worker's loaded modules (ADR 0057). */
let workersBrowser: Promise<Browser> | undefined;

/**
 * The Chromium the specs of this worker process share, launched by the first to ask and again if it has gone.
 * Launching one and closing it cost Chromium about 1.5 s of processor time a spec (ADR 0081); Playwright closes it
 * when the worker process ends. A spec that opens its own contexts rather than `useBrowserSession`'s asks for it here
 * and closes them with `closeEveryContext` as it ends, never the browser.
 */
export function sharedBrowser(): Promise<Browser> {
  workersBrowser ??= launchBrowser().then(
    (browser) => {
      browser.on('disconnected', () => {
        workersBrowser = undefined;
      });
      return browser;
    },
    (error: unknown) => {
      workersBrowser = undefined;
      throw error;
    },
  );
  return workersBrowser;
}

/**
 * Closes every context of the shared Chromium: a worker runs one spec at a time, so they are all the ending spec's,
 * those its tests opened too.
 */
export async function closeEveryContext(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Signs this test's page in with the test password, without drawing the sign-in page: go to the first page next. */
  signInAs(username: string): Promise<void>;
}

/**
 * Registers the hooks inside a `describe`; the fields are filled once its hooks have run.
 * @example const session = useBrowserSession({ seed: (server) => aChild(server.services.db) });
 *          it('…', async () => { await session.signInAs('manager'); await session.page.goto(session.server.url); });
 */
export function useBrowserSession(options: { seed?: (server: TestServer) => Promise<void> } = {}): BrowserSession {
  const session = {
    async signInAs(username: string): Promise<void> {
      await SignInPage.signInDirectly(session.page, session.server.url, username, testPassword);
    },
  } as BrowserSession;
  const open = async () => {
    session.context = await session.browser.newContext();
    session.page = await session.context.newPage();
  };
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startTestServer(), sharedBrowser()]);
    await options.seed?.(session.server);
    await open();
  });
  afterAll(async () => {
    await closeEveryContext(session.browser);
    await session.server?.close();
  });
  beforeEach(() => session.context.clearCookies());
  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail') return;
    await session.context.close();
    await open();
  });
  return session;
}

/** @module One Cairn server and one Chromium per spec file, and a fresh browser context and page for every test. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startTestServer, testPassword, type TestServer } from './testServer.js';
import { SignInPage } from '../pages/signInPage.js';

export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Signs in on this test's page with the test password. */
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
      const signIn = await SignInPage.open(session.page, session.server.url);
      await signIn.signIn(username, testPassword);
    },
  } as BrowserSession;
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startTestServer(), launchBrowser()]);
    await options.seed?.(session.server);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  beforeEach(async () => {
    session.context = await session.browser.newContext();
    session.page = await session.context.newPage();
  });
  afterEach(() => session.context?.close());
  return session;
}

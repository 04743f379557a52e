/**
 * @module ADR 0081: the specs a worker process runs share one Chromium. Each `describe` below stands for a spec file
 * (`useBrowserSession` registers its hooks in the `describe` it is called in, as in a spec file at its top).
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useBrowserSession } from './support/browserSession.js';

let firstBrowser: Browser | undefined;

describe('a first spec', () => {
  const session = useBrowserSession();

  it('opens a context of its own besides its page’s', async () => {
    firstBrowser = session.browser;
    const other = await session.browser.newContext();
    await (await other.newPage()).goto(`${session.server.url}/sign-in`);
    expect(session.browser.contexts()).toHaveLength(2);
  });
});

describe('the next spec in the same worker', () => {
  const session = useBrowserSession();

  it('shares the first one’s Chromium, which holds none of the first one’s contexts', async () => {
    expect(session.browser).toBe(firstBrowser);
    expect(session.browser.contexts()).toEqual([session.context]);
    await session.page.goto(`${session.server.url}/sign-in`);
    expect(await session.page.title()).toContain('Sign in');
  });

  it('lets Chromium go, as a crash would', async () => {
    await session.browser.close();
    expect(session.browser.isConnected()).toBe(false);
  });
});

describe('a spec after Chromium has gone', () => {
  const session = useBrowserSession();

  it('is given a new one', async () => {
    expect(session.browser).not.toBe(firstBrowser);
    expect(session.browser.isConnected()).toBe(true);
    await session.page.goto(`${session.server.url}/sign-in`);
    expect(await session.page.title()).toContain('Sign in');
  });
});

/**
 * @module ADR 0080: the journeys' accessibility check loads axe-core as a cached script of the test server's own
 * origin, and still finds what is wrong — on the test server's pages and on a page of no origin of its.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/browserSession.js';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accessibilityEnginePath } from './support/accessibilityEngine.js';

/** How the page fetched the engine: bytes over the wire (0 when from Chromium's cache), or null when it never asked. */
function engineFetched(page: Page): Promise<number | null> {
  return page.evaluate(`(() => {
    const entry = performance.getEntriesByType('resource').find((resource) => new URL(resource.name).pathname === ${JSON.stringify(accessibilityEnginePath)});
    return entry ? entry.transferSize : null;
  })()`);
}

/** The violations the check failed the page for, as text; '' when it passed. */
async function violationsFound(page: Page): Promise<string> {
  const failure = await expectNoAccessibilityViolations(page).then(() => undefined, (error: { actual?: unknown }) => error);
  return failure ? JSON.stringify(failure.actual) : '';
}

/** An image with no text alternative: a WCAG 2.2 A failure (axe's `image-alt`). */
async function breakThePage(page: Page): Promise<void> {
  await page.evaluate(`document.querySelector('main').append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }))`);
}

describe('the accessibility check', () => {
  const session = useBrowserSession();

  it('loads the engine as a script of the page’s origin, from the cache after the first page, and leaves the page as it was', async () => {
    await session.page.goto(`${session.server.url}/sign-in`);
    const scripts = await session.page.locator('script').count();
    await expectNoAccessibilityViolations(session.page);
    expect(await engineFetched(session.page)).toBeGreaterThan(100_000);
    expect(await session.page.locator('script').count(), 'the engine’s script element is taken out once it has run').toBe(scripts);

    await session.signInAs('manager');
    await session.page.goto(`${session.server.url}/children`);
    await expectNoAccessibilityViolations(session.page);
    expect(await engineFetched(session.page), 'the second page takes the engine from the cache').toBe(0);
  });

  it('still fails a page with a violation', async () => {
    await session.page.goto(`${session.server.url}/sign-in`);
    await breakThePage(session.page);
    expect(await violationsFound(session.page)).toContain('image-alt');
    expect(await engineFetched(session.page)).not.toBeNull();
  });

  it('checks a page of no origin of the test server’s, sending the engine whole', async () => {
    await session.page.goto('about:blank');
    await session.page.setContent('<!doctype html><html lang="en"><head><title>Blank</title></head><body><main><h1>Blank</h1></main></body></html>');
    await expectNoAccessibilityViolations(session.page);
    await breakThePage(session.page);
    expect(await violationsFound(session.page)).toContain('image-alt');
    expect(await engineFetched(session.page), 'a page of another origin is not asked to load the test server’s script').toBeNull();
  });
});

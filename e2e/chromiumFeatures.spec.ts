/**
 * @module ADR 0075: the journeys' Chromium turns RenderDocument off with a `--disable-features` list of its own, and
 * Chromium keeps only the last such list; this checks, on the Chromium and Playwright installed, that every feature
 * Playwright turns off is still off and RenderDocument is off too (Chromium's own account, chrome://version).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath, launchBrowser, requiredSwitches } from './support/browser.js';

/** The features Chromium reports turned off from its command line. */
async function featuresTurnedOff(browser: Browser): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto('chrome://version/?show-variations-cmd');
  const variations = await page.locator('#variations-cmd').innerText();
  await page.close();
  return (/--disable-features="([^"]*)"/.exec(variations)?.[1] ?? '').split(',').filter(Boolean);
}

describe('the journeys’ Chromium', () => {
  const browsers: Browser[] = [];
  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
  });

  it('keeps off every feature Playwright turns off, and turns RenderDocument off', async () => {
    const [playwrights, ours] = await Promise.all([
      chromium.launch({ executablePath: chromiumPath, args: requiredSwitches }),
      launchBrowser(),
    ]);
    browsers.push(playwrights, ours);
    const byPlaywright = await featuresTurnedOff(playwrights);
    expect(byPlaywright).toContain('PaintHolding');
    expect(byPlaywright).not.toContain('RenderDocument');
    const byUs = await featuresTurnedOff(ours);
    expect(byUs.filter((feature) => !byPlaywright.includes(feature))).toEqual(['RenderDocument']);
    expect(byPlaywright.filter((feature) => !byUs.includes(feature)), 'features Playwright turns off that our list would turn on again').toEqual([]);
  });
});

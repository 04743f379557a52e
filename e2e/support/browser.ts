/** @module Debian's Chromium driven by playwright-core, with an axe-core check any page can call. */
import { chromium, type Browser, type Page } from 'playwright-core';
import type axe from 'axe-core';
import { expect } from 'vitest';
import { putAccessibilityEngineInto } from './accessibilityEngine.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The Chromium features Playwright turns off (playwright-core 1.65's `chromiumSwitches`), and RenderDocument: Chromium
 * keeps only the last `--disable-features` it is given, so a list of our own must repeat Playwright's.
 * RenderDocument gives every navigation a new frame host in the renderer; without it a page load costs Chromium about
 * a sixth less processor time and every page behaves the same (ADR 0075). e2e/chromiumFeatures.spec.ts checks that
 * Chromium, launched like this, still has every feature off that Playwright turns off, whatever its version.
 */
export const disabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion', 'RenderDocument',
];

/** The switches the brief names for Debian's Chromium. */
export const requiredSwitches = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

/** @example const browser = await launchBrowser() */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...requiredSwitches, `--disable-features=${disabledFeatures.join(',')}`],
  });
}

/** WCAG 2.2 A and AA, and axe's best practices. */
const accessibilityTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core in the page as it is now: the engine is put into the page once (again after a navigation; as a cached
 * script of the test server's, ADR 0080), and only violations come back. ADR 0053: a fifth of the time of
 * @axe-core/playwright's AxeBuilder, which injected the engine twice and opened a blank page for every check, for the
 * same rules and answers (Cairn has no frames).
 */
async function accessibilityViolations(page: Page): Promise<axe.Result[]> {
  await putAccessibilityEngineInto(page);
  const options: axe.RunOptions = { runOnly: { type: 'tag', values: accessibilityTags }, resultTypes: ['violations'] };
  const results = (await page.evaluate(`window.axe.run(document, ${JSON.stringify(options)})`)) as axe.AxeResults;
  return results.violations;
}

/** Fails the test with every WCAG 2.2 A/AA violation axe-core finds on the page as it is now. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const violations = (await accessibilityViolations(page)).map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

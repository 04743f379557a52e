import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, testPassword, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { SignInPage } from './pages/signInPage.js';
import { BoardPapersPage, EditionPage } from './pages/boardPaperPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`board paper editions in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession();
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  it('a service manager drafts an edition, fills the cover sheet and a section, publishes it and downloads it unchanged', async () => {
    await SignInPage.signInDirectly(page, server.url, accounts.service_manager.username, testPassword);
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Board papers', exact: true }).click();
    await page.waitForLoadState('load');
    const list = await new BoardPapersPage(page).verifyOnPage().then((p) => p.checkAccessibility());
    const start = await (await list.start()).checkAccessibility();
    const edition = await (await start.fromScratch()).checkAccessibility();
    expect(await edition.notice()).toContain('Edition 1 started');
    expect(await edition.body()).toContain('METHOD ANNEX: HOW THE FIGURES ARE WORKED OUT');

    // A mistake on the cover sheet: said beside each field, everything typed kept.
    const cover = await edition.changeCover();
    await cover.checkAccessibility();
    await cover.fill('Meeting', 'Glenmuir Integration Joint Board');
    await cover.fill('Title', '');
    await cover.fillDate('heldOn', '31', '2', '2027');
    await cover.save('Save the cover sheet');
    expect(await cover.verifyOnPage().then((p) => p.errorSummary())).toContain('Enter the title');
    expect(await cover.fieldError('heldOn')).toContain('The date of the meeting must be a real date');
    expect(await cover.value('meeting')).toBe('Glenmuir Integration Joint Board');
    expect(await cover.value('heldOn-day')).toBe('31');
    await cover.checkAccessibility();
    await cover.fill('Title', 'Children’s Services Transformational Activity');
    await cover.fillDate('heldOn', '12', '10', '2027');
    await cover.save('Save the cover sheet');
    const afterCover = await new EditionPage(page).verifyOnPage();
    expect(await afterCover.notice()).toContain('Cover sheet saved');
    expect(await afterCover.body()).toContain('12 October 2027');

    const risk = await afterCover.changeSection('8. Risk assessment');
    await risk.checkAccessibility();
    await risk.fill('Text', 'There are no risks identified in considering the implications of this report.');
    await risk.save('Save the section');
    const filled = await new EditionPage(page).verifyOnPage().then((p) => p.checkAccessibility());
    expect(await filled.section('8. Risk assessment')).toContain('There are no risks identified in considering the implications of this report.');

    const published = await (await filled.publish()).checkAccessibility();
    expect(await published.notice()).toContain('Edition 1 published');
    expect(await published.body()).toContain('This edition is published and can no longer be changed');
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);

    const href = await published.downloadHref(/^PDF/);
    const first = await page.request.get(`${server.url}${href}`);
    const second = await page.request.get(`${server.url}${href}`);
    expect(first.status()).toBe(200);
    expect(first.headers()['content-type']).toBe('application/pdf');
    expect((await second.body()).equals(await first.body())).toBe(true);

    await page.getByRole('link', { name: 'Back to board papers' }).click();
    await page.waitForLoadState('load');
    const rows = await new BoardPapersPage(page).verifyOnPage().then((p) => p.rows());
    expect(rows[0]).toMatch(/^Edition 1 Children’s Services Transformational Activity 12 October 2027 Published .* Test service manager, /);
  });
});

import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeEveryContext, sharedBrowser } from './support/browserSession.js';
import { accounts, startTestServer, testPassword, type TestServer } from './support/testServer.js';
import { SignInPage } from './pages/signInPage.js';
import { BoardReportPage, DashboardsPage } from './pages/dashboardPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { insertExtract } from '../test/reporting/support/extractLoader.js';
import { insertWeeGlenBenchmarks, weeGlenRecords } from '../test/reports/boardFixture.js';

const cover = {
  meeting: 'Glenmuir Integration Joint Board', day: '12', month: '10', year: '2022', agendaItem: '7', title: 'Balance of Care',
  summary: 'To inform the board of the change in the balance of care.', author: 'Morven Testlaw, Head of Service',
  recommendations: 'The board notes the figures.', directions: ['No Directions Required'], implications: ['Financial'],
};

describe(`dashboards and the board report in Chromium (${engineUnderTest})`, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), sharedBrowser()]);
    // Wee Glen's looked after children (the server already has an authority of its own), and benchmarks to set them
    // against: a benchmarking section's heading and its table's caption are the same words.
    const { authority: _authority, ...records } = weeGlenRecords();
    await insertExtract(server.services.db, records);
    await insertWeeGlenBenchmarks(server.services.db);
  });
  afterAll(async () => {
    await closeEveryContext(browser);
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function signInAs(username: string, on: Page = page): Promise<void> {
    await SignInPage.signInDirectly(on, server.url, username, testPassword);
  }

  it('an analyst reads the dashboards: charts with their tables, a CSV download, and errors explained', async () => {
    await signInAs(accounts.analyst.username);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Dashboards' }).first().click();
    const dashboards = await new DashboardsPage(page).verifyOnPage();
    await dashboards.choose({ firstYear: '2020', lastYear: '2021', baseline: '2020' });
    await dashboards.checkAccessibility();
    expect(await dashboards.chartLabels()).toEqual(expect.arrayContaining(['Children looked after on 31 July', 'Out of authority placements on 31 July']));
    const { drawn, charts } = await dashboards.chartsDrawn();
    expect(charts).toBeGreaterThanOrEqual(6);
    expect(drawn).toBe(charts);
    // The test server's own child A1 is looked after too: 30 on 31 July 2021 (Wee Glen's 29 and A1), 26 in 2020.
    expect(await dashboards.tableRows('Change in the balance of care')).toEqual(['2020 26 2.6 0%', '2021 30 3.0 +15%']);
    const csv = await dashboards.downloadCsv('Change in the balance of care');
    expect(csv.fileName).toBe('balance-of-care.csv');
    expect(csv.text).toBe('Year,Number of children,"Rate per 1,000 children",Change from 2020\r\n2020,26,2.6,0\r\n2021,30,3,15\r\n');

    await dashboards.choose({ firstYear: '2021', lastYear: '2020' });
    expect(await dashboards.errorSummary()).toContain('The last year must be the same as or after the first year');
    await dashboards.checkAccessibility();
  });

  it('a team manager sees the dashboards but may not build a board report', async () => {
    await signInAs(accounts.team_manager.username);
    await page.goto(`${server.url}/dashboards`);
    const dashboards = await new DashboardsPage(page).verifyOnPage();
    await dashboards.checkAccessibility();
    expect(await page.getByRole('link', { name: 'Build a board report from these figures' }).count()).toBe(0);
    const response = await page.goto(`${server.url}/dashboards/board-report`);
    expect(response?.status()).toBe(403);
  });

  it('a service manager fills in the cover sheet, corrects a mistake and downloads the report, the page saying what it is doing', async () => {
    await signInAs(accounts.service_manager.username);
    await page.goto(`${server.url}/dashboards?firstYear=2020&lastYear=2021`);
    const report = await (await new DashboardsPage(page).verifyOnPage()).openBoardReport();
    await report.checkAccessibility();
    await report.fillCoverSheet({ ...cover, title: '' });
    await report.submitExpectingErrors();
    expect(await report.errorSummary()).toContain('Enter the title');
    expect(await page.inputValue('#meeting')).toBe(cover.meeting);
    expect(await page.inputValue('#firstYear')).toBe('2020');
    await report.checkAccessibility();
    await page.fill('#title', cover.title);
    await report.chooseDocument('PDF');
    const download = await report.buildAndDownload();
    expect(download.fileName).toBe('balance-of-care-2022-10-12.pdf');
    expect(download.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await page.locator('[data-board-report-progress]', { hasText: 'The report is ready' }).waitFor();
    expect(await report.progress()).toContain('balance-of-care-2022-10-12.pdf has been downloaded');
    await report.checkAccessibility();
  });

  it('without JavaScript the form simply downloads the report', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const plain = await noScript.newPage();
    try {
      await signInAs(accounts.analyst.username, plain);
      await plain.goto(`${server.url}/dashboards/board-report?firstYear=2021&lastYear=2021`);
      const report = await new BoardReportPage(plain).verifyOnPage();
      await report.fillCoverSheet(cover);
      await report.chooseDocument('Web page (HTML)');
      const download = await report.buildAndDownload();
      expect(download.fileName).toBe('balance-of-care-2022-10-12.html');
      expect(download.bytes.toString('utf8')).toContain('BALANCE OF CARE');
    } finally {
      await noScript.close();
    }
  });
});

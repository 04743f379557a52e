import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { CoveragePage, RegisterPage, TrainingListPage } from './pages/trainingPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`training records in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      const system = { kind: 'system', name: 'test' } as const;
      for (const [name, staffGroup] of [['Brian Cowan', 'social_work'], ['Catriona Dunn', 'social_work'], ['Hamish Laing', 'head_teachers'], ['Morag Innes', 'childrens_panel']] as const) {
        await server.services.training.addStaff(system, { name, staffGroup, team: '', activeFrom: '2022-01-01', activeTo: null, username: '' });
      }
    },
  });
  let server: TestServer;
  let page: Page;
  let context: BrowserContext;
  beforeEach(() => {
    ({ server, page, context } = session);
  });

  const { signInAs } = session;

  it('a service manager adds a person, a course and a session, takes the register, and sees coverage on a date', async () => {
    await signInAs(accounts.service_manager.username);
    const coverage = await (await CoveragePage.open(page, server.url)).checkAccessibility();

    // The staff register: a problem is explained beside its field, then the person is added.
    const staff = await (await coverage.open('Staff register', 'Staff register')).checkAccessibility();
    const newPerson = await (await staff.form('Add someone to the staff register', 'Add someone to the staff register')).checkAccessibility();
    await newPerson.fill('Name', 'Ailsa Boyd');
    await newPerson.submit('Save');
    expect(await newPerson.errorSummary()).toContain('Select the person’s staff group');
    expect(await newPerson.fieldError('activeFrom')).toContain('Enter the date they started');
    await newPerson.checkAccessibility();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Ailsa Boyd');
    await newPerson.choose('Social work');
    await newPerson.fillDate('activeFrom', '2021-08-16');
    await newPerson.submit('Save');
    await staff.verifyOnPage();
    expect(await staff.banner()).toContain('Ailsa Boyd added to the staff register');
    await staff.checkAccessibility();
    // On a 320-pixel screen (WCAG 1.4.10) the register's wide table scrolls in its own region, not the page sideways;
    // the region is a tab stop while it scrolls, so the keyboard can scroll it, and not once the table fits.
    const pageScrollsSideways = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
    const regionScrolls = "document.querySelector('.cairn-table-scroll').scrollWidth > document.querySelector('.cairn-table-scroll').clientWidth";
    const region = page.getByRole('region', { name: 'People on the staff register' });
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(pageScrollsSideways)).toBe(0);
    expect(await page.evaluate(regionScrolls)).toBe(true);
    await vi.waitFor(async () => expect(await region.getAttribute('tabindex')).toBe('0'));
    await page.setViewportSize({ width: 1280, height: 720 });
    await vi.waitFor(async () => expect(await region.getAttribute('tabindex')).toBeNull());
    // Without JavaScript the server has already put the table in its region, focusable: the page does not scroll either.
    const withoutScripts = await context.browser()!.newContext({ javaScriptEnabled: false, storageState: await context.storageState(), viewport: { width: 320, height: 640 } });
    const plain = await withoutScripts.newPage();
    await plain.goto(page.url());
    expect(await plain.evaluate(pageScrollsSideways)).toBe(0);
    expect(await plain.evaluate(regionScrolls)).toBe(true);
    expect(await plain.getByRole('region', { name: 'People on the staff register' }).getAttribute('tabindex')).toBe('0');
    await withoutScripts.close();

    // A two-day course for social work and head teachers that counts as trained.
    await page.goto(`${server.url}/training/courses`);
    const courses = await new TrainingListPage(page, 'Training courses').verifyOnPage();
    await courses.checkAccessibility();
    const newCourse = await (await courses.form('Add a course', 'Add a course')).checkAccessibility();
    await newCourse.fill('Title', 'Signs of Safety 2-day');
    await newCourse.fill('Number of days', '2');
    await newCourse.submit('Add the course');
    expect(await newCourse.errorSummary()).toContain('Select the staff groups the course is for');
    await newCourse.checkAccessibility();
    await newCourse.tick('Social work');
    await newCourse.tick('Head teachers');
    await newCourse.choose('Yes, completing every day of it counts as trained');
    await newCourse.submit('Add the course');
    await courses.verifyOnPage();
    expect(await courses.banner()).toContain('Signs of Safety 2-day added');

    // A session on two days in February 2023; the days must be in order.
    const session = await (await courses.form('Add a session of Signs of Safety 2-day', 'Add a session of Signs of Safety 2-day')).checkAccessibility();
    await session.fillDate('day1', '2023-02-07');
    await session.fillDate('day2', '2023-02-06');
    await session.fill('Venue', 'Glenmuir Academy');
    await session.fill('Trainer', 'Iona Kerr');
    await session.submit('Add the session');
    expect(await session.fieldError('day2')).toContain('Day 2 must be after day 1');
    await session.checkAccessibility();
    await session.fillDate('day2', '2023-02-08');
    await session.submit('Add the session');

    // The register lists the course's groups (not the panel member); Catriona misses day 2.
    const register = await new RegisterPage(page, 'Signs of Safety 2-day').verifyOnPage();
    await register.checkAccessibility();
    expect(await register.people()).toEqual(['Ailsa Boyd', 'Brian Cowan', 'Catriona Dunn', 'Hamish Laing']);
    for (const name of ['Ailsa Boyd', 'Hamish Laing']) {
      await register.tick(`${name} attended day 1, 7 February 2023`);
      await register.tick(`${name} attended day 2, 8 February 2023`);
    }
    await register.tick('Catriona Dunn attended day 1, 7 February 2023');
    await register.submit('Save the register');
    expect(await register.banner()).toContain('Register saved');
    expect(await page.getByText('2 of 4', { exact: true }).count()).toBe(1);
    await register.checkAccessibility();

    // Coverage: social work 1 of 3, head teachers 1 of 1, panel members 0 of 1; nothing before the last day.
    const after = await (await CoveragePage.open(page, server.url)).showOn('2023-03-31');
    await after.checkAccessibility();
    expect(await after.rows()).toEqual(expect.arrayContaining(['Social work 3 1 33.3%', 'Head teachers 1 1 100.0%', 'Children’s Hearing panel members 1 0 0.0%', 'Police 0 0 No staff', 'All staff groups 5 2 40.0%']));
    expect(await after.chartLabel()).toBe('Staff trained in Signs of Safety on 31 March 2023, per cent of each staff group');
    const before = await after.showOn('2023-02-07');
    expect(await before.rows()).toEqual(expect.arrayContaining(['Social work 3 0 0.0%']));
    await before.checkAccessibility();
  });

  it('a practitioner has no Training link and is refused the pages; an analyst sees coverage but not the recording pages', async () => {
    await signInAs(accounts.practitioner.username);
    await page.goto(server.url);
    expect(await page.locator('h1').innerText()).toBe('Today');
    expect(await page.getByRole('link', { name: 'Training', exact: true }).count()).toBe(0);
    expect((await page.goto(`${server.url}/training`))?.status()).toBe(403);
    await context.clearCookies();
    await signInAs(accounts.analyst.username);
    const coverage = await CoveragePage.open(page, server.url);
    await coverage.checkAccessibility();
    expect(await page.getByRole('link', { name: 'Staff register' }).count()).toBe(0);
    expect((await page.goto(`${server.url}/training/staff`))?.status()).toBe(403);
  });
});

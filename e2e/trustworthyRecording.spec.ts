/**
 * @module Issue 12 in real Chromium. What was typed into a form survives the idle sign-out and comes back on the
 * same form after signing in: with JavaScript on (the page script keeps it before the timeout) and with JavaScript
 * off (the server keeps the late form), for a sample of different forms. And two people changing the same child's
 * details at once: different fields are both kept; the same field shows both values to choose from.
 * (src/app/draftsForEveryForm.test.ts proves the server's part for every form.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { closeEveryContext, sharedBrowser } from './support/browserSession.js';
import { serveAccessibilityEngine } from './support/accessibilityEngine.js';
import { buildServices, type Services } from '../src/composition.js';
import { buildApp } from '../src/app/app.js';
import { paths } from '../src/platform/http/paths.js';
import { createTestDatabase, type TestDatabase } from '../test/support/testDatabase.js';
import { testConfig } from '../test/support/testConfig.js';
import { aCase, aChild } from '../test/support/factories.js';
import { addUser } from '../test/support/signIn.js';
import { aged } from '../test/support/idleSession.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
/** The same database with the usual 30-minute timeout, for the clash: nobody is signed out while the other types. */
let unhurried: FastifyInstance;
let browser: Browser;
let base: string;
let unhurriedBase: string;
const unhurriedConfig = testConfig();

// Twenty seconds without activity ends the session; the warning shows for the last eight.
const timeoutSeconds = 20;
const warningSeconds = 8;

type User = Awaited<ReturnType<typeof addUser>>;

/** A form of the sample: where it is, who may use it, how a person fills it in, and how to check it came back. */
interface SampleForm {
  name: string;
  path: () => string;
  user: () => User;
  submit: string;
  fill: (page: Page, words: string) => Promise<void>;
  expectGivenBack: (page: Page, words: string) => Promise<void>;
}

let practitioner: User;
let auditor: User;
let fileId: number;

const sample: SampleForm[] = [
  {
    name: 'a significant event on the chronology',
    path: () => paths.children.chronology({ childId: 'TR1' }),
    user: () => practitioner,
    submit: 'Add to the chronology',
    async fill(page, words) {
      await page.locator('input[name="event-day"]').fill('3');
      await page.locator('input[name="event-month"]').fill('11');
      await page.locator('input[name="event-year"]').fill('2026');
      await page.getByLabel('What happened').fill(words);
      await page.getByLabel('Details (optional)').fill(`${words}: the details, mid-sentence`);
    },
    async expectGivenBack(page, words) {
      expect(await page.getByLabel('What happened').inputValue()).toBe(words);
      expect(await page.getByLabel('Details (optional)').inputValue()).toBe(`${words}: the details, mid-sentence`);
      expect(await page.locator('input[name="event-month"]').inputValue()).toBe('11');
    },
  },
  {
    name: 'a visit on My work',
    path: () => paths.caseloads.mine(),
    user: () => practitioner,
    submit: 'Add',
    async fill(page, words) {
      await page.getByLabel('Visit', { exact: true }).check();
      await page.getByLabel('What needs doing').fill(words);
      await page.locator('input[name="due-day"]').fill('18');
      await page.locator('input[name="due-month"]').fill('12');
      await page.locator('input[name="due-year"]').fill('2026');
    },
    async expectGivenBack(page, words) {
      expect(await page.getByLabel('What needs doing').inputValue()).toBe(words);
      expect(await page.getByLabel('Visit', { exact: true }).isChecked()).toBe(true);
      expect(await page.locator('input[name="due-day"]').inputValue()).toBe('18');
      expect(await page.locator('input[name="due-year"]').inputValue()).toBe('2026');
    },
  },
  {
    name: 'grades for a case file audit',
    path: () => paths.caseFileAudits.grade({ fileId }),
    user: () => auditor,
    submit: 'Save the grades',
    async fill(page, words) {
      await page.locator('input[name="q1"][value="no"]').check();
      await page.locator('input[name="q2"][value="adequate"]').check();
      await page.getByLabel('Strengths').fill(`${words}: strengths`);
      await page.getByLabel('Actions').fill(`${words}: actions`);
    },
    async expectGivenBack(page, words) {
      expect(await page.getByLabel('Strengths').inputValue()).toBe(`${words}: strengths`);
      expect(await page.getByLabel('Actions').inputValue()).toBe(`${words}: actions`);
      expect(await page.locator('input[name="q1"][value="no"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="q2"][value="adequate"]').isChecked()).toBe(true);
    },
  },
];

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

async function signIn(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Open a page in a fresh context, signing in on the way. */
async function openSignedIn(context: BrowserContext, url: string, user: User): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await signIn(page, user);
  await page.waitForURL(url, { timeout: 30_000 });
  return page;
}

/**
 * axe-core runs as a script, which a context without JavaScript cannot: the same page, with the same session, is
 * checked in a twin context that has it.
 */
async function expectAccessibleWithScripts(context: BrowserContext, url: string) {
  const twin = await browser.newContext();
  await twin.addCookies(await context.cookies());
  const page = await twin.newPage();
  await page.goto(url);
  await expectKeptBanner(page);
  await expectNoAccessibilityViolations(page);
  await twin.close();
}

async function expectKeptBanner(page: Page) {
  await expect.poll(() => page.locator('.govuk-notification-banner').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('What you were typing has been kept')]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Sixteen sign-ins in a few minutes from one address: more than the per-address limit allows, which has its own test.
  services = buildServices(testConfig({ idleTimeoutMinutes: timeoutSeconds / 60, idleWarningMinutes: warningSeconds / 60, signInPerMinute: 1000 }), database.db);
  await aChild(database.db, { childId: 'TR1', forename: 'Ailsa', surname: 'Boyd' });
  await aCase(database.db, 'TR1', { team: 'North', workerId: 'W1', openedDate: '2026-01-05' });
  practitioner = await addUser(services, 'practitioner', { team: 'North', workerId: 'W1' });
  auditor = await addUser(services, 'team_manager', { team: 'South' });
  const lead = await addUser(services, 'service_manager');
  const rubricId = (await services.caseFileAudits.rubrics())[0]!.rubricId;
  const round = await services.caseFileAudits.createRound(lead, { name: 'Winter 2026', rubricId, periodStart: '2026-01-01', periodEnd: '2026-11-30', sampleSize: 5, stratified: false, seed: 4 });
  if (round.outcome !== 'created') throw new Error('no audit round');
  await services.caseFileAudits.allocate(lead, round.roundId, [auditor.userId]);
  fileId = (await services.caseFileAudits.files(round.roundId))[0]!.fileId;
  app = await buildApp(services);
  serveAccessibilityEngine(app);
  base = await listen(app);
  unhurried = await buildApp(buildServices(unhurriedConfig, database.db));
  serveAccessibilityEngine(unhurried);
  unhurriedBase = await listen(unhurried);
  browser = await sharedBrowser();
}, 300_000);

afterAll(async () => {
  await closeEveryContext(browser);
  await unhurried?.close();
  await app?.close();
  await database?.drop();
});

describe('drafts in a browser', () => {

  for (const form of sample) {
    it(`with JavaScript off, ${form.name}: sent after the timeout, kept by the server, given back after signing in`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const url = `${base}${form.path()}`;
      const page = await openSignedIn(context, url, form.user());
      const words = `Typed without JavaScript into ${form.name}`;
      await form.fill(page, words);
      // Away from the desk for over half an hour: the session's last request was long ago.
      const session = (await context.cookies()).find((cookie) => cookie.name === 'cairn_session')!;
      await aged(database.db, app, `cairn_session=${session.value}`, 31 * 60_000);
      await page.getByRole('button', { name: form.submit, exact: true }).click();
      await page.waitForURL(`${base}/sign-in`, { timeout: 30_000 });
      expect(await page.locator('main').textContent()).toContain('What you were typing has been kept');
      await signIn(page, form.user());
      await page.waitForURL(url, { timeout: 30_000 });
      await expectKeptBanner(page);
      await form.expectGivenBack(page, words);
      await expectAccessibleWithScripts(context, url);
      await context.close();
    }, 180_000);

    it(`with JavaScript on, ${form.name}: the page keeps the form before the timeout, and gives it back after signing in`, async () => {
      // The page's clock and the server's session are moved on together instead of waiting for real minutes
      // (idleTimeout.spec.ts waits in real time): the usual 30-minute timeout, on the unhurried server.
      const context = await browser.newContext();
      await context.clock.install();
      const url = `${unhurriedBase}${form.path()}`;
      const page = await openSignedIn(context, url, form.user());
      const words = `Typed with JavaScript into ${form.name}`;
      await form.fill(page, words);
      const cookie = `cairn_session=${(await context.cookies()).find((c) => c.name === 'cairn_session')!.value}`;
      const { idleTimeoutMinutes, idleWarningMinutes } = unhurriedConfig;
      // Nobody touches the page until the warning is due: the page asks the server, which agrees, and warns.
      const untilWarning = (idleTimeoutMinutes - idleWarningMinutes) * 60_000 + 1_000;
      await aged(database.db, unhurried, cookie, untilWarning);
      await page.clock.fastForward(untilWarning);
      // The promise is made here, where the form is kept.
      await page.locator('[data-idle-warning]').waitFor({ state: 'visible', timeout: 25_000 });
      expect(await page.locator('[data-idle-promise]').isVisible()).toBe(true);
      // Still nobody: the time runs out, the page sends what was typed and goes to sign in.
      await aged(database.db, unhurried, cookie, idleTimeoutMinutes * 60_000 + 1_000);
      await page.clock.fastForward(idleWarningMinutes * 60_000);
      await page.waitForURL(`${unhurriedBase}/sign-in`, { timeout: 25_000 });
      await signIn(page, form.user());
      // Where the page lands, by its address (a navigation that finished before the wait began is not missed).
      await expect.poll(() => page.url(), { timeout: 60_000 }).toBe(url);
      await page.waitForLoadState('load');
      await expectKeptBanner(page);
      await form.expectGivenBack(page, words);
      await expectNoAccessibilityViolations(page);
      await context.close();
    }, 180_000);
  }
});

describe('two people changing the same child’s details at once', () => {
  let first: BrowserContext;
  let second: BrowserContext;
  let manager: User;
  const edit = () => `${unhurriedBase}${paths.children.edit({ childId: 'TR1' })}`;

  beforeAll(async () => {
    manager = await addUser(services, 'team_manager', { team: 'North' });
    // The school is chosen from the schools list an administrator keeps (ADR 0029).
    await database.db.query(`insert into reference_entries (list, name, match_key) values ('school', 'Glenmuir Primary', 'glenmuirprimary'), ('school', 'Glenmuir Academy', 'glenmuiracademy'), ('school', 'Harbour High', 'harbourhigh') on conflict (list, match_key) do nothing`);
    first = await browser.newContext();
    second = await browser.newContext();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('different fields: both changes are kept, with no clash page', async () => {
    const mine = await openSignedIn(first, edit(), practitioner);
    const theirs = await openSignedIn(second, edit(), manager);
    await mine.getByLabel('School (optional)').selectOption('Glenmuir Primary');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await mine.waitForURL(`${unhurriedBase}${paths.children.show({ childId: 'TR1' })}`);
    await theirs.getByLabel('Locality (optional)').fill('Harbourside');
    await theirs.getByRole('button', { name: 'Save changes' }).click();
    await theirs.waitForURL(`${unhurriedBase}${paths.children.show({ childId: 'TR1' })}`);
    expect(await theirs.locator('main').textContent()).toContain('Someone else changed School meanwhile: their change is kept too.');
    await expectNoAccessibilityViolations(theirs);
    const child = (await database.db.query<{ school: string; locality: string }>("select school, locality from children where child_id = 'TR1'"))[0];
    expect(child).toEqual({ school: 'Glenmuir Primary', locality: 'Harbourside' });
  }, 180_000);

  it('the same field: both values side by side, one chosen, and that one saved', async () => {
    const mine = first.pages()[0]!;
    const theirs = second.pages()[0]!;
    await mine.goto(edit());
    await theirs.goto(edit());
    await mine.getByLabel('School (optional)').selectOption('Glenmuir Academy');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await mine.waitForURL(`${unhurriedBase}${paths.children.show({ childId: 'TR1' })}`);
    await theirs.getByLabel('School (optional)').selectOption('Harbour High');
    await theirs.getByRole('button', { name: 'Save changes' }).click();
    const keepTheirs = theirs.getByLabel('Keep theirs: Glenmuir Academy');
    await keepTheirs.waitFor();
    expect(await theirs.getByLabel('Use mine: Harbour High').isChecked()).toBe(true);
    expect(await theirs.locator('main').textContent()).toContain('School: someone else changed this too');
    await expectNoAccessibilityViolations(theirs);
    expect((await database.db.query<{ school: string }>("select school from children where child_id = 'TR1'"))[0]!.school).toBe('Glenmuir Academy');
    await theirs.getByLabel('Use mine: Harbour High').check();
    await theirs.getByRole('button', { name: 'Save changes' }).click();
    await theirs.waitForURL(`${unhurriedBase}${paths.children.show({ childId: 'TR1' })}`);
    expect((await database.db.query<{ school: string; locality: string }>("select school, locality from children where child_id = 'TR1'"))[0]).toEqual({ school: 'Harbour High', locality: 'Harbourside' });
  }, 180_000);
});

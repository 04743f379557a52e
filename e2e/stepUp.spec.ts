import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accounts, testPassword, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { InvolvementPage, ReferralPage, ReferralTrayPage } from './pages/familyFirstPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

const north = 'Children and Families North';
let involvementId = '';

/** A Family First involvement for Callum Reid, and the statutory team North: its manager and one worker. */
async function seed(server: TestServer): Promise<void> {
  const { services } = server;
  const system = { kind: 'system', name: 'test' } as const;
  await services.users.add(system, { username: 'north.manager', displayName: 'Moira Stewart', role: 'team_manager', team: north, workerId: null, password: testPassword });
  await services.users.add(system, { username: 'north.worker', displayName: 'Morag Laird', role: 'practitioner', team: north, workerId: 'W3', password: testPassword });
  const manager = (await services.users.list()).find((u) => u.username === accounts.team_manager.username)!;
  const recorded = await services.referrals.record(manager, {
    receivedDate: '2022-03-01', source: 'education', reason: 'Often hungry at school', schoolCluster: 'Belmont', team: 'Family First',
    children: [{ kind: 'new', forename: 'Callum', surname: 'Reid', dateOfBirth: '2013-06-07' }],
  });
  if (recorded.outcome !== 'recorded') throw new Error('not recorded');
  await services.referrals.decide(manager, recorded.referralIds[0]!, { pathway: 'family_first', reason: 'Early help', decidedDate: '2022-03-02' });
  const allocated = await services.referrals.allocate(manager, recorded.referralIds[0]!, { workerId: 'W1', openedDate: '2022-03-03' });
  if (allocated.outcome !== 'allocated' || !allocated.involvementId) throw new Error('not allocated');
  involvementId = allocated.involvementId;
}

describe(`Family First step up in Chromium: to the statutory team's tray, screened, decided and allocated (${engineUnderTest})`, () => {
  const session = useBrowserSession({ seed });
  let server: TestServer;
  let page: Page;
  let context: BrowserContext;
  beforeEach(() => {
    ({ server, page, context } = session);
  });

  it('the Family First worker steps the family up in one action; the statutory manager screens, decides and allocates the referral', async () => {
    await session.signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/family-first/${encodeURIComponent(involvementId)}`);
    const involvement = await new InvolvementPage(page, 'Callum Reid').verifyOnPage();
    await involvement.addSession({ date: '2022-03-10', who: 'Mum, Callum', whatWasDone: 'Home visit: cupboards nearly empty' });

    // A step up needs the team and the reason: both explained, nothing sent, what was typed kept.
    await involvement.end({ reasonLabel: 'Stepped up to statutory social work', date: '2022-05-01', why: '' });
    const problems = await involvement.errorSummary();
    expect(problems).toContain('Select the statutory team to refer the family to');
    expect(problems).toContain('Enter why the family needs statutory social work');
    await involvement.checkAccessibility();

    await involvement.end({ reasonLabel: 'Stepped up to statutory social work', date: '2022-05-01', team: north, why: 'No food in the house on three visits' });
    // The case is closed, so the family leaves the worker's caseload: they land on their own work, told where it went.
    expect(page.url()).toBe(`${server.url}/caseloads/mine`);
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain(`the referral is in the ${north} tray`);
    await expectNoAccessibilityViolations(page);
    const [child] = await server.services.db.query<{ child_id: string }>("select child_id from children where forename = 'Callum' and surname = 'Reid'");
    const childUrl = `${server.url}/children/${encodeURIComponent(child!.child_id)}`;

    // The child's record says so.
    await context.clearCookies();
    await session.signInAs(accounts.service_manager.username);
    await page.goto(childUrl);
    const status = await page.locator('ul[aria-label="Current status"]').innerText();
    expect(status).toContain('Stepped up to statutory services on 1 May 2022');
    expect(status).not.toContain('Open to Family First');
    await expectNoAccessibilityViolations(page);

    // The statutory team's manager finds it in their tray, with the Family First history.
    await context.clearCookies();
    await session.signInAs('north.manager');
    await page.goto(`${server.url}/referrals`);
    const tray = await new ReferralTrayPage(page).verifyOnPage();
    expect((await tray.rows()).join('\n')).toContain('Callum Reid');
    await tray.checkAccessibility();
    await page.getByRole('link', { name: 'Callum Reid' }).click();
    await page.waitForLoadState('load');
    const referral = await new ReferralPage(page, 'Callum Reid').verifyOnPage();
    const details = await referral.details();
    expect(details).toContain('Stepped up from Family First: No food in the house on three visits');
    expect(details).toContain('Home visit: cupboards nearly empty');
    await referral.checkAccessibility();

    await referral.screen('Family First history read; school and health visitor spoken to');
    await referral.decide('Social work assessment', 'Neglect: needs a statutory assessment', '2022-05-02');
    expect(await referral.details()).toContain('Social work assessment, decided 2 May 2022');
    await referral.allocate('Morag Laird (W3)', '2022-05-03');
    expect(await referral.details()).toContain('W3');
    await referral.checkAccessibility();

    await page.goto(`${server.url}/referrals`);
    expect((await tray.rows()).join('\n')).not.toContain('Callum Reid');

    // Allocated: the child is now open to the statutory team.
    await page.goto(childUrl);
    expect(await page.locator('ul[aria-label="Current status"]').innerText()).toContain(`Open to ${north} since 3 May 2022`);
    await expectNoAccessibilityViolations(page);
  }, 120_000);
});

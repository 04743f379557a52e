import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './support/testServer.js';
import { accounts } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { CareFormPage } from './pages/carePages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { lookedAfter, world } from '../test/support/returnRecords.js';
import { writeReturnRecords } from '../test/support/returnsRecordsInDatabase.js';

describe(`the data quality page in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      await writeReturnRecords(server.services.db,
        world(),
        // P102: placed with a private provider's foster carers, and no weekly cost recorded.
        lookedAfter('DQ1', { child: { forename: 'Morag', surname: 'Ferguson' }, placement: { placementType: 'foster_purchased', providerId: 'PR-PV', weeklyCost: null } }),
        // C105: whether the child has a disability is not known.
        lookedAfter('DQ2', { child: { forename: 'Ewan', surname: 'Baird', disability: 'U' } }),
      );
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  const click = async (role: 'link' | 'button', name: string) => {
    await page.getByRole(role, { name, exact: true }).click();
    await page.waitForLoadState('load');
  };

  it('a service manager fixes an issue from the page and sees it disappear, then marks a query checked, correct', async () => {
    await session.signInAs(accounts.service_manager.username);
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Data quality', exact: true }).click();
    await page.waitForLoadState('load');
    const issues = await new CareFormPage(page, 'Data quality').verifyOnPage();
    await issues.checkAccessibility();
    expect(await page.locator('#issue-P102-placements-P-DQ1').innerText()).toContain('Morag Ferguson (DQ1)');

    await click('link', 'Correct the placement (P102, Placement P-DQ1)');
    const correction = await new CareFormPage(page, 'Correct a placement').verifyOnPage();
    await correction.fill('Weekly cost (optional)', '900');
    await correction.fill('Why it is being corrected', 'the invoice shows £900 a week');
    await correction.submit('Save the correction');

    await page.goto(`${server.url}/data-quality`);
    await issues.verifyOnPage();
    expect(await page.locator('#issue-P102-placements-P-DQ1').count()).toBe(0);

    await click('link', 'Mark checked, correct (C105, Child DQ2)');
    const mark = await new CareFormPage(page, 'Mark a query checked, correct').verifyOnPage();
    await mark.checkAccessibility();
    await mark.submit('Mark checked, correct');
    expect(await mark.fieldError('reason')).toContain('Enter why the record is correct');
    await mark.checkAccessibility();
    await mark.fill('Why is the record correct?', 'Assessment of need still under way');
    await mark.submit('Mark checked, correct');
    await issues.verifyOnPage();
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('C105 marked checked, correct');
    expect(await page.locator('#issue-C105-children-DQ2').count()).toBe(0);
    await issues.checkAccessibility();

    await click('link', '1 marked checked, correct');
    const marks = await new CareFormPage(page, 'Queries marked checked, correct').verifyOnPage();
    expect(await page.locator('#marks').innerText()).toContain('Assessment of need still under way');
    await marks.checkAccessibility();
  });
});

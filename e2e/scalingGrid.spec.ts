import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, testPassword, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { SignInPage } from './pages/signInPage.js';
import { MapHistoryPage, SafetyMapPage, SafetyMapsPage, ScalingGridPage, ScalingPage, SectionFormPage } from './pages/safetyPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

// Many pages, each checked by axe, on a machine shared with other suites.
const slow = 180_000;

describe(`Signs of Safety at the speed of a meeting, in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession();
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  async function addPair(map: SafetyMapPage, danger: string): Promise<void> {
    const form = await map.follow('Add a danger statement and its safety goal', new SectionFormPage(page, 'Add a danger statement and its safety goal'));
    await (await form.fill({ dangerStatement: danger, safetyGoal: 'Everyone knows the children are safe', saidBy: 'Core group' })).date('saidOn', '2026-01-12');
    await form.save();
  }

  async function saveVersion(map: SafetyMapPage, meeting: string, iso: string): Promise<void> {
    const form = await map.follow('Save this version, named by its meeting and date', new SectionFormPage(page, 'Save this version of the map'));
    await (await form.fill({}, [meeting])).date('heldOn', iso);
    await form.save('Save this version');
    await map.verifyOnPage();
  }

  async function openGrid(map: SafetyMapPage): Promise<ScalingGridPage> {
    return map.follow('Record everyone’s numbers at a meeting', new ScalingGridPage(page));
  }

  it('records five people’s numbers for two danger statements in one form, then compares two meetings by name and date', async () => {
    await SignInPage.signInDirectly(page, server.url, accounts.practitioner.username, testPassword);
    await page.goto(`${server.url}/children/A1/safety`);
    const maps = await new SafetyMapsPage(page).verifyOnPage();
    const map = await maps.startMap('Boyd family – core groups');
    await addPair(map, 'Worried the children will be hurt when Dad drinks');
    await addPair(map, 'Worried nobody collects the children from school');

    const grid = await openGrid(map);
    await grid.checkAccessibility();
    await grid.meetingOn('2026-02-03');
    await grid.person(1, 'Alex (social worker)', 'Social worker', ['2', '3']);
    await grid.person(2, 'Mum', 'Parent or carer', ['5', '12']);
    await grid.person(3, 'Dad', 'Parent or carer', ['4', '']);
    await grid.person(4, 'Gran', 'Family member', ['6', '7']);
    await grid.person(5, 'Northfield Primary', 'Partner agency', ['3', '2']);
    await grid.save();
    await grid.verifyOnPage();
    expect(await grid.cellError(2, 2)).toContain('Mum’s number for danger statement 2 must be a whole number from 0 to 10');
    expect(await page.inputValue('#name-5')).toBe('Northfield Primary');
    await grid.checkAccessibility();
    await page.fill('#score-2-2', '6');
    await grid.save();
    const scaling = await new ScalingPage(page).verifyOnPage();
    expect(await scaling.tableRows(1)).toEqual([
      'Date\tAlex (social worker) (Social worker)\tDad (Parent or carer)\tGran (Family member)\tMum (Parent or carer)\tNorthfield Primary (Partner agency)',
      '3 February 2026\t2\t4\t6\t5\t3',
    ]);
    // Dad was not asked about the second danger statement: he has no number there.
    expect(await scaling.tableRows(2)).toEqual([
      'Date\tAlex (social worker) (Social worker)\tGran (Family member)\tMum (Parent or carer)\tNorthfield Primary (Partner agency)',
      '3 February 2026\t3\t7\t6\t2',
    ]);

    await page.goto(page.url().replace(/\/scaling$/, ''));
    await map.verifyOnPage();
    await saveVersion(map, 'Core group', '2026-02-03');
    const strength = await map.follow('Add to existing strengths', new SectionFormPage(page, 'Add to existing strengths'));
    await (await strength.fill({ words: 'Gran collects the children every Tuesday', saidBy: 'Gran' })).date('saidOn', '2026-02-20');
    await strength.save();
    const later = await openGrid(map);
    await (await later.meetingOn('2026-03-03')).person(1, 'Mum', 'Parent or carer', ['7', '8']);
    await later.person(2, 'Alex (social worker)', 'Social worker', ['5', '6']);
    await later.save();
    await new ScalingPage(page).verifyOnPage();
    await page.goto(page.url().replace(/\/scaling$/, ''));
    await map.verifyOnPage();
    await saveVersion(map, 'Review', '2026-03-03');

    const history = await map.follow('Versions of this map and what changed', new MapHistoryPage(page));
    await history.checkAccessibility();
    const compare = await history.compare('Core group, 3 February 2026', 'Review, 3 March 2026');
    expect(await compare.changes()).toContain('Existing strengths: added “Gran collects the children every Tuesday (Gran, 2026-02-20)”');
    const numbers = await compare.sideBySide('Safety scale numbers given at the meeting');
    expect(numbers[0]).toContain('Danger statement 1: Alex (social worker) 2, Dad 4, Gran 6, Mum 5, Northfield Primary 3');
    expect(numbers[1]).toContain('Danger statement 1: Alex (social worker) 5, Mum 7');
    await compare.checkAccessibility();
  }, slow);
});

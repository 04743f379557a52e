import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, testPassword, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { SignInPage } from './pages/signInPage.js';
import { ChildSummaryPage } from './pages/childPages.js';
import { ChildVoicePage, ConflictPage, MapHistoryPage, SafetyMapPage, SafetyMapsPage, ScalingPage, SectionFormPage } from './pages/safetyPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

// A real 1×1 PNG, so the browser draws it.
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// Many pages, each checked by axe, on a machine shared with other suites.
const slow = 120_000;

describe(`Signs of Safety in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession();
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  async function signIn(on: Page = page): Promise<void> {
    await SignInPage.signInDirectly(on, server.url, accounts.practitioner.username, testPassword);
  }

  async function openMaps(title: string): Promise<SafetyMapPage> {
    await page.goto(`${server.url}/children/A1`);
    const summary = await new ChildSummaryPage(page, 'Ailsa Boyd').verifyOnPage();
    await summary.checkAccessibility();
    await page.getByRole('link', { name: 'Safety maps, scaling and safety plans' }).click();
    await page.waitForLoadState('load');
    const maps = await new SafetyMapsPage(page).verifyOnPage();
    await maps.checkAccessibility();
    const map = await maps.startMap(title, { siblings: ['Rory Boyd'] });
    await map.checkAccessibility();
    return map;
  }

  async function addPair(map: SafetyMapPage, danger: string, goal: string): Promise<void> {
    const form = await map.follow('Add a danger statement and its safety goal', new SectionFormPage(page, 'Add a danger statement and its safety goal'));
    await (await form.fill({ dangerStatement: danger, safetyGoal: goal, saidBy: 'Conference' })).date('saidOn', '2026-01-12');
    await form.save();
  }

  it('builds a map: a danger statement must have its safety goal, and each part is saved as it is added', async () => {
    await signIn();
    const map = await openMaps('Boyd family – case conference');
    const form = await map.follow('Add a danger statement and its safety goal', new SectionFormPage(page, 'Add a danger statement and its safety goal'));
    await form.checkAccessibility();
    await (await form.fill({ dangerStatement: 'Social work are worried Ailsa and Rory will be hurt when Dad drinks and gets angry', saidBy: 'Conference' })).date('saidOn', '2026-01-12');
    await form.save();
    await form.verifyOnPage();
    expect(await form.errorSummary()).toContain('Enter the safety goal for this danger statement');
    expect(await page.inputValue('#dangerStatement')).toContain('when Dad drinks');
    await form.checkAccessibility();
    await form.fill({ safetyGoal: 'Mum, Dad and Gran show everyone the children are safe whenever Dad has been drinking' });
    await form.save();
    await map.verifyOnPage();
    expect(await map.pairText(1)).toContain('Mum, Dad and Gran show everyone');

    const harm = await map.follow('Add to past harm', new SectionFormPage(page, 'Add to past harm'));
    await (await harm.fill({ words: 'Police were called to the house twice in December', saidBy: 'Police Scotland' })).date('saidOn', '2026-01-02');
    await harm.save();
    const strength = await map.follow('Add to existing strengths', new SectionFormPage(page, 'Add to existing strengths'));
    await (await strength.fill({ words: 'Gran takes the children to school every day', saidBy: 'Gran' })).date('saidOn', '2026-01-12');
    await strength.save();
    await map.verifyOnPage();
    expect(await map.sectionText('harm')).toContain('Police were called to the house twice in December');
    expect(await map.elementStatus('Past harm')).toBe('Recorded');
    expect(await map.elementStatus('Safety plan')).toBe('Missing');
    await map.checkAccessibility();
  }, slow);

  it('shows a conflict page when someone else saved first, and re-applies my change without losing theirs', async () => {
    await signIn();
    const map = await openMaps('Boyd family – conflict');
    const otherContext = await session.browser.newContext();
    const other = await otherContext.newPage();
    try {
      await signIn(other);
      await other.goto(page.url());
      const mine = await map.follow('Add to next steps', new SectionFormPage(page, 'Add to next steps'));
      await other.getByRole('link', { name: 'Add to next steps', exact: true }).click();
      await other.waitForLoadState('load');
      const theirs = new SectionFormPage(other, 'Add to next steps');
      await (await theirs.fill({ words: 'Dad to start the alcohol service', saidBy: 'Dad' })).date('saidOn', '2026-01-12');
      await theirs.save();
      await (await mine.fill({ words: 'Gran to join the core group', saidBy: 'Gran' })).date('saidOn', '2026-01-12');
      await mine.save();
      const conflict = await new ConflictPage(page).verifyOnPage();
      expect(await conflict.theirEdits()).toContain('Dad to start the alcohol service');
      await conflict.checkAccessibility();
      await conflict.applyMine();
      await map.verifyOnPage();
      const steps = await map.sectionText('next-step');
      expect(steps).toContain('Dad to start the alcohol service');
      expect(steps).toContain('Gran to join the core group');
    } finally {
      await otherContext.close();
    }
  }, slow);

  it('records everyone’s safety scale numbers at two meetings and shows the trajectory as a chart and a table', async () => {
    await signIn();
    const map = await openMaps('Boyd family – scaling');
    await addPair(map, 'Worried the children will be hurt when Dad drinks', 'Everyone knows the children are safe when Dad drinks');
    for (const [person, role, score, date] of [['Alex (social worker)', 'Social worker', '2', '2026-01-12'], ['Mum', 'Parent or carer', '5', '2026-01-12'], ['Alex (social worker)', 'Social worker', '4', '2026-03-09'], ['Mum', 'Parent or carer', '7', '2026-03-09']] as const) {
      await page.goto(page.url().replace(/\/scaling$/, ''));
      const mapNow = await new SafetyMapPage(page, 'Boyd family – scaling').verifyOnPage();
      const form = await mapNow.follow('Record a number for danger statement 1', new SectionFormPage(page, 'Record a safety scale number'));
      if (score === '2') {
        expect(await page.locator('main').innerText()).toContain('On a scale of 0 to 10 where 10 means everyone knows the children are safe enough for the case to close');
        await form.checkAccessibility();
      }
      await (await form.fill({ personName: person }, [role, score])).date('scoredOn', date);
      await form.save('Save this number');
    }
    const scaling = await new ScalingPage(page).verifyOnPage();
    expect(await scaling.chartLabel(1)).toBe('Safety scale over time for danger statement 1');
    expect(await scaling.tableRows(1)).toEqual([
      'Date\tAlex (social worker) (Social worker)\tMum (Parent or carer)',
      '12 January 2026\t2\t5',
      '9 March 2026\t4\t7',
    ]);
    await scaling.checkAccessibility();
  }, slow);

  it('builds the safety network and plan, keeps versions, and compares the one agreed at conference with now', async () => {
    await signIn();
    const map = await openMaps('Boyd family – plan');
    const meeting = await map.follow('Save this version, named by its meeting and date', new SectionFormPage(page, 'Save this version of the map'));
    await (await meeting.fill({}, ['Case conference'])).date('heldOn', '2026-01-12');
    await meeting.checkAccessibility();
    await meeting.save('Save this version');
    const member = await map.follow('Add someone to the safety network', new SectionFormPage(page, 'Add someone to the safety network'));
    await member.fill({ name: 'Jean Boyd', relationship: 'Gran', agreedToDo: 'Comes round every evening at bedtime' });
    await member.save();
    const rule = await map.follow('Add a rule to the safety plan', new SectionFormPage(page, 'Add a rule to the safety plan'));
    await rule.fill({ rule: 'Dad doesn’t come home after the pub', whoDoesWhat: 'Dad stays at Gran’s', ifBroken: 'Mum phones Gran and Gran comes round' });
    await rule.checkAccessibility();
    await rule.save();
    await map.verifyOnPage();
    expect(await map.sectionText('safety-network')).toContain('Comes round every evening at bedtime');
    await map.checkAccessibility();
    const history = await map.follow('Versions of this map and what changed', new MapHistoryPage(page));
    await history.checkAccessibility();
    const compare = await history.compare('Case conference, 12 January 2026', 'The map as it is now');
    const changes = await compare.changes();
    expect(changes).toContain('Safety network: added “Jean Boyd (Gran): Comes round every evening at bedtime”');
    expect(changes).toContain('Safety plan rules: added “Dad doesn’t come home after the pub');
    await compare.checkAccessibility();
  }, slow);

  it('records the child’s own words in the Three Houses and keeps their drawing', async () => {
    await signIn();
    await page.goto(`${server.url}/children/A1`);
    await page.getByRole('link', { name: 'The child’s voice' }).click();
    await page.waitForLoadState('load');
    const voice = await new ChildVoicePage(page).verifyOnPage();
    await voice.checkAccessibility();
    await page.getByRole('link', { name: 'Record what the child said' }).click();
    await page.waitForLoadState('load');
    const words = await new SectionFormPage(page, 'Record what the child said').verifyOnPage();
    await (await words.fill({ words: 'I get scared when dad shouts at mum' }, ['House of worries'])).date('recordedOn', '2026-01-10');
    await words.checkAccessibility();
    await words.save('Save');
    await voice.verifyOnPage();
    expect(await voice.houseText('worries')).toContain('I get scared when dad shouts at mum');

    await page.getByRole('link', { name: 'Add a drawing' }).click();
    await page.waitForLoadState('load');
    const drawing = await new SectionFormPage(page, 'Add a drawing').verifyOnPage();
    await (await drawing.fill({ description: 'Me and Gran at the swings' }, ['House of good things'])).date('drawnOn', '2026-01-10');
    await page.setInputFiles('#picture', { name: 'drawing.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a not really') });
    await drawing.save('Save');
    await drawing.verifyOnPage();
    expect(await drawing.errorSummary()).toContain('The drawing must be a PNG or JPEG picture');
    await drawing.checkAccessibility();
    await page.setInputFiles('#picture', { name: 'drawing.png', mimeType: 'image/png', buffer: onePixelPng });
    await drawing.save('Save');
    await voice.verifyOnPage();
    const image = page.getByRole('img', { name: 'Me and Gran at the swings' });
    expect(await image.evaluate((img) => { const picture = img as unknown as { complete: boolean; naturalWidth: number }; return picture.complete && picture.naturalWidth; })).toBe(1);
    await voice.checkAccessibility();
  }, slow);
});

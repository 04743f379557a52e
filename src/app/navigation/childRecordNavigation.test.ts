import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../app.js';
import { paths } from '../../platform/http/paths.js';
import { childRecordNavigation } from './childRecordNavigation.js';

const sideNavigation = (html: string) => {
  const nav = /<nav class="moj-side-navigation" aria-label="Child’s record">([\s\S]*?)<\/nav>/.exec(html)?.[1];
  if (nav === undefined) return undefined;
  return [...nav.matchAll(/<a href="([^"]+)"( aria-current="location")?>([^<]+)<\/a>/g)].map(([, href, current, text]) => ({ href, text, current: Boolean(current) }));
};

describe('the sections of a child’s record', () => {
  it('marks the section of the page shown, the longest route that fits', () => {
    const current = (pattern: string) => childRecordNavigation(pattern, 'A1', { role: 'team_manager' } as never)?.find((s) => s.current)?.text;
    expect(current(paths.children.show.pattern)).toBe('Summary');
    expect(current(paths.care.protection.pattern)).toBe('Protection');
    expect(current(paths.care.child.pattern)).toBe('Looked after and placements');
    expect(current(paths.supervisionOrders.child.pattern)).toBe('Children’s Reporter and orders');
    expect(current(paths.safety.map.pattern)).toBe('Signs of Safety');
    expect(current(paths.safety.voice.pattern)).toBe('Signs of Safety');
    expect(current(paths.children.edit.pattern)).toBe('Summary');
    expect(childRecordNavigation(paths.children.search.pattern, undefined, { role: 'team_manager' } as never)).toBeUndefined();
  });
});

describe(`a child's record with a side navigation (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let worker: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'A1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' });
    await aCase(database.db, 'A1', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    worker = (await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' })).cookie;
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('puts every section one click from each page of the record, the page’s own section marked', async () => {
    const pages: [string, string][] = [
      [paths.children.show({ childId: 'A1' }), 'Summary'],
      [paths.children.chronology({ childId: 'A1' }), 'Chronology'],
      [paths.safety.maps({ childId: 'A1' }), 'Signs of Safety'],
      [paths.care.protection({ childId: 'A1' }), 'Protection'],
      [paths.care.child({ childId: 'A1' }), 'Looked after and placements'],
      [paths.care.scra({ childId: 'A1' }), 'Children’s Reporter and orders'],
      [paths.children.keyPeople({ childId: 'A1' }), 'Family and people'],
    ];
    for (const [url, section] of pages) {
      const page = await app.inject({ url, headers: { cookie: worker } });
      expect(page.statusCode, url).toBe(200);
      const links = sideNavigation(page.body);
      expect(links?.map((l) => l.href), url).toEqual(pages.map(([href]) => href));
      expect(links?.filter((l) => l.current).map((l) => l.text), url).toEqual([section]);
    }
  });

  it('is not on pages outside a child’s record, nor on a refused one', async () => {
    expect(sideNavigation((await app.inject({ url: paths.caseloads.mine(), headers: { cookie: worker } })).body)).toBeUndefined();
    await aChild(database.db, { childId: 'B1', forename: 'Bryce', surname: 'Kerr', dateOfBirth: '2011-05-06' });
    const refused = await app.inject({ url: paths.children.show({ childId: 'B1' }), headers: { cookie: worker } });
    expect(refused.statusCode).toBe(403);
    expect(sideNavigation(refused.body)).toBeUndefined();
  });
});

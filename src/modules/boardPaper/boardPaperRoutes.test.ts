/** @module The board paper pages: who may use them, starting, filling (keeping what was typed), publishing and downloading. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import { loadWeeGlen } from '../../../test/reports/boardFixture.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let manager = '';
let practitioner = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await loadWeeGlen(database.db);
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  manager = (await signInAs(app, services, 'service_manager', { displayName: 'Morven Manager' })).cookie;
  practitioner = (await signInAs(app, services, 'practitioner')).cookie;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const get = (url: string, cookie = manager) => app.inject({ method: 'GET', url, headers: { cookie } });
async function post(url: string, fields: Record<string, string | string[]>) {
  const { token, cookie } = await openForm(app, url.endsWith('/publish') ? url.replace(/\/publish$/, '') : url, manager);
  const body = new URLSearchParams();
  body.append('_csrf', token);
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}
const text = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe(`the board paper pages (${engineUnderTest})`, () => {
  it('are for those who build board reports, not practitioners', async () => {
    expect((await get('/board-papers', practitioner)).statusCode).toBe(403);
    expect((await get('/board-papers')).statusCode).toBe(200);
    expect((await get('/board-papers/1')).statusCode).toBe(404);
  });

  it('start an edition, fill its cover sheet and a section, keeping what was typed when something is wrong', async () => {
    const started = await post('/board-papers/new', { from: 'scratch', firstYear: '2020', lastYear: '2021', baseline: '2020' });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe('/board-papers/1');

    const wrongCover = await post('/board-papers/1/cover', { meeting: 'Wee Glen IJB', 'heldOn-day': '31', 'heldOn-month': '2', 'heldOn-year': '2027', agendaItem: '7', title: '', summary: 'Why', author: 'Morven', recommendations: 'Note it', directions: 'none', firstYear: '2020', lastYear: '2021', baseline: '2020' });
    expect(wrongCover.statusCode).toBe(400);
    expect(text(wrongCover.body)).toContain('The date of the meeting must be a real date');
    expect(text(wrongCover.body)).toContain('Enter the title');
    expect(wrongCover.body).toContain('value="Wee Glen IJB"');
    const cover = await post('/board-papers/1/cover', { meeting: 'Wee Glen IJB', 'heldOn-day': '12', 'heldOn-month': '10', 'heldOn-year': '2027', agendaItem: '7', title: 'Children’s services 2021', summary: 'Why', author: 'Morven', recommendations: 'Note it', directions: 'none', implications: ['Financial'], firstYear: '2020', lastYear: '2021', baseline: '2020' });
    expect(cover.statusCode).toBe(303);

    const tooMuch = 'x'.repeat(20_001);
    const wrongSection = await post('/board-papers/1/sections/risk', { body: `Typed words ${tooMuch}`, blocks: 'not-a-table' });
    expect(wrongSection.statusCode).toBe(400);
    expect(text(wrongSection.body)).toContain('The text must be 20,000 characters or fewer');
    expect(text(wrongSection.body)).toContain('Choose figures and quotes from the list');
    expect(wrongSection.body).toContain('Typed words');
    const saved = await post('/board-papers/1/sections/risk', { body: 'The risk of stopping is greater than the risk of going on.', blocks: ['external'] });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/board-papers/1#section-risk');

    const page = text((await get('/board-papers/1')).body);
    expect(page).toContain('8. Risk assessment The risk of stopping is greater than the risk of going on.');
    expect(page).toContain('12 October 2027');
    expect(page).toContain('METHOD ANNEX: HOW THE FIGURES ARE WORKED OUT');
    expect(page).toMatch(/2021 29 2\.9 \+16%/);
  });

  it('publish an edition: downloads the same bytes every time, lists who published it, and refuses changes', async () => {
    const draftPdf = await get('/board-papers/1/paper.pdf');
    expect(draftPdf.statusCode).toBe(200);
    expect(draftPdf.headers['content-type']).toBe('application/pdf');
    const published = await post('/board-papers/1/publish', {});
    expect(published.statusCode).toBe(303);
    const list = text((await get('/board-papers')).body);
    expect(list).toMatch(/Edition 1 Children’s services 2021 12 October 2027 Published .* Morven Manager, /);
    for (const format of ['pdf', 'docx']) {
      const first = await get(`/board-papers/1/paper.${format}`);
      const second = await get(`/board-papers/1/paper.${format}`);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-disposition']).toBe(`attachment; filename="childrens-services-2021-2027-10-12-edition-1.${format}"`);
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    }
    expect((await get('/board-papers/1/sections/risk')).statusCode).toBe(409);
    expect((await get('/board-papers/1/cover')).statusCode).toBe(409);
    const page = await get('/board-papers/1');
    expect(text(page.body)).toContain('This edition is published and can no longer be changed');
    expect(page.body).not.toContain('/board-papers/1/sections/risk');
  });
});

/**
 * @module Two people changing one of the key people around a child at once (issue 12): different fields are both
 * kept; the same field is shown side by side to choose; someone outside the team is refused and changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`two people changing a key person (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let alex: string;
  let blair: string;
  let outsider: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'K1', forename: 'Ailsa', surname: 'Boyd' });
    await aCase(database.db, 'K1', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    const signedIn = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    alex = signedIn.cookie;
    ({ cookie: blair } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W2' }));
    ({ cookie: outsider } = await signInAs(app, services, 'practitioner', { team: 'North', workerId: 'W9' }));
    for (const name of ['Aileen Brodie', 'Mrs Reid']) {
      // Agencies are chosen from the partner agencies an administrator keeps (ADR 0029).
      await database.db.query(`insert into reference_entries (list, name, match_key) values ('partner_agency', 'Corsebank Academy', 'corsebankacademy'), ('partner_agency', 'Northfield Primary', 'northfieldprimary') on conflict (list, match_key) do nothing`);
      await services.keyPeople.add(signedIn.user, 'K1', { name, relationship: 'Health visitor', inHousehold: false, agency: 'NHS', contact: null });
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const editUrl = async (name: string) => {
    const [row] = await database.db.query<{ person_id: string }>('select person_id from key_people where child_id = $1 and name = $2', ['K1', name]);
    return paths.children.editKeyPerson({ childId: 'K1', personId: row!.person_id });
  };
  const person = async (url: string) => (await database.db.query<{ name: string; relationship: string; agency: string | null; contact: string | null }>(
    'select name, relationship, agency, contact from key_people where person_id = $1', [url.split('/').at(-2)!]))[0];
  async function opened(url: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const [edit] = postForms(page.html, url).filter((candidate) => candidate.action === url);
    return { send: (changes: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...edit!.hidden, ...edit!.shown, ...changes }) }), cookie: page.cookie };
  }

  it('keeps both changes when they changed different fields', async () => {
    const url = await editUrl('Aileen Brodie');
    const a = await opened(url, alex);
    const b = await opened(url, blair);
    expect((await a.send({ contact: '01234 567890' })).statusCode).toBe(303);
    const second = await b.send({ relationship: 'Health visitor (Belmont practice)' });
    expect(second.statusCode).toBe(303);
    expect(await person(url)).toEqual({ name: 'Aileen Brodie', relationship: 'Health visitor (Belmont practice)', agency: 'NHS', contact: '01234 567890' });
    const list = await app.inject({ url: second.headers.location as string, headers: { cookie: sessionCookie(second, b.cookie) } });
    expect(list.body).toContain('Someone else changed Contact details meanwhile: their change is kept too.');
    const [audit] = await database.db.query<{ before: { contact: string | null } }>(
      `select details->'before' as before from audit_events where action = 'child.changed' and subject = 'key people' and details->>'fromVersion' = '1' and child_id = 'K1'`);
    expect(audit!.before.contact).toBeNull();
  });

  it('shows both values when they changed the same field, and saves the one chosen', async () => {
    const url = await editUrl('Mrs Reid');
    const a = await opened(url, alex);
    const b = await opened(url, blair);
    expect((await a.send({ agency: 'Corsebank Academy' })).statusCode).toBe(303);
    const clash = await b.send({ agency: 'Northfield Primary' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Keep theirs: Corsebank Academy');
    expect(clash.body).toContain('Use mine: Northfield Primary');
    expect((await person(url))!.agency).toBe('Corsebank Academy');
    const again = postForms(clash.body, url).find((candidate) => candidate.action === url)!;
    const chosen = await app.inject({ method: 'POST', url, headers: urlencoded(b.cookie), payload: form({ ...again.hidden, ...again.shown, '_keep-agency': 'theirs' }) });
    expect(chosen.statusCode).toBe(303);
    expect((await person(url))!.agency).toBe('Corsebank Academy');
  });

  it('refuses someone outside the child’s team and changes nothing', async () => {
    const url = await editUrl('Mrs Reid');
    expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode).toBe(403);
    const page = await openForm(app, '/', outsider);
    const tried = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, name: 'Someone else', relationship: 'x', inHousehold: 'no' }) });
    expect(tried.statusCode).toBe(403);
    expect((await person(url))!.name).toBe('Mrs Reid');
  });
});

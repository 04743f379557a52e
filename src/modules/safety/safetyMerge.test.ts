/**
 * @module Two people editing one danger statement and its safety goal at once (issue 12, item 2): changes to
 * different fields are both kept; changes to the same field are shown side by side for the second person to choose.
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

describe(`two people changing one danger statement (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let alex: string;
  let blair: string;
  let mapId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'V1', forename: 'Ailsa', surname: 'Boyd' });
    await aCase(database.db, 'V1', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    ({ cookie: alex } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' }));
    ({ cookie: blair } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W2' }));
    const start = await openForm(app, paths.safety.maps({ childId: 'V1' }), alex);
    const started = await app.inject({ method: 'POST', url: paths.safety.maps({ childId: 'V1' }), headers: urlencoded(start.cookie), payload: form({ _csrf: start.token, title: 'Boyd family' }) });
    mapId = /\/safety\/maps\/([0-9a-f-]{36})$/.exec(started.headers.location as string)![1]!;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Add a pair and return its edit page's address. */
  async function aPair(statement: string, goal: string): Promise<string> {
    const url = paths.safety.newPair({ childId: 'V1', mapId });
    const page = await openForm(app, url, alex);
    const version = /name="mapVersion" value="(\d+)"/.exec(page.html)![1]!;
    const added = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, mapVersion: version, dangerStatement: statement, safetyGoal: goal, saidBy: 'Mum', 'saidOn-day': '5', 'saidOn-month': '1', 'saidOn-year': '2026' }) });
    expect(added.statusCode).toBe(303);
    const [row] = await database.db.query<{ pair_id: string }>('select pair_id from safety_pairs where map_id = $1 and danger_statement = $2', [mapId, statement]);
    return paths.safety.editPair({ childId: 'V1', mapId, pairId: row!.pair_id });
  }

  /** Open the edit form as a browser would, then send it with `changes` typed in. */
  async function opened(url: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const [edit] = postForms(page.html, url).filter((candidate) => !candidate.notKept);
    return { send: (changes: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...edit!.hidden, ...edit!.shown, ...changes }) }), cookie: page.cookie };
  }

  const pairNow = async (url: string) => {
    const pairId = url.split('/').at(-2)!;
    const [row] = await database.db.query<{ danger_statement: string; safety_goal: string }>('select danger_statement, safety_goal from safety_pairs where pair_id = $1', [pairId]);
    return row;
  };

  it('keeps both changes when they changed different fields (the goal, then the statement)', async () => {
    const url = await aPair('Dad drinks', 'The children are safe');
    const a = await opened(url, alex);
    const b = await opened(url, blair);
    expect((await a.send({ safetyGoal: 'The children are safe at night' })).statusCode).toBe(303);
    const second = await b.send({ dangerStatement: 'Dad drinks every weekend' });
    expect(second.statusCode).toBe(303);
    expect(await pairNow(url)).toEqual({ danger_statement: 'Dad drinks every weekend', safety_goal: 'The children are safe at night' });
    const map = await app.inject({ url: second.headers.location as string, headers: { cookie: sessionCookie(second, b.cookie) } });
    expect(map.body).toContain('Someone else changed Safety goal meanwhile: their change is kept too.');
  });

  it('shows both values when they changed the same field, and saves the one chosen', async () => {
    const url = await aPair('Mum shouts', 'Calm evenings');
    const a = await opened(url, alex);
    const b = await opened(url, blair);
    expect((await a.send({ dangerStatement: 'Mum shouts when tired' })).statusCode).toBe(303);
    const clash = await b.send({ dangerStatement: 'Mum shouts at the children', safetyGoal: 'Calm, quiet evenings' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Danger statement: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: Mum shouts when tired');
    expect(clash.body).toContain('Use mine: Mum shouts at the children');
    // Nothing saved yet: the first person's statement stands.
    expect(await pairNow(url)).toEqual({ danger_statement: 'Mum shouts when tired', safety_goal: 'Calm evenings' });
    const [again] = postForms(clash.body, url).filter((candidate) => !candidate.notKept);
    const chosen = await app.inject({ method: 'POST', url, headers: urlencoded(b.cookie), payload: form({ ...again!.hidden, ...again!.shown, '_keep-dangerStatement': 'theirs' }) });
    expect(chosen.statusCode).toBe(303);
    // Theirs kept for the field both changed; mine kept for the goal only I changed.
    expect(await pairNow(url)).toEqual({ danger_statement: 'Mum shouts when tired', safety_goal: 'Calm, quiet evenings' });
  });
});

/**
 * @module Every part of a safety map can be changed, not only removed (issue 12): the change keeps the old words in the
 * map's versions; removing asks first; two people changing the network or the plan at once are merged field by field.
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
import type { SignedInUser } from '../../platform/access/user.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`changing and removing parts of a safety map (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let alex: string;
  let alexUser: SignedInUser;
  let blair: string;
  let outsider: string;
  let mapId: string;
  const ids = () => ({ childId: 'E1', mapId });

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'E1', familyId: 'FE1', forename: 'Ailsa', surname: 'Boyd' });
    await aChild(database.db, { childId: 'E2', familyId: 'FE1', forename: 'Callum', surname: 'Boyd' });
    await aChild(database.db, { childId: 'E3', familyId: 'FE1', forename: 'Skye', surname: 'Boydell' });
    await aCase(database.db, 'E1', { team: 'Family First', workerId: 'W1' });
    await aCase(database.db, 'E2', { team: 'Family First', workerId: 'W1' });
    await aCase(database.db, 'E3', { team: 'North', workerId: 'W9' });
    app = await buildApp(services, { logger: false });
    ({ cookie: alex, user: alexUser } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1', displayName: 'Alex Reid' }));
    ({ cookie: blair } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W2', displayName: 'Blair Kerr' }));
    ({ cookie: outsider } = await signInAs(app, services, 'practitioner', { team: 'North', workerId: 'W9' }));
    const started = await services.safety.startMap(alexUser, 'E1', { title: 'Boyd family', siblingIds: [], fromLast: false });
    if (started.outcome !== 'started') throw new Error('map not started');
    mapId = started.mapId;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const version = async () => (await database.db.query<{ version: number }>('select version from safety_maps where map_id = $1', [mapId]))[0]!.version;
  async function added(edit: Parameters<Services['safety']['changeMap']>[4]) {
    const result = await services.safety.changeMap(alexUser, 'E1', mapId, await version(), edit);
    expect(result.outcome).toBe('saved');
  }
  const idOf = async (table: string, key: string, column: string, value: string) =>
    (await database.db.query<{ id: string }>(`select ${key} as id from ${table} where map_id = $1 and ${column} = $2`, [mapId, value]))[0]!.id;

  /** Open a form as a browser would, then send it with `changes` typed in. */
  async function opened(url: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const [edit] = postForms(page.html, url).filter((candidate) => !candidate.notKept);
    return { send: (changes: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...edit!.hidden, ...edit!.shown, ...changes }) }), cookie: page.cookie };
  }

  it('changes an existing strength, and the map’s versions show who changed it, when, and the words it had before', async () => {
    await added({ kind: 'item', item: { category: 'existing_strength', words: 'Gran visits on Sundays', saidBy: 'Gran', saidOn: '2026-01-05' } });
    const itemId = await idOf('safety_map_items', 'item_id', 'words', 'Gran visits on Sundays');
    const url = paths.safety.editItem({ ...ids(), itemId });
    const page = await openForm(app, url, alex);
    expect(page.html).toContain('Gran visits on Sundays');
    const saved = await (await opened(url, alex)).send({ words: 'Gran visits every day after school' });
    expect(saved.statusCode).toBe(303);
    const map = await app.inject({ url: paths.safety.map(ids()), headers: { cookie: alex } });
    expect(map.body).toContain('Gran visits every day after school');
    expect(map.body).not.toContain('Gran visits on Sundays');
    const history = await app.inject({ url: paths.safety.history(ids()), headers: { cookie: alex } });
    expect(history.body).toContain('Changed in existing strength: Gran visits every day after school (was: Gran visits on Sundays, Gran, 2026-01-05)');
    expect(history.body).toContain('Alex Reid');
    const [audit] = await database.db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'safety.changed' and child_id = 'E1' and details->>'change' = 'editItem'`);
    expect(audit!.n).toBe(1);
  });

  it('asks before removing a rule from the plan, removes nothing until the person says yes, and keeps it in the versions', async () => {
    await added({ kind: 'rule', rule: { rule: 'Dad does not drink at home', whoDoesWhat: 'Gran checks in each evening', ifBroken: 'Gran takes the children to hers' } });
    const ruleId = await idOf('safety_plan_rules', 'rule_id', 'rule', 'Dad does not drink at home');
    const mapPage = await openForm(app, paths.safety.map(ids()), alex);
    const remove = postForms(mapPage.html, paths.safety.map(ids())).find((f) => f.action === paths.safety.remove({ ...ids(), entryId: ruleId }))!;
    const asked = await app.inject({ method: 'POST', url: remove.action, headers: urlencoded(mapPage.cookie), payload: form(remove.hidden) });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Remove this rule from the safety plan?');
    expect(asked.body).toContain('Dad does not drink at home');
    expect(await idOf('safety_plan_rules', 'rule_id', 'rule', 'Dad does not drink at home')).toBe(ruleId);
    const yes = postForms(asked.body, remove.action).find((f) => f.action === remove.action);
    const removed = await app.inject({ method: 'POST', url: yes!.action, headers: urlencoded(mapPage.cookie), payload: form({ ...yes!.hidden }) });
    expect(removed.statusCode).toBe(303);
    expect(await database.db.query('select 1 from safety_plan_rules where rule_id = $1', [ruleId])).toEqual([]);
    const history = await app.inject({ url: paths.safety.history(ids()), headers: { cookie: alex } });
    expect(history.body).toContain('Removed: Dad does not drink at home');
  });

  it('merges two people’s changes to one safety network member when they changed different fields', async () => {
    await added({ kind: 'member', member: { name: 'Jean Boyd', relationship: 'Gran', agreedToDo: 'Visit on Sundays' } });
    const memberId = await idOf('safety_network_members', 'member_id', 'name', 'Jean Boyd');
    const url = paths.safety.editMember({ ...ids(), memberId });
    const a = await opened(url, alex);
    const b = await opened(url, blair);
    expect((await a.send({ agreedToDo: 'Visit every evening' })).statusCode).toBe(303);
    const second = await b.send({ relationship: 'Maternal gran' });
    expect(second.statusCode).toBe(303);
    expect(await database.db.query('select relationship, agreed_to_do from safety_network_members where member_id = $1', [memberId]))
      .toEqual([{ relationship: 'Maternal gran', agreed_to_do: 'Visit every evening' }]);
    const map = await app.inject({ url: second.headers.location as string, headers: { cookie: sessionCookie(second, b.cookie) } });
    expect(map.body).toContain('Someone else changed What they have agreed to do meanwhile: their change is kept too.');
  });

  it('shows both values when two people change the same field of a plan rule, and saves the one chosen', async () => {
    await added({ kind: 'rule', rule: { rule: 'No shouting at bedtime', whoDoesWhat: 'Mum', ifBroken: 'Call Gran' } });
    const ruleId = await idOf('safety_plan_rules', 'rule_id', 'rule', 'No shouting at bedtime');
    const url = paths.safety.editRule({ ...ids(), ruleId });
    const a = await opened(url, alex);
    const b = await opened(url, blair);
    expect((await a.send({ ifBroken: 'Call Gran, who comes round' })).statusCode).toBe(303);
    const clash = await b.send({ ifBroken: 'Call the social worker', whoDoesWhat: 'Mum and Dad' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Keep theirs: Call Gran, who comes round');
    expect(clash.body).toContain('Use mine: Call the social worker');
    expect(await database.db.query('select if_broken, who_does_what from safety_plan_rules where rule_id = $1', [ruleId])).toEqual([{ if_broken: 'Call Gran, who comes round', who_does_what: 'Mum' }]);
    const [again] = postForms(clash.body, url).filter((candidate) => !candidate.notKept);
    const chosen = await app.inject({ method: 'POST', url, headers: urlencoded(b.cookie), payload: form({ ...again!.hidden, ...again!.shown, '_keep-ifBroken': 'mine' }) });
    expect(chosen.statusCode).toBe(303);
    expect(await database.db.query('select if_broken, who_does_what from safety_plan_rules where rule_id = $1', [ruleId])).toEqual([{ if_broken: 'Call the social worker', who_does_what: 'Mum and Dad' }]);
  });

  it('offers only the brothers and sisters this person may open, and keeps the typed name when one they may not is sent', async () => {
    const url = paths.safety.maps({ childId: 'E1' });
    const page = await openForm(app, url, alex);
    expect(page.html).toContain('Callum Boyd');
    expect(page.html).not.toContain('Skye Boydell');
    const maps = async () => (await database.db.query<{ n: number }>(`select count(*)::int as n from safety_maps where child_id = 'E1'`))[0]!.n;
    const before = await maps();
    const refused = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, title: 'Boyd children – core group', siblings: 'E3' }) });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('This map can only cover brothers and sisters you may open');
    expect(refused.body).toContain('value="Boyd children – core group"');
    expect(await maps()).toBe(before);
    const started = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, title: 'Boyd children – core group', siblings: 'E2' }) });
    expect(started.statusCode).toBe(303);
    expect(await maps()).toBe(before + 1);
  });

  it('refuses the change and remove pages to someone outside the child’s team, changing nothing', async () => {
    await added({ kind: 'item', item: { category: 'harm', words: 'Police were called in March', saidBy: 'Police', saidOn: '2026-03-30' } });
    const itemId = await idOf('safety_map_items', 'item_id', 'words', 'Police were called in March');
    const memberId = await idOf('safety_network_members', 'member_id', 'name', 'Jean Boyd');
    const ruleId = await idOf('safety_plan_rules', 'rule_id', 'rule', 'No shouting at bedtime');
    for (const url of [paths.safety.editItem({ ...ids(), itemId }), paths.safety.editMember({ ...ids(), memberId }), paths.safety.editRule({ ...ids(), ruleId }), paths.safety.scalingGrid(ids())]) {
      expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode, url).toBe(403);
    }
    const page = await openForm(app, '/', outsider);
    const tried = await app.inject({ method: 'POST', url: paths.safety.remove({ ...ids(), entryId: itemId }), headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, mapVersion: String(await version()), confirmed: 'yes' }) });
    expect(tried.statusCode).toBe(403);
    expect(await idOf('safety_map_items', 'item_id', 'words', 'Police were called in March')).toBe(itemId);
  });
});

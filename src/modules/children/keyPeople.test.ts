import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';

describe(`the people and agencies around a child (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
  });
  afterAll(() => database.drop());

  it('lists the household first, adds with an audit event, and refuses someone outside the team', async () => {
    const { db } = database;
    await aChild(db, { childId: 'P1' });
    await aCase(db, 'P1', { team: 'Family First', workerId: 'W1' });
    const worker = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    const outsider = await aUser(db, 'practitioner', { team: 'South', workerId: 'W9' });
    expect(await services.keyPeople.add(worker, 'P1', { name: 'Aileen Brodie', relationship: 'Health visitor', inHousehold: false, agency: 'NHS', contact: null })).toBe('added');
    expect(await services.keyPeople.add(worker, 'P1', { name: 'Zoe Brodie', relationship: 'Mum', inHousehold: true, agency: null, contact: '01234 567890' })).toBe('added');
    expect(await services.keyPeople.add(outsider, 'P1', { name: 'X', relationship: 'Y', inHousehold: false, agency: null, contact: null })).toBe('forbidden');
    const people = await services.keyPeople.list(worker, 'P1');
    expect(people !== 'forbidden' && people.map((p) => [p.name, p.inHousehold])).toEqual([['Zoe Brodie', true], ['Aileen Brodie', false]]);
    expect(await services.keyPeople.list(outsider, 'P1')).toBe('forbidden');
    expect(await db.query(`select count(*)::int as n from audit_events where action = 'child.changed' and subject = 'key people' and child_id = 'P1'`)).toEqual([{ n: 2 }]);
  });
});

/** @module A child added in Cairn continues the numbered style of the children already held, and two added at once never share an id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { aChild, aUser } from '../../../test/support/factories.js';
import type { SignedInUser } from '../../platform/access/user.js';

describe(`new children's ids (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let manager: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    manager = await aUser(database.db, 'service_manager');
  });
  afterAll(async () => database?.drop());

  const add = (forename: string) =>
    services.children.add(manager, { forename, surname: 'Numbered', dateOfBirth: '2015-06-01', sex: null, school: null, schoolCluster: null, locality: null, siblingId: null }, { notADuplicate: true });

  it('starts at C000001 in an empty authority', async () => {
    expect(await add('First')).toMatchObject({ outcome: 'added', childId: 'C000001' });
  });

  it('continues the style of imported ids, whatever else is held', async () => {
    await aChild(database.db, { childId: 'C012987' });
    await aChild(database.db, { childId: 'C000450' });
    await aChild(database.db, { childId: 'LEGACY-ABC' });
    expect(await add('Second')).toMatchObject({ outcome: 'added', childId: 'C012988' });
  });

  it('gives two children added at the same moment different ids', async () => {
    const [a, b] = await Promise.all([add('Third'), add('Fourth')]);
    const ids = [a, b].map((r) => (r.outcome === 'added' ? r.childId : r.outcome));
    expect(ids.sort()).toEqual(['C012989', 'C012990']);
  });

  it('counts only ids of up to four letters then 3 to 15 digits, however many others there are', async () => {
    for (let n = 0; n < 8; n++) {
      await aChild(database.db, { childId: `ABCDE${100 + n}` }); // five letters
      await aChild(database.db, { childId: `Z${10 + n}` }); // two digits
      await aChild(database.db, { childId: `Q1000000000000${100 + n}` }); // sixteen digits
      await aChild(database.db, { childId: `AB-${100 + n}` }); // not letters then digits
    }
    expect(await add('Fifth')).toMatchObject({ outcome: 'added', childId: 'C012991' });
  });
});

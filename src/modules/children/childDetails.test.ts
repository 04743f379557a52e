import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import { readChildDetails } from './childDetails.js';

describe(`changing a child's details (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
  });
  afterAll(() => database.drop());

  it('saves and audits a correction, refuses one that would duplicate another child, and refuses outsiders', async () => {
    const { db } = database;
    await aChild(db, { childId: 'D1', forename: 'Kenzie', surname: 'Orr', dateOfBirth: '2011-11-11' });
    await aChild(db, { childId: 'D2', forename: 'Kenzie', surname: 'Orr', dateOfBirth: '2011-11-12' });
    await aCase(db, 'D2', { team: 'Family First', workerId: 'W1' });
    const worker = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    const outsider = await aUser(db, 'practitioner', { team: 'South', workerId: 'W9' });
    const change = { forename: 'Kenzie', surname: 'Orr', dateOfBirth: '2011-11-11', sex: 'F' as const, school: 'Whinfield Primary', schoolCluster: 'Belmont', locality: 'Whinfield' };
    expect(await services.children.changeDetails(worker, 'D2', change, 1)).toEqual({ outcome: 'duplicate', childIds: ['D1'] });
    expect(await services.children.changeDetails(outsider, 'D2', { ...change, dateOfBirth: '2011-11-13' }, 1)).toEqual({ outcome: 'forbidden' });
    expect(await services.children.changeDetails(worker, 'D2', { ...change, dateOfBirth: '2011-11-13' }, 1)).toEqual({ outcome: 'changed' });
    expect(await db.query(`select date_of_birth, sex, school, school_cluster, locality from children where child_id = 'D2'`)).toEqual([{ date_of_birth: '2011-11-13', sex: 'F', school: 'Whinfield Primary', school_cluster: 'Belmont', locality: 'Whinfield' }]);
    expect(await db.query(`select subject from audit_events where action = 'child.changed' and child_id = 'D2'`)).toEqual([{ subject: 'details' }]);
  });

  it('explains every problem with the form at once', () => {
    const { errors } = readChildDetails({ forename: '', surname: 'Orr', 'dob-day': '30', 'dob-month': '2', 'dob-year': '2012', sex: 'Q' }, '2022-01-01');
    expect(errors).toEqual({ forename: 'Enter the child’s first name', sex: 'Select the child’s sex, or leave it unanswered', 'dob-day': 'Date of birth must be a real date' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aPlacement, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';

describe(`children: scoped search and audited views (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let teamMate: SignedInUser;
  let manager: SignedInUser;
  let otherManager: SignedInUser;
  let serviceManager: SignedInUser;
  let analyst: SignedInUser;
  let admin: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    await aChild(db, { childId: 'A1', familyId: 'F1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' });
    await aChild(db, { childId: 'A2', familyId: 'F1', forename: 'Rory', surname: 'Boyd', dateOfBirth: '2014-05-06' });
    await aChild(db, { childId: 'B1', forename: 'Isla', surname: 'Boyle', dateOfBirth: '2009-07-08' });
    await aChild(db, { childId: 'C1', forename: 'Euan', surname: 'Muir', dateOfBirth: '2016-01-02' });
    await aChild(db, { childId: 'D1', forename: 'Morag', surname: 'Boyd', dateOfBirth: '2010-10-10' });
    await aCase(db, 'A1', { team: 'Family First', workerId: 'W1' });
    await aCase(db, 'A2', { team: 'Family First', workerId: 'W2' });
    await aCase(db, 'B1', { team: 'Children and Families North', workerId: 'W3' });
    await aCase(db, 'D1', { team: 'Family First', workerId: 'W1', openedDate: '2019-01-01', closedDate: '2020-01-01' });
    // Born in 2000: one digit away from their date of birth is year 0000, which PostgreSQL has no day in.
    await aChild(db, { childId: 'Y1', forename: 'Ewan', surname: 'Reid', dateOfBirth: '2000-09-10' });
    await aChild(db, { childId: 'Y2', forename: 'Ewan', surname: 'Reid', dateOfBirth: '2000-10-09' });
    await aCase(db, 'Y1', { team: 'Family First', workerId: 'W1' });
    const episode = await anEpisode(db, 'A1', { startDate: '2020-01-01' });
    await aPlacement(db, episode, 'A1', { startDate: '2020-01-01', placementType: 'kinship' });
    worker = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    teamMate = await aUser(db, 'practitioner', { team: 'Children and Families North', workerId: 'W9' });
    manager = await aUser(db, 'team_manager', { team: 'Family First' });
    otherManager = await aUser(db, 'team_manager', { team: 'Children and Families North' });
    serviceManager = await aUser(db, 'service_manager');
    analyst = await aUser(db, 'analyst');
    admin = await aUser(db, 'admin');
  });
  afterAll(() => database.drop());

  const ids = (results: { childId: string }[]) => results.map((r) => r.childId).sort();

  it('finds children by the start of a surname within the searcher’s scope only', async () => {
    expect(ids(await services.children.search(worker, { text: 'boy', limit: 50 }))).toEqual(['A1', 'A2']);
    expect(ids(await services.children.search(otherManager, { text: 'boy', limit: 50 }))).toEqual(['B1']);
    expect(ids(await services.children.search(serviceManager, { text: 'boy', limit: 50 }))).toEqual(['A1', 'A2', 'B1', 'D1']);
  });

  it('matches every word, an exact id, and a date of birth', async () => {
    expect(ids(await services.children.search(serviceManager, { text: 'ailsa boyd', limit: 50 }))).toEqual(['A1']);
    expect(ids(await services.children.search(serviceManager, { text: 'C1', limit: 50 }))).toEqual(['C1']);
    expect(ids(await services.children.search(serviceManager, { text: 'boyd', dateOfBirth: '2014-05-06', limit: 50 }))).toEqual(['A2']);
  });

  it('treats LIKE wildcards typed by a person as ordinary characters', async () => {
    expect(await services.children.search(serviceManager, { text: '%', limit: 50 })).toEqual([]);
    expect(await services.children.search(serviceManager, { text: '_oyd', limit: 50 })).toEqual([]);
  });

  it('gives analysts and administrators no named children at all', async () => {
    expect(await services.children.search(analyst, { text: 'boyd', limit: 50 })).toEqual([]);
    expect(await services.children.search(admin, { text: 'boyd', limit: 50 })).toEqual([]);
    expect((await services.children.view(analyst, 'A1')).outcome).toBe('forbidden');
  });

  it('lets a practitioner open a child on their team’s caseload but not another team’s, nor a closed case', async () => {
    expect((await services.children.view(worker, 'A2')).outcome).toBe('shown'); // team's, another worker's
    expect((await services.children.view(worker, 'B1')).outcome).toBe('forbidden');
    expect((await services.children.view(worker, 'D1')).outcome).toBe('forbidden'); // case closed
    expect((await services.children.view(teamMate, 'B1')).outcome).toBe('shown');
    expect((await services.children.view(manager, 'A1')).outcome).toBe('shown');
    expect((await services.children.view(manager, 'B1')).outcome).toBe('forbidden');
    expect((await services.children.view(worker, 'NOPE')).outcome).toBe('not_found');
  });

  it('returns the whole summary: family, case, episode and placement', async () => {
    const view = await services.children.view(worker, 'A1');
    if (view.outcome !== 'shown') throw new Error('expected the child to be shown');
    expect(view.summary.child.surname).toBe('Boyd');
    expect(view.summary.familyMembers.map((f) => f.childId)).toEqual(['A2']);
    expect(view.summary.cases).toHaveLength(1);
    expect(view.summary.episodes[0]?.legalReason).toBe('cso_away');
    expect(view.summary.placements[0]?.placementType).toBe('kinship');
  });

  it('opens a child born in 2000 with their likely duplicates, and checks one before adding (no date in year 0000 asked for)', async () => {
    const view = await services.children.view(worker, 'Y1', { withPossibleDuplicates: true });
    if (view.outcome !== 'shown') throw new Error(`expected the child to be shown, not ${view.outcome}`);
    expect(view.possibleDuplicates?.map((d) => d.childId)).toEqual(['Y2']);
    expect(view.possibleDuplicates?.[0]?.why).toContain('day and month swapped');
    const found = await services.children.checkBeforeAdding(serviceManager, { forename: 'Ewan', surname: 'Reid', dateOfBirth: '2000-09-10' });
    expect(found.map((d) => d.childId).sort()).toEqual(['Y1', 'Y2']);
  });

  it('audits every view, including refusals, with the child and the person', async () => {
    await services.children.view(worker, 'A1');
    await services.children.view(worker, 'B1');
    const { events } = await services.audit.search({ kind: 'user', user: admin }, { actor: worker.username, limit: 100, offset: 0 });
    const views = events.filter((e) => e.action === 'child.viewed');
    expect(views.some((e) => e.childId === 'A1' && !e.details.refused)).toBe(true);
    expect(views.some((e) => e.childId === 'B1' && e.details.refused === true)).toBe(true);
    expect(views.every((e) => e.userId === worker.userId)).toBe(true);
  });
});

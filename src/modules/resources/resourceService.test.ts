import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { Resource } from './resource.js';

describe(`booking the council's own places (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let manager: SignedInUser;
  let otherManager: SignedInUser;
  let flat: Resource;
  let house: Resource;
  const stay = { reason: 'Crisis at home', avoidedOutOfAuthority: true };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    for (const childId of ['S1', 'S2', 'S3', 'S4']) {
      await aChild(db, { childId, forename: `Child${childId}`, surname: 'Reid' });
      await aCase(db, childId, { team: 'Family First', workerId: 'W1' });
    }
    await aChild(db, { childId: 'N1', forename: 'Other', surname: 'Team' });
    await aCase(db, 'N1', { team: 'North', workerId: 'W5' });
    manager = await aUser(db, 'team_manager', { team: 'Family First' });
    otherManager = await aUser(db, 'service_manager');
    const system = { kind: 'system', name: 'test' } as const;
    flat = await services.resources.add(system, { name: 'Seabank House flat', kind: 'short_break', places: ['Flat'] });
    house = await services.resources.add(system, { name: 'Kestrel House', kind: 'childrens_house', places: ['Room 1', 'Room 2'] });
  });
  afterAll(() => database?.drop());

  it('books a place for a child, audited, and refuses a stay that shares a night with it, naming the dates', async () => {
    const placeId = house.places[0]!.placeId;
    const booked = await services.resources.book(manager, 'S1', { placeId, startDate: '2024-03-01', endDate: '2024-03-05', ...stay });
    expect(booked).toMatchObject({ outcome: 'booked' });
    expect(await services.resources.book(manager, 'S2', { placeId, startDate: '2024-03-04', endDate: '2024-03-06', ...stay })).toEqual({
      outcome: 'problems', problems: { placeId: 'Kestrel House: Room 1 is already booked from 1 March 2024 to 5 March 2024. Choose other dates or another place.' },
    });
    // Leaving on the 5th frees the 5th: a stay may start the day another ends.
    expect(await services.resources.book(manager, 'S2', { placeId, startDate: '2024-03-05', endDate: '2024-03-06', ...stay })).toMatchObject({ outcome: 'booked' });
    const audit = await database.db.query<{ action: string; child_id: string }>("select action, child_id from audit_events where action = 'resources.booked' order by event_id");
    expect(audit).toEqual([{ action: 'resources.booked', child_id: 'S1' }, { action: 'resources.booked', child_id: 'S2' }]);
  });

  it('refuses a manager booking for a child outside their team', async () => {
    expect(await services.resources.book(manager, 'N1', { placeId: house.places[1]!.placeId, startDate: '2024-04-01', endDate: '2024-04-02', ...stay })).toEqual({ outcome: 'forbidden' });
  });

  it('two managers booking the last night of the flat at once: exactly one succeeds', async () => {
    const placeId = flat.places[0]!.placeId;
    const results = await Promise.all([
      services.resources.book(manager, 'S3', { placeId, startDate: '2024-06-01', endDate: '2024-06-03', ...stay }),
      services.resources.book(otherManager, 'S4', { placeId, startDate: '2024-06-02', endDate: '2024-06-04', ...stay }),
    ]);
    expect(results.filter((r) => r.outcome === 'booked')).toHaveLength(1);
    const refused = results.find((r) => r.outcome === 'problems');
    expect(refused && refused.outcome === 'problems' && refused.problems.placeId).toMatch(/^Seabank House flat: Flat (is already booked|was booked by someone else)/);
    expect(await database.db.query('select child_id from place_bookings where place_id = $1', [placeId])).toHaveLength(1);
  });

  it('the database refuses the second of two overlapping bookings whose transactions overlap: it waits for the first, then fails', async () => {
    const placeId = flat.places[0]!.placeId;
    const insert = `insert into place_bookings (booking_id, place_id, child_id, start_date, end_date, reason, avoided_out_of_authority)
                    values ($1, $2, $3, '2024-09-01', '2024-09-03', 'Respite', false)`;
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    let commitFirst!: () => void;
    const gate = new Promise<void>((resolve) => (commitFirst = resolve));
    const first = database.db.transaction(async (tx) => {
      await tx.query(insert, ['B-first', placeId, 'S3']);
      firstInserted();
      await gate;
    });
    await inserted;
    // On PostgreSQL the second insert blocks on the first's uncommitted row; on PGlite (one connection) the
    // second transaction waits for the first. Either way it must fail once the first commits.
    const second = database.db.transaction(async (tx) => {
      await tx.query(insert, ['B-second', placeId, 'S4']);
    });
    setTimeout(commitFirst, 300);
    const [firstResult, secondResult] = await Promise.allSettled([first, second]);
    expect(firstResult.status).toBe('fulfilled');
    expect(secondResult.status).toBe('rejected');
    expect(secondResult.status === 'rejected' && (secondResult.reason as { code?: string }).code).toBe('23P01');
    expect(await database.db.query("select booking_id from place_bookings where start_date = '2024-09-01'")).toEqual([{ booking_id: 'B-first' }]);
  });

  it('reports nights used, occupancy and placements avoided for a period, showing names only to those who may see the child', async () => {
    const placeId = house.places[1]!.placeId;
    await services.resources.book(otherManager, 'N1', { placeId, startDate: '2024-02-27', endDate: '2024-03-03', reason: 'Respite', avoidedOutOfAuthority: false });
    const use = await services.resources.use(manager, house.resourceId, '2024-03-01', '2024-03-10');
    // Room 1: 1–5 March (4 nights) and 5–6 March (1); Room 2: 1–3 March inside the period (2). 7 of 20 nights.
    expect(use?.use).toEqual({ nightsUsed: 7, nightsAvailable: 20, occupancyPct: 35, placementsAvoided: 2 });
    expect(use?.bookings.map((b) => [b.childId, b.nameShown])).toEqual([['N1', false], ['S1', true], ['S2', true]]);
    const viewed = await database.db.query<{ details: { namesShown: number } }>("select details from audit_events where action = 'resources.viewed'");
    expect(viewed.map((v) => v.details.namesShown)).toEqual([2]);
  });
});

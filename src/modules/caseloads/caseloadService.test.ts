import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import type { SignedInUser } from '../../platform/access/user.js';

const today = '2022-06-15';

describe(`caseloads: my work, tasks, and statutory counts by worker (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let manager: SignedInUser;
  let outsider: SignedInUser;
  let caseId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    worker = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W2' });
    manager = await aUser(db, 'team_manager', { team: 'Family First' });
    outsider = await aUser(db, 'practitioner', { team: 'South', workerId: 'W9' });
    for (const id of ['L1', 'L2', 'L3', 'L4', 'L5']) await aChild(db, { childId: id });
    caseId = await aCase(db, 'L1', { team: 'Family First', workerId: 'W1', openedDate: '2022-01-01' });
    await aCase(db, 'L2', { team: 'Family First', workerId: 'W1', openedDate: '2022-01-01' });
    await aCase(db, 'L2', { team: 'Family First', workerId: 'W2', openedDate: '2022-02-01' });
    await aCase(db, 'L3', { team: 'Family First', workerId: 'W2', openedDate: '2022-01-01', closedDate: today });
    await aCase(db, 'L4', { team: 'South', workerId: 'W9', openedDate: '2022-01-01' });
    await aCase(db, 'L5', { team: 'Family First', workerId: 'W2', openedDate: '2022-01-01' });
    // L2 looked after today; L5's episode ended today, so not looked after on the day.
    await anEpisode(db, 'L2', { startDate: '2022-03-01' });
    await anEpisode(db, 'L5', { startDate: '2022-03-01', endDate: today });
  });
  afterAll(() => database.drop());

  it('counts open children and statutory (looked after on the day) work by worker, and once in the team total', async () => {
    const result = await services.caseloads.byWorker(manager, today);
    expect(result?.workers.map((w) => [w.workerId, w.children, w.statutory])).toEqual(expect.arrayContaining([['W1', 2, 1], ['W2', 2, 1]]));
    expect(result?.workers).toHaveLength(2);
    expect(result?.totals).toEqual({ children: 3, statutory: 1 });
    expect(await services.caseloads.byWorker(worker, today)).toBeUndefined();
  });

  it('shows a worker their open cases and overdue tasks, and lets only those who may see the child add or complete one', async () => {
    expect(await services.caseloads.addTask(worker, { caseId, kind: 'visit', description: 'Home visit', dueDate: '2022-06-10' })).toBe('added');
    expect(await services.caseloads.addTask(worker, { caseId, kind: 'task', description: 'Call school', dueDate: '2022-06-20' })).toBe('added');
    expect(await services.caseloads.addTask(outsider, { caseId, kind: 'task', description: 'Nosy', dueDate: '2022-06-20' })).toBe('forbidden');
    const work = await services.caseloads.myWork(worker, today);
    expect(work.cases.map((k) => k.childId).sort()).toEqual(['L1', 'L2']);
    expect(work.tasks.map((t) => [t.description, t.dueDate < today])).toEqual([['Home visit', true], ['Call school', false]]);
    const visit = work.tasks[0]!.taskId;
    expect(await services.caseloads.completeTask(outsider, visit, today)).toBe('forbidden');
    expect(await services.caseloads.completeTask(worker, visit, today)).toBe('done');
    expect(await services.caseloads.completeTask(worker, visit, today)).toBe('already_done');
    expect((await services.caseloads.myWork(worker, today)).tasks.map((t) => t.description)).toEqual(['Call school']);
    const audited = await database.db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'case.task_changed'`);
    expect(audited[0]!.n).toBe(3);
  });
});

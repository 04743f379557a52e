/**
 * @module What each keep that watches some tables reads (ADR 0076), on the demo and on either engine: the SQL of its
 * work names exactly its `watching` list (and none of Cairn's own functions, which could read a table unseen), and what
 * it keeps is given again after a sign-in but worked out again after a change to a table it reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase } from '../support/demoTemplate.js';
import { engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { recordingDatabase } from '../support/recordingDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { aCase, aUser } from '../support/factories.js';
import { buildServices } from '../../src/composition.js';
import { tablesTheFiguresRead } from '../../src/modules/reporting/statsService.js';
import { tablesTheReviewReads } from '../../src/modules/returns/returnsService.js';
import { userRepository } from '../../src/modules/users/userRepository.js';

type Services = ReturnType<typeof buildServices>;

describe(`what the keeps read (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDemoTestDatabase();
  });
  afterAll(() => database.drop());

  /** The relations and functions `work` names, run on services of their own with nothing kept or stored. */
  async function namedBy(work: (services: Services) => Promise<unknown>) {
    await database.db.query('delete from kept_results');
    const recording = recordingDatabase(database.db);
    const services = buildServices(testConfig(), recording.db);
    await work(services);
    return { relations: await recording.relationsNamed(), functions: await recording.functionsNamed(), services };
  }
  const sorted = (tables: readonly string[]) => [...new Set(tables)].sort();

  it('the statistics name exactly the tables they watch: every kind of indicator, one year and several', async () => {
    const named = await namedBy(async (services) => {
      await services.stats.compute({ years: { first: 2019, last: 2021 }, from: '2020-07-01', to: '2021-06-30' });
      await services.stats.compute({ years: { first: 2021, last: 2021 } });
      await services.stats.compute({});
    });
    expect(named.relations).toEqual(sorted(tablesTheFiguresRead));
    expect(named.functions).toEqual([]);
  });

  it('the dashboards\' figure tables name exactly the statistics\' tables and the benchmarks\'', async () => {
    const named = await namedBy(async (services) => {
      await services.dashboards.figures({});
      await services.dashboards.figures({ years: { first: 2020, last: 2021 }, from: '2020-07-01', to: '2021-06-30' });
    });
    expect(named.relations).toEqual(sorted(named.services.figures.tablesRead));
    expect(named.relations).toEqual(sorted([...tablesTheFiguresRead, 'benchmarks']));
    expect(named.functions).toEqual([]);
  });

  it('a returns review names exactly the tables it watches, for this year\'s rules and an earlier year\'s', async () => {
    const named = await namedBy(async (services) => {
      await services.returns.review({ year: '2021-22', today: '2022-10-31' });
      await services.returns.review({ year: '2022-23', today: '2022-10-31' });
    });
    expect(named.relations).toEqual(sorted(tablesTheReviewReads));
    expect(named.functions).toEqual([]);
  });

  it('keeps the dashboards\' figures and a returns review through a sign-in, not through a change to a case', async () => {
    const services = buildServices(testConfig(), database.db);
    const user = await aUser(database.db, 'analyst');
    const figures = await services.dashboards.figures({});
    const review = await services.returns.review({ year: '2022-23', today: '2022-10-31' });
    await userRepository().recordSuccessfulSignIn(database.db, user.userId);
    expect(await services.dashboards.figures({})).toBe(figures);
    expect(await services.returns.review({ year: '2022-23', today: '2022-10-31' })).toBe(review);
    const [child] = await database.db.query<{ id: string }>('select child_id as id from children order by child_id limit 1');
    await aCase(database.db, child!.id, { openedDate: '2022-09-01' });
    expect(await services.dashboards.figures({})).not.toBe(figures);
    expect(await services.returns.review({ year: '2022-23', today: '2022-10-31' })).not.toBe(review);
  });
});

/** @module The route table: every route Cairn registers comes from a typed path in the site map, and says who may reach it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices } from '../composition.js';
import { buildApp } from './app.js';
import { allPatterns } from '../platform/http/path.js';
import { paths } from '../platform/http/paths.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/testDatabase.js';
import { testConfig } from '../../test/support/testConfig.js';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(buildServices(testConfig(), database.db));
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('the route table', () => {
  it('registers every route from a typed path (static assets aside), so no URL is written twice', () => {
    const patterns = new Set(allPatterns(paths));
    const pages = app.routeTable.filter((route) => !route.url.startsWith('/assets/'));
    expect(pages.length).toBeGreaterThan(100);
    const strays = pages.filter((route) => !patterns.has(route.url)).map((route) => `${route.method} ${route.url}`);
    expect(strays).toEqual([]);
  });

  it('gives every route its access (deny by default needs each to say who may reach it)', () => {
    const unsaid = app.routeTable.filter((route) => !route.url.startsWith('/assets/') && !route.access).map((route) => `${route.method} ${route.url}`);
    expect(unsaid).toEqual([]);
  });

  it('builds links that match their own pattern', () => {
    expect(paths.children.show({ childId: 'C0 1/2' })).toBe('/children/C0%201%2F2');
    expect(paths.safety.familyCopy({ childId: 'A1', mapId: 'M1', format: 'pdf' })).toBe('/children/A1/safety/maps/M1/family-copy.pdf');
    expect(paths.supervisionOrders.new({ childId: 'A1' }, { hearingId: 'H 1' })).toBe('/children/A1/care/orders/new?hearing=H+1');
    expect(paths.dashboards.csv({ tableId: 'lac' }, 'years=2021-2021')).toBe('/dashboards/tables/lac.csv?years=2021-2021');
    expect(paths.clusters.outcomes()).toBe('/clusters');
    expect(() => paths.children.show({ childId: '' })).toThrow(/needs childId/);
  });
});

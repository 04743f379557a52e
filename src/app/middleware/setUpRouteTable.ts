/** @module Records every route as it is registered, so tests can walk the whole route table (and check each comes from a typed path). */
import type { FastifyInstance } from 'fastify';
import type { RegisteredRoute } from '../../platform/http/fastifyTypes.js';

/** @example await setUpRouteTable(app); …; app.routeTable.filter((route) => route.method === 'POST') */
export async function setUpRouteTable(app: FastifyInstance): Promise<void> {
  const table: RegisteredRoute[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      table.push({ method, url: route.url, access: route.config?.access });
    }
  });
}

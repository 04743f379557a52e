/** @module Every module's routes, registered in one place. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../composition.js';
import { homeRoutes } from './homeRoutes.js';
import { signInRoutes } from '../modules/users/signInRoutes.js';
import { userAdminRoutes } from '../modules/users/userAdminRoutes.js';
import { childRoutes } from '../modules/children/childRoutes.js';
import { auditRoutes } from '../modules/audit/auditRoutes.js';

export async function registerRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await homeRoutes(app, services);
  await signInRoutes(app, services);
  await userAdminRoutes(app, services);
  await childRoutes(app, services);
  await auditRoutes(app, services);
}

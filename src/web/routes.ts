/** @module Every module's routes, registered in one place. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../composition.js';
import { homeRoutes } from './homeRoutes.js';
import { signInRoutes } from '../modules/users/signInRoutes.js';
import { userAdminRoutes } from '../modules/users/userAdminRoutes.js';
import { childRoutes } from '../modules/children/childRoutes.js';
import { auditRoutes } from '../modules/audit/auditRoutes.js';
import { referralRoutes } from '../modules/referrals/referralRoutes.js';
import { familyFirstRoutes } from '../modules/familyFirst/familyFirstRoutes.js';
import { clusterRoutes } from '../modules/clusters/clusterRoutes.js';
import { caseloadRoutes } from '../modules/caseloads/caseloadRoutes.js';
import { chronologyRoutes } from '../modules/children/chronologyRoutes.js';
import { mergeRoutes } from '../modules/children/mergeRoutes.js';
import { childDetailsRoutes } from '../modules/children/childDetailsRoutes.js';
import { keyPeopleRoutes } from '../modules/children/keyPeopleRoutes.js';
import { safetyRoutes } from '../modules/safety/safetyRoutes.js';
import { lookedAfterRoutes } from '../modules/lookedAfter/lookedAfterRoutes.js';
import { resourceRoutes } from '../modules/resources/resourceRoutes.js';
import { protectionRoutes } from '../modules/protection/protectionRoutes.js';
import { commissioningRoutes } from '../modules/lookedAfter/commissioningRoutes.js';
import { scraRoutes } from '../modules/scra/scraRoutes.js';
import { dashboardRoutes } from '../modules/dashboards/dashboardRoutes.js';

export async function registerRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await homeRoutes(app, services);
  await signInRoutes(app, services);
  await userAdminRoutes(app, services);
  await childRoutes(app, services);
  await auditRoutes(app, services);
  await referralRoutes(app, services);
  await familyFirstRoutes(app, services);
  await clusterRoutes(app, services);
  await caseloadRoutes(app, services);
  await chronologyRoutes(app, services);
  await mergeRoutes(app, services);
  await childDetailsRoutes(app, services);
  await keyPeopleRoutes(app, services);
  await safetyRoutes(app, services);
  await lookedAfterRoutes(app, services);
  await resourceRoutes(app, services);
  await protectionRoutes(app, services);
  await commissioningRoutes(app, services);
  await scraRoutes(app, services);
  await dashboardRoutes(app, services);
}

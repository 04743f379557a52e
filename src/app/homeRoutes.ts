/** @module The start page after sign-in: a practitioner's today page, or what this person can do. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../composition.js';
import { paths } from '../platform/http/paths.js';
import { may } from '../platform/access/access.js';
import { todayIso } from '../platform/dates/isoDates.js';
import { presentToday } from './todayPresenter.js';

export async function homeRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get(paths.home.pattern, { config: { access: { signedIn: true } } }, async (request, reply) => {
    const user = request.user!;
    if (!may(user, 'caseload:own') || !user.workerId) return reply.view('pages/home.njk', { title: 'Home' });
    const today = todayIso();
    const [work, reviews, drafts] = await Promise.all([
      services.caseloads.caseloadPage(user, today), // names the children on the caseload: audited as one view (issue 16 item 5)
      services.supervisionOrders.reviewsDue(user, today),
      services.drafts.waiting(user.userId),
    ]);
    reply.header('cache-control', 'no-store');
    return reply.view('pages/today.njk', { title: 'Today', today: presentToday({ ...work, reviews, drafts }, today) });
  });
}

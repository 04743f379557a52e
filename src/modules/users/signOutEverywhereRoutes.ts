/**
 * @module "Sign out everywhere" (issue 16): a person ends every session of their own account (a lost laptop, a
 * shared computer), and an administrator ends every session of someone else's. Both audited; both take effect on the
 * next request any of those sessions makes, since the sessions table is asked on every request.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { SessionService } from './sessionService.js';
import type { UserService } from './userService.js';

/** What signOutEverywhereRoutes needs from the composition root. */
export interface SignOutEverywhereRoutesNeeds {
  sessions: SessionService;
  users: UserService;
}

const userParams = z.object({ userId: z.uuid() });

/** @example await signOutEverywhereRoutes(app, services) */
export async function signOutEverywhereRoutes(app: FastifyInstance, services: SignOutEverywhereRoutesNeeds): Promise<void> {
  app.post(paths.signOutEverywhere.pattern, { config: { access: { signedIn: true } } }, async (request, reply) => {
    const user = request.user!;
    await services.sessions.endEverywhere({ kind: 'user', user }, user.userId, 'signed_out_everywhere');
    request.session.regenerate();
    request.session.set('signInReason', 'signed_out');
    return reply.redirect(paths.signIn.show(), 303);
  });

  app.post(paths.admin.signOutEverywhere.pattern, { config: { access: { permission: 'user:manage' } } }, async (request, reply) => {
    const params = userParams.safeParse(request.params);
    const account = params.success ? await services.users.findAccount(params.data.userId) : undefined;
    if (!params.success || !account) throw new HttpError(404, 'There is no account with that id');
    const ended = await services.sessions.endEverywhere({ kind: 'user', user: request.user! }, params.data.userId, 'ended_by_admin');
    tellNextPage(request, `${account.username} is signed out everywhere (${ended} ${ended === 1 ? 'session' : 'sessions'} ended)`);
    return reply.redirect(paths.admin.users(), 303);
  });
}

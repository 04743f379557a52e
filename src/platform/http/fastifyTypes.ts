/** @module Type additions to Fastify for Cairn: the signed-in user, route access, and session data. */
import type { SignedInUser } from '../access/user.js';
import type { RouteAccess } from '../access/permissions.js';

/** A route as registered: its method, its pattern and who may reach it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, in order (see app/middleware/setUpRouteTable.ts). */
    routeTable: readonly RegisteredRoute[];
  }
  interface FastifyContextConfig {
    /** Who may reach this route. Required: a route without it is refused. */
    access?: RouteAccess;
    /** Skip the CSRF check (only for the OIDC callback, which carries its own state check). */
    csrfExempt?: boolean;
    /** The break-glass page of a restricted record (issue 16): scope is checked, the restriction is what it opens. */
    breakGlass?: boolean;
  }
  interface FastifyReply {
    /** Values every template sees (merged by @fastify/view). */
    locals: Record<string, unknown>;
  }
  interface FastifyRequest {
    user?: SignedInUser;
    /** When the signed-in session was last active and when it ends regardless (ms since the epoch), from the sessions table. */
    sessionTimes?: { lastSeenAt: number; expiresAt: number };
    /** A form draft kept when the session ended, given back to this page's form until it is saved or discarded. */
    draft?: Record<string, string | string[]>;
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The random id of the server-side session (issue 16); the sessions table says whose it is and whether it is open. */
    sessionId: string;
    /** Where to go after signing in. */
    returnTo: string;
    /** Why the sign-in page is shown (e.g. "your session ended"), shown there once. */
    signInReason: string;
    /** A one-off message for the next page after a change ("Placement recorded"); see platform/http/flash.ts. */
    notice: string;
    /** Whether this person has drafts waiting: looked up once per session, so pages need not ask each time. */
    draftsPending: boolean;
    oidcState: string;
    oidcNonce: string;
    oidcVerifier: string;
  }
}

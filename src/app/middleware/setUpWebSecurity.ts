/**
 * @module Security headers with a per-response CSP nonce, a global request rate limit, and (issue 16) no caching of
 * any signed-in answer unless a route chose otherwise, a Permissions-Policy, and HSTS only over a secure cookie.
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../../platform/config.js';

/** Browser features Cairn never uses, switched off for every page. */
export const permissionsPolicy = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()';

export async function setUpWebSecurity(app: FastifyInstance, config: Pick<Config, 'rateLimitPerMinute' | 'cookieSecure'>): Promise<void> {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // Strict-Transport-Security only where Cairn is served over HTTPS (its cookie is secure); over plain http it
    // would tell a browser to refuse the site.
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('permissions-policy', permissionsPolicy);
    // Pages hold children's data: nothing answered to someone signed in is kept by any cache, unless the route said
    // otherwise on purpose (a dashboard's private, revalidated copy: ADR 0012).
    if (request.user && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  // A generous ceiling for everything; sign-in has its own much lower limit.
  await app.register(rateLimit, { global: true, max: config.rateLimitPerMinute, timeWindow: '1 minute' });
}

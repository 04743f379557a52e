/** @module Security headers with a per-response CSP nonce, and a global request rate limit. */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../../platform/config.js';

export async function setUpWebSecurity(app: FastifyInstance, config: Pick<Config, 'rateLimitPerMinute'>): Promise<void> {
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
    // Pages hold child data: never cache them in shared caches.
    referrerPolicy: { policy: 'same-origin' },
  });
  // A generous ceiling for everything; sign-in has its own much lower limit.
  await app.register(rateLimit, { global: true, max: config.rateLimitPerMinute, timeWindow: '1 minute' });
}

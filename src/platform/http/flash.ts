/** @module The one-off message a page shows after a change redirected to it, kept in the session under a page's prefix. */
import type { FastifyRequest } from 'fastify';

/**
 * The message left for the page with this prefix, removed from the session once read.
 * @example const message = takeFlash(request, 'orders:') // 'Order recorded'
 */
export function takeFlash(request: FastifyRequest, prefix: string): string | undefined {
  const flash = request.session.get('flash');
  if (!flash?.startsWith(prefix)) return undefined;
  request.session.set('flash', undefined);
  return flash.slice(prefix.length);
}

/**
 * @module The one-off message after a change ("Placement recorded"): left in the session by the handler that saved,
 * and shown once, as a success banner, by the layout of whichever page the person lands on next.
 */
import type { FastifyRequest } from 'fastify';

/**
 * Leave a message for the next page the person sees.
 * @example tellNextPage(request, 'Placement recorded'); return reply.redirect(paths.care.child({ childId }), 303)
 */
export function tellNextPage(request: FastifyRequest, message: string): void {
  request.session.set('notice', message);
}

/**
 * The message left for this page, removed as it is read so it shows once.
 * @example takeNotice(request) // 'Placement recorded', then undefined
 */
export function takeNotice(request: FastifyRequest): string | undefined {
  const notice = request.session.get('notice');
  if (notice) request.session.set('notice', undefined);
  return notice || undefined;
}

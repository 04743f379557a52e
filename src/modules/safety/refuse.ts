/** @module The one way the Signs of Safety pages turn a service's refusal into an HTTP error page. */
import { HttpError } from '../../platform/http/httpError.js';

/**
 * Turn a refusal from the service into the page that explains it.
 * @example if (shown.outcome !== 'shown') refuse(shown.outcome)
 */
export function refuse(outcome: 'not_found' | 'forbidden'): never {
  if (outcome === 'forbidden') throw new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.");
  throw new HttpError(404, 'There is no such safety map for this child');
}

/**
 * @module A request whose path, query or form holds a NUL or another control character is a bad request (400),
 * refused before any handler or database sees it — never a 500 from deep inside (issue 16).
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../platform/http/httpError.js';
import { holdsControlCharacter } from '../../platform/http/parameters.js';

export async function setUpBadRequests(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request) => {
    if (holdsControlCharacter(request.params) || holdsControlCharacter(request.query) || holdsControlCharacter(request.body)) {
      throw new HttpError(400, 'Something in that request could not be read. Check what you entered and try again.');
    }
  });
}

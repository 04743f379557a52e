/** @module The one HTTP error type: routes throw it, the error handler renders it. */

export class HttpError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'Page') => new HttpError(404, `${what} not found`);
export const forbidden = () => new HttpError(403, 'You do not have permission to see this page');

/**
 * The one answer to a child's record someone may not open — the same whether or not it exists, so an id is never
 * confirmed to someone who may not see it.
 */
export const recordRefused = () => new HttpError(403, 'You cannot open this record. If you need to, ask your manager.');

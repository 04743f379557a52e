/**
 * @module What an error becomes: its status (a malformed parameter is the request's fault, 400, never a 500) and what
 * of it may be logged — the route and the error's kind and where it was thrown, never its message or the request's
 * parameters, which may hold a child's id or what someone typed (issue 16).
 */
import type { FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { HttpError } from '../platform/http/httpError.js';

/**
 * @example statusOf(new HttpError(404, 'x')) // 404
 * @example statusOf(Object.assign(new Error('invalid input syntax for type date'), { code: '22007' })) // 400
 */
export function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.statusCode;
  if (error instanceof ZodError) return 400;
  const { statusCode, code } = error as { statusCode?: number; code?: unknown };
  // PostgreSQL's class 22 (data exception: a malformed date, number or text) comes from a value the request sent.
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return 400;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : 500;
}

/**
 * The parts of a failed request that may go into the log.
 * @example loggableError(new Error('no child C001'), request) // { route: 'GET /children/:childId', error: 'Error', code: undefined, at: [...] }
 */
export function loggableError(error: unknown, request: Pick<FastifyRequest, 'method' | 'routeOptions' | 'id'>) {
  const { name, code, stack } = error as { name?: string; code?: unknown; stack?: string };
  return {
    requestId: request.id,
    route: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
    error: typeof name === 'string' ? name : 'Error',
    code: typeof code === 'string' ? code : undefined,
    // Only the stack's frames ("at file:line"), not its first line, which repeats the message.
    at: (stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 12).map((line) => line.trim()),
  };
}

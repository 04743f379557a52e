/** @module Local paths to send people back to: the page a form was posted from, and a checked way back after signing in. */
import type { FastifyRequest } from 'fastify';

/**
 * The same-origin path a request came from (the form's page), or undefined.
 * @example refererPath(request) // '/admin/users/new' for a form posted from that page
 */
export function refererPath(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    // Compared as URLs, so that a default port written in the Host header ('localhost:80') still matches.
    const host = new URL(`${url.protocol}//${request.headers.host ?? ''}`).host;
    return url.host === host ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A path that is safe to redirect to after sign-in: local, not protocol-relative.
 * @example safeReturnPath('/children?q=Boyd') // '/children?q=Boyd'; safeReturnPath('//evil.example') // undefined
 */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

/** @module The token each form a page draws carries (`_submission`), so that the same form sent twice is saved once. */
import { randomBytes } from 'node:crypto';

/** The hidden field that carries it. */
export const submissionField = '_submission';

/** 128 random bits, URL-safe: a form's own, never guessed. @example newSubmissionToken() // 'Jx3…' (22 characters) */
export function newSubmissionToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The token a posted form carries, if it carries one of the right shape. @example sentToken({ _submission: 'Jx3…' }) */
export function sentToken(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const token = (body as Record<string, unknown>)[submissionField];
  return typeof token === 'string' && /^[A-Za-z0-9_-]{22}$/.test(token) ? token : undefined;
}

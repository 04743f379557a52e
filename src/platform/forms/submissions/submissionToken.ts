/** @module The token each form a page draws carries (`_submission`), so that the same form sent twice is saved once. */
import { createHash, randomBytes } from 'node:crypto';

/** The hidden field that carries it. */
export const submissionField = '_submission';

/** A field every form carries for Cairn's own checks (`_csrf`, `_submission`), not for what the person sent. */
export const isFormToken = (name: string): boolean => name === '_csrf' || name === submissionField;

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

/**
 * What a form sent, as a hash of its fields in name order, the tokens aside: the same form sent twice gives the same
 * hash; sent again after changing a word, another. A file's bytes count as they are.
 * @example sentFields({ _csrf: 'a', _submission: 'b', title: 'Visit' }) === sentFields({ title: 'Visit', _csrf: 'c' })
 */
export function sentFields(body: unknown): string {
  const hash = createHash('sha256');
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  for (const name of Object.keys(fields).sort()) {
    if (isFormToken(name)) continue;
    for (const value of [fields[name]].flat()) {
      hash.update(`${name}\u0000`);
      hash.update(Buffer.isBuffer(value) ? value : typeof value === 'string' ? value : JSON.stringify(value) ?? '');
      hash.update('\u0001');
    }
  }
  return hash.digest('base64url');
}

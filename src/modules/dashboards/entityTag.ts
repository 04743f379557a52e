/** @module HTTP entity tags, so a browser that already holds a chart is told it has not changed (304) instead of sent it again. */
import { createHash } from 'node:crypto';

/**
 * A strong entity tag for this content.
 * @example entityTag('<svg …>') // '"q1w2…"'
 */
export function entityTag(content: string): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an If-None-Match header names this tag (or `*`); weak tags compare by their value.
 * @example matchesEntityTag('W/"abc", "def"', '"def"') // true
 */
export function matchesEntityTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === tag;
  });
}

/** @module A form draft: what someone typed, minus anything that must never be stored (tokens, passwords). */

export type DraftFields = Record<string, string | string[]>;

const neverKept = /^(_csrf|password|new_?password|confirm_?password|current_?password)$/i;

/**
 * Keep the text fields of a submitted form, dropping secrets and anything that is not text.
 * @example draftFields({ _csrf: 't', note: 'Visited', password: 'x' }) // { note: 'Visited' }
 */
export function draftFields(body: Record<string, unknown>): DraftFields {
  const kept: DraftFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (neverKept.test(name)) continue;
    if (typeof value === 'string') kept[name] = value.slice(0, 100_000);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) kept[name] = value as string[];
  }
  return kept;
}

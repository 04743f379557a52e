/** @module A form draft: what someone typed, minus anything that must never be stored (tokens, passwords). */
import { z } from 'zod';

export type DraftFields = Record<string, string | string[]>;

const neverKept = /^(_csrf|_submission|password|new_?password|confirm_?password|current_?password)$/i;

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

/**
 * What a page's script sends when its idle timer runs out: the page's path and the fields of its forms.
 * The path must still be checked as a local path before use.
 */
export const pageDraft = z.object({
  path: z.string().min(1).max(2000),
  fields: z.record(z.string().max(200), z.union([z.string(), z.array(z.string())])),
});
export type PageDraft = z.infer<typeof pageDraft>;

/**
 * @module Giving a kept draft back to its form, for every page alike: the draft's fields are laid over the form
 * values the page was about to show: any `values` (or `…Values`, such as `choiceValues`) the view is given,
 * at the top or one or two levels down.
 */
import type { DraftFields } from './draft.js';

/** Where a view keeps a form's values: `values`, or a name ending in `Values`. */
const formValuesKey = /^values$|Values$/;
const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The view's data with the draft laid over every set of form values in it; anything else is left as it was.
 * @example withDraft({ title: 'Chronology', chronology: { values: { title: '' } } }, { title: 'Police visit' })
 * // { title: 'Chronology', chronology: { values: { title: 'Police visit' } } }
 */
export function withDraft<T>(data: T, draft: DraftFields, depth = 0): T {
  if (!isRecord(data) || depth > 2) return data;
  const copy: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) {
    if (formValuesKey.test(key) && (isRecord(value) || value === undefined)) copy[key] = { ...(value ?? {}), ...draft };
    else if (isRecord(value)) copy[key] = withDraft(value, draft, depth + 1);
  }
  return copy as T;
}

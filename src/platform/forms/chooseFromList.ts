/**
 * @module Choosing from a reference list (ADR 0029): one call in the route gives a GOV.UK select's items and checks the
 * posted value, one macro in the view (app/views/partials/chooseFromList.njk) draws it. Only current entries are
 * offered; a value the record already holds stays (and stays offered) even when it has been retired or was never on
 * the list, so saving a form never loses it.
 */

/** One entry a form may offer: what records hold, what people read, and whether it has been retired. */
export interface ListChoice {
  value: string;
  text: string;
  retired: boolean;
}

/** An item of a GOV.UK select. */
export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

/** A field choosing from a list, ready for the chooseFromList macro. */
export interface ListField {
  id: string;
  label: string;
  hint?: string;
  items: SelectItem[];
  errorMessage?: { text: string };
}

export interface ListFieldOptions {
  /** The form field's name and id: "schoolCluster". */
  id: string;
  /** Its label: "School cluster (optional)". */
  label: string;
  hint?: string;
  /** What the form shows now (typed, or the record's). */
  value: string | undefined;
  /** What the record already holds, kept on offer even if retired or not on the list. */
  kept?: string | null;
  /** The first item's words, meaning "none". */
  noneText?: string;
  error?: string;
}

/**
 * The select's items: "none", every current entry, and the record's own value if that is no longer offered.
 * @example listField(choices, { id: 'schoolCluster', label: 'School cluster', value: 'Belmont', kept: 'Old Town' })
 */
export function listField(choices: readonly ListChoice[], options: ListFieldOptions): ListField {
  const value = options.value ?? '';
  const kept = options.kept ?? '';
  const offered = choices.filter((choice) => !choice.retired || choice.value === kept || choice.value === value);
  const items: SelectItem[] = [{ value: '', text: options.noneText ?? 'Not recorded' }];
  for (const choice of offered) items.push({ value: choice.value, text: choice.retired ? `${choice.text} (retired)` : choice.text });
  for (const own of new Set([kept, value])) {
    if (own && !offered.some((choice) => choice.value === own)) items.push({ value: own, text: `${own} (not on the list)` });
  }
  for (const item of items) item.selected = item.value === value;
  return { id: options.id, label: options.label, hint: options.hint, items, errorMessage: options.error ? { text: options.error } : undefined };
}

/**
 * The problem with a posted value, if it is neither a current entry, nor what the record already holds, nor empty
 * (when the field is optional).
 * @example notOnList(choices, 'Belmnot', { kept: 'Belmont', label: 'school cluster' }) // 'Select a school cluster from the list'
 */
export function notOnList(choices: readonly ListChoice[], posted: string | undefined, options: { kept?: string | null; label: string; required?: boolean }): string | undefined {
  const value = (posted ?? '').trim();
  if (!value) return options.required ? `Select a ${options.label}` : undefined;
  if (value === (options.kept ?? '')) return undefined;
  if (choices.some((choice) => choice.value === value && !choice.retired)) return undefined;
  return `Select a ${options.label} from the list`;
}

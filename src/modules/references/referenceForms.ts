/** @module Reading the administrators' entry form: a name, and a code (a worker's ID, required for workers). */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { keyedByCode, listWords, tidyName, type ReferenceList } from './referenceList.js';
import type { EntryFields } from './referenceService.js';

export const entryFieldOrder = ['name', 'code'];

/**
 * @example readEntry('school_cluster', { name: '  Belmont ', code: '' }).fields // { name: 'Belmont', code: null }
 */
export function readEntry(list: ReferenceList, values: FormValues): { fields?: EntryFields; errors: FieldErrors } {
  const one = listWords[list].one;
  const worker = keyedByCode(list);
  const schema = z.object({
    name: z.string().transform(tidyName).pipe(z.string().min(1, `Enter the ${one}’s name`).max(200, 'Name must be 200 characters or fewer')),
    code: worker
      ? z.string().trim().min(1, 'Enter the worker ID the case management extract uses').max(64, 'Worker ID must be 64 characters or fewer').regex(/^[A-Za-z0-9._/-]+$/, 'Worker ID must only include letters, numbers, full stops, hyphens, underscores and slashes')
      : z.string().trim().max(64, 'Code must be 64 characters or fewer').transform((value) => value || null),
  });
  const parsed = schema.safeParse({ name: values.name ?? '', code: values.code ?? '' });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues) };
  return { fields: { name: parsed.data.name, code: parsed.data.code ?? null }, errors: {} };
}

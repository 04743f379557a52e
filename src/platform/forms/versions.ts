/**
 * @module No silent overwrite: optimistic versions with a three-way merge, for any form that edits a record.
 * The form carries the version it was started from and the values it showed then (hidden `_version` and
 * `_started`). Saved against a newer version, each field is settled on its own: changed by me only → mine;
 * changed by them only → theirs; both changed it differently → a clash, shown side by side for the person to choose.
 */
import type { FormValues } from './formValues.js';

/** A record's form values as of one version. */
export interface Versioned {
  version: number;
  values: FormValues;
}

/** One field both people changed, to different values. */
export interface Clash {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

/** How a posted form stands against the record as it is now. */
export type Reconciled =
  /** Started from the current version: the values as posted. */
  | { outcome: 'current'; values: FormValues }
  /** Started from an older version; merged without clashes: `theirs` names the fields kept from the other change. */
  | { outcome: 'merged'; values: FormValues; theirs: string[] }
  /** Both changed the same field: show the form again, started from the current version, with the clashes. */
  | { outcome: 'clash'; values: FormValues; clashes: Clash[] };

const choicePrefix = '_keep-';

/**
 * The fields of a posted body that belong to the merge: the version, the values started from, and choices made.
 * @example versionFields({ _version: '3', _started: '{}', '_keep-plan': 'theirs', plan: 'x' }) // { _version: '3', _started: '{}', '_keep-plan': 'theirs' }
 */
export function versionFields(body: Record<string, unknown>): FormValues {
  const fields: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' && (name === '_version' || name === '_started' || name.startsWith(choicePrefix))) fields[name] = value;
  }
  return fields;
}

/**
 * The hidden fields for a form started from `record`: put them among the form's values, so that a kept draft
 * (platform/forms/drafts) brings back the version it was typed against.
 * @example reply.view('edit.njk', { form: { values: { ...shown, ...startedFrom({ version: 3, values: shown }) } } })
 */
export function startedFrom(record: Versioned): FormValues {
  return { _version: String(record.version), _started: JSON.stringify(record.values) };
}

/**
 * The version and values a posted form was started from, if it says (and says it sensibly).
 * @example readStarted({ _version: '3', _started: '{"plan":"Visit"}' }) // { version: 3, values: { plan: 'Visit' } }
 */
export function readStarted(body: FormValues): Versioned | undefined {
  const version = Number(body._version);
  if (!Number.isInteger(version) || version < 1) return undefined;
  try {
    const values: unknown = JSON.parse(body._started ?? '');
    if (!values || typeof values !== 'object' || Array.isArray(values)) return undefined;
    const text = Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string')) as FormValues;
    return { version, values: text };
  } catch {
    return undefined;
  }
}

/**
 * Settle each field of a posted form against the record as it is now (`current`). `labels` names the fields
 * that are compared (field → label for the clash); anything else posted is passed through.
 * A clash the person has already settled (radio `_keep-<field>` = `theirs` or `mine`) is settled their way.
 * @example reconcile(body, { plan: 'Plan' }, { version: 4, values: { plan: 'Visit weekly' } })
 */
export function reconcile(body: FormValues, labels: Record<string, string>, current: Versioned): Reconciled {
  const started = readStarted(body);
  const mine: FormValues = { ...body };
  for (const field of Object.keys(labels)) {
    const kept = body[`${choicePrefix}${field}`];
    // Shown again after a clash, the form was started from their version: "keep theirs" is the value it started with.
    if (kept === 'theirs' && started) mine[field] = started.values[field] ?? '';
  }
  if (!started || started.version === current.version) return { outcome: 'current', values: mine };
  const values: FormValues = { ...mine };
  const theirs: string[] = [];
  const clashes: Clash[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const base = started.values[field] ?? '';
    const my = mine[field] ?? '';
    const their = current.values[field] ?? '';
    if (my === their || their === base) continue;
    if (my === base) {
      values[field] = their;
      theirs.push(label);
    } else {
      clashes.push({ field, label, mine: my, theirs: their });
    }
  }
  if (clashes.length) return { outcome: 'clash', values: { ...values, ...startedFrom(current) }, clashes };
  return { outcome: 'merged', values, theirs };
}

/**
 * What to tell the person after a merged save.
 * @example mergedNotice('Child’s details saved', ['School']) // 'Child’s details saved. Someone else changed School meanwhile: their change is kept too.'
 */
export function mergedNotice(saved: string, theirs: readonly string[]): string {
  if (!theirs.length) return saved;
  return `${saved}. Someone else changed ${theirs.join(', ')} meanwhile: ${theirs.length === 1 ? 'their change is' : 'their changes are'} kept too.`;
}

/**
 * The clash choices for a page: both values side by side, with radios named `_keep-<field>`.
 * @example presentClashes(clashes) // [{ legend: 'School: changed by someone else too', name: '_keep-school', items: [...] }]
 */
export function presentClashes(clashes: readonly Clash[]) {
  return clashes.map((clash) => ({
    field: clash.field,
    legend: `${clash.label}: someone else changed this too`,
    name: `${choicePrefix}${clash.field}`,
    items: [
      { value: 'theirs', text: `Keep theirs: ${clash.theirs || '(left empty)'}`, checked: false },
      { value: 'mine', text: `Use mine: ${clash.mine || '(left empty)'}`, checked: true },
    ],
  }));
}

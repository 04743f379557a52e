/** @module The Signs of Safety forms: each section's fields, and reading what was typed into checked values. */
import { z } from 'zod';
import { readDateInput } from '../../platform/forms/dates.js';
import { fieldErrors, type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { meetingTypeNames, meetingTypes, personRoleNames, personRoles } from '../../platform/codes/safetyCodes.js';
import { voiceToolNames, voiceTools } from '../../platform/codes/safetyCodes.js';

export type FieldKind = 'text' | 'textarea' | 'date' | 'radios';
export interface FieldSpec { name: string; label: string; hint?: string; kind: FieldKind; choices?: Record<string, string> }
export interface FormSpec<T> { fields: FieldSpec[]; schema: z.ZodType<T> }

const words = (label: string, max = 4000) =>
  z.string().trim().min(1, `Enter ${label}`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);
const dateField = z.string({ error: 'Enter the date' });

const said = {
  saidBy: words('who said it', 200),
  saidOn: dateField,
};
const saidFields: FieldSpec[] = [
  { name: 'saidBy', label: 'Who said it', hint: 'For example, Mum, Gran, the school, the health visitor', kind: 'text' },
  { name: 'saidOn', label: 'When they said it', hint: 'For example, 27 3 2026', kind: 'date' },
];

export const itemForm: FormSpec<{ words: string; saidBy: string; saidOn: string }> = {
  fields: [{ name: 'words', label: 'What was said', hint: 'Use the words people used', kind: 'textarea' }, ...saidFields],
  schema: z.object({ words: words('what was said'), ...said }),
};

export const pairForm: FormSpec<{ dangerStatement: string; safetyGoal: string; saidBy: string; saidOn: string }> = {
  fields: [
    { name: 'dangerStatement', label: 'Danger statement', hint: 'What everyone is worried will happen to the children if nothing changes', kind: 'textarea' },
    { name: 'safetyGoal', label: 'Safety goal', hint: 'What everyone needs to see so that they know the children are safe. Every danger statement needs one.', kind: 'textarea' },
    ...saidFields,
  ],
  schema: z.object({ dangerStatement: words('the danger statement'), safetyGoal: words('the safety goal for this danger statement'), ...said }),
};

export const memberForm: FormSpec<{ name: string; relationship: string; agreedToDo: string }> = {
  fields: [
    { name: 'name', label: 'Name', kind: 'text' },
    { name: 'relationship', label: 'Relationship to the children', hint: 'For example, Gran, neighbour, family friend', kind: 'text' },
    { name: 'agreedToDo', label: 'What they have agreed to do', kind: 'textarea' },
  ],
  schema: z.object({ name: words('their name', 200), relationship: words('their relationship to the children', 200), agreedToDo: words('what they have agreed to do') }),
};

export const ruleForm: FormSpec<{ rule: string; whoDoesWhat: string; ifBroken: string }> = {
  fields: [
    { name: 'rule', label: 'The rule, in the family’s own words', kind: 'textarea' },
    { name: 'whoDoesWhat', label: 'Who does what', kind: 'textarea' },
    { name: 'ifBroken', label: 'What happens if the rule is broken', kind: 'textarea' },
  ],
  schema: z.object({ rule: words('the rule'), whoDoesWhat: words('who does what'), ifBroken: words('what happens if the rule is broken') }),
};

export const meetingForm: FormSpec<{ meetingType: (typeof meetingTypes)[number]; heldOn: string }> = {
  fields: [
    { name: 'meetingType', label: 'Which meeting', kind: 'radios', choices: meetingTypeNames },
    { name: 'heldOn', label: 'Date of the meeting', hint: 'For example, 27 3 2026', kind: 'date' },
  ],
  schema: z.object({ meetingType: z.enum(meetingTypes, { error: 'Select which meeting' }), heldOn: dateField }),
};

const scoreChoices = Object.fromEntries(Array.from({ length: 11 }, (_, n) => [String(n), String(n)]));
export const scoreForm: FormSpec<{ personName: string; personRole: (typeof personRoles)[number]; score: number; scoredOn: string }> = {
  fields: [
    { name: 'personName', label: 'Whose number this is', hint: 'For example, Mum, Gran, Alex (social worker), Northfield Primary', kind: 'text' },
    { name: 'personRole', label: 'Who they are', kind: 'radios', choices: personRoleNames },
    { name: 'score', label: 'Their number, from 0 to 10', kind: 'radios', choices: scoreChoices },
    { name: 'scoredOn', label: 'Date of the meeting', hint: 'For example, 27 3 2026', kind: 'date' },
  ],
  schema: z.object({
    personName: words('whose number this is', 200),
    personRole: z.enum(personRoles, { error: 'Select who they are' }),
    score: z.coerce.number({ error: 'Select their number, from 0 to 10' }).int().min(0, 'Select their number, from 0 to 10').max(10, 'Select their number, from 0 to 10'),
    scoredOn: dateField,
  }),
};

export const wordsForm: FormSpec<{ tool: (typeof voiceTools)[number]; words: string; recordedOn: string }> = {
  fields: [
    { name: 'tool', label: 'Where this goes', kind: 'radios', choices: voiceToolNames },
    { name: 'words', label: 'What the child said, in their own words', hint: 'Write down exactly what they said. Do not change their words.', kind: 'textarea' },
    { name: 'recordedOn', label: 'When they said it', hint: 'For example, 27 3 2026', kind: 'date' },
  ],
  schema: z.object({ tool: z.enum(voiceTools, { error: 'Select where this goes' }), words: words('what the child said'), recordedOn: dateField }),
};

export const drawingForm: FormSpec<{ tool: (typeof voiceTools)[number]; description: string; drawnOn: string }> = {
  fields: [
    { name: 'tool', label: 'Which house or tool the drawing is for', kind: 'radios', choices: voiceToolNames },
    { name: 'description', label: 'What the drawing shows, in the child’s words', hint: 'This is read out to people who cannot see the picture', kind: 'textarea' },
    { name: 'drawnOn', label: 'When they drew it', hint: 'For example, 27 3 2026', kind: 'date' },
  ],
  schema: z.object({ tool: z.enum(voiceTools, { error: 'Select which house or tool' }), description: words('what the drawing shows', 1000), drawnOn: dateField }),
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The typed values of a form's fields (date fields as their day, month and year parts), for putting back.
 * @example submittedValues(itemForm, request.body) // { words: '…', saidBy: 'Gran', 'saidOn-day': '5', … }
 */
export function submittedValues(spec: FormSpec<unknown>, body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of spec.fields) {
    if (field.kind === 'date') for (const part of ['day', 'month', 'year']) values[`${field.name}-${part}`] = text(body[`${field.name}-${part}`]);
    else values[field.name] = text(body[field.name]);
  }
  return values;
}

/**
 * Check a submitted section: its value when everything is right, otherwise one plain message per field.
 * @example readForm(itemForm, body) // { errors: { words: 'Enter what was said' } }
 */
export function readForm<T>(spec: FormSpec<T>, body: Record<string, unknown>): { value: T; errors?: undefined } | { value?: undefined; errors: FieldErrors } {
  const raw: Record<string, string | undefined> = {};
  const errors: FieldErrors = {};
  for (const field of spec.fields) {
    if (field.kind === 'date') {
      const read = readDateInput(field.label, text(body[`${field.name}-day`]), text(body[`${field.name}-month`]), text(body[`${field.name}-year`]));
      if (read.error) errors[`${field.name}-day`] = read.error;
      else if (!read.date) errors[`${field.name}-day`] = `Enter ${field.label.toLowerCase()}`;
      raw[field.name] = read.date;
    } else {
      const value = text(body[field.name]);
      raw[field.name] = field.kind === 'radios' && value === '' ? undefined : value;
    }
  }
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) for (const [name, message] of Object.entries(fieldErrors(parsed.error.issues))) if (!(`${name}-day` in errors)) errors[name] = message;
  if (parsed.success && Object.keys(errors).length === 0) return { value: parsed.data };
  return { errors };
}

/**
 * The error summary's list, in the order the fields appear.
 * @example specErrorSummary(pairForm, { safetyGoal: 'Enter the safety goal' }) // [{ text: 'Enter the safety goal', href: '#safetyGoal' }]
 */
export function specErrorSummary(spec: FormSpec<unknown>, errors: FieldErrors): { text: string; href: string }[] {
  const order = spec.fields.map((f) => (f.kind === 'date' ? `${f.name}-day` : f.name));
  return errorSummary(Object.fromEntries(order.filter((name) => name in errors).map((name) => [name, errors[name]!])), order);
}

/** @module The cover sheet's rules, shared by the board report page and `cairn report board`: what each field must be, in plain words. */
import { z } from 'zod';
import { isIsoDate } from '../../platform/dates/isoDates.js';
import { directionChoices, implicationChoices, type CoverSheet } from './boardReport.js';

const text = (label: string, max: number) =>
  z.string({ error: `Enter the ${label}` }).trim().min(1, `Enter the ${label}`).max(max, `The ${label} must be ${max} characters or fewer`);

/** A cover sheet as the author gives it. */
export const coverSheetSchema = z.object({
  meeting: text('meeting', 200),
  heldOn: z.string({ error: 'Enter the date of the meeting' }).refine(isIsoDate, 'Enter the date of the meeting as a real date'),
  agendaItem: text('agenda item', 20),
  title: text('title', 200),
  summary: text('summary', 5000),
  author: text('author', 200),
  recommendations: text('recommendations', 5000),
  directions: z.array(z.enum(directionChoices.map((choice) => choice.value) as [string, ...string[]], { error: 'Choose directions from the list' })).default([]),
  implications: z.array(z.enum(implicationChoices as unknown as [string, ...string[]], { error: 'Choose implications from the list' })).default([]),
});

/**
 * The cover sheet, or every problem with it as `field: what is wrong`.
 * @example readCoverSheet({ meeting: 'Integration Joint Board', … }) // { cover: { … } }
 */
export function readCoverSheet(input: unknown): { cover: CoverSheet; problems?: undefined } | { cover?: undefined; problems: { field: string; message: string }[] } {
  const parsed = coverSheetSchema.safeParse(input);
  if (parsed.success) return { cover: parsed.data };
  return { problems: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'cover'), message: issue.message })) };
}

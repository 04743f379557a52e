/** @module The booking form's fields, checked with zod: a place, arrival and leaving dates, a reason, and whether it avoided an out of authority placement. */
import { z } from 'zod';
import { formValues, readForm, type FormReading } from '../../platform/forms/formValues.js';
import type { NewBooking } from './resource.js';

const bookingSchema = z.object({
  placeId: z.string().trim().min(1, 'Select a place to book').max(64, 'Select a place to book'),
  reason: z.string().trim().min(1, 'Enter the reason for the stay').max(500, 'Reason must be 500 characters or fewer'),
  avoidedOutOfAuthority: z.enum(['yes', 'no'], { error: 'Select whether this stay avoided an out of authority placement' }).transform((v) => v === 'yes'),
});

/**
 * @example readBooking(body).data // { placeId: 'PL-1', startDate: '2024-03-01', endDate: '2024-03-04', reason: 'Crisis at home', avoidedOutOfAuthority: true }
 */
export function readBooking(body: unknown): FormReading<NewBooking> {
  const values = formValues(body, ['placeId', 'reason', 'avoidedOutOfAuthority'], ['startDate', 'endDate']);
  const read = readForm(values, bookingSchema, { startDate: 'Arrival date', endDate: 'Leaving date' });
  const problems = { ...read.problems };
  if (read.data && read.data.endDate! <= read.data.startDate!) problems.endDate = 'Leaving date must be after the arrival date';
  if (!read.data || Object.keys(problems).length) return { values, problems };
  const d = read.data;
  return { values, problems, data: { placeId: d.placeId, startDate: d.startDate!, endDate: d.endDate!, reason: d.reason, avoidedOutOfAuthority: d.avoidedOutOfAuthority } };
}

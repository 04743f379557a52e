/** @module The forms that change a booking's dates or cancel it: each asks why, as an amendment (issue 12). */
import { z } from 'zod';
import { formValues, readForm, type FormReading, type FormValues } from '../../platform/forms/formValues.js';
import type { Booking, BookingChange } from './resource.js';

/** The fields the change form versions, by label, for the three-way merge (platform/forms/versions.ts). */
export const bookingChangeLabels: Record<string, string> = {
  'startDate-day': 'Arrival day', 'startDate-month': 'Arrival month', 'startDate-year': 'Arrival year',
  'endDate-day': 'Leaving day', 'endDate-month': 'Leaving month', 'endDate-year': 'Leaving year',
  avoidedOutOfAuthority: 'Avoided an out of authority placement',
};
export const bookingChangeFieldOrder = ['startDate', 'endDate', 'avoidedOutOfAuthority', 'changeReason'] as const;

const changeSchema = z.object({
  avoidedOutOfAuthority: z.enum(['yes', 'no'], { error: 'Select whether this stay avoided an out of authority placement' }).transform((v) => v === 'yes'),
  changeReason: z.string().trim().min(1, 'Enter why the booking is being changed').max(500, 'The reason must be 500 characters or fewer'),
});
const cancelSchema = z.object({
  cancelReason: z.string().trim().min(1, 'Enter why the booking is being cancelled').max(500, 'The reason must be 500 characters or fewer'),
});

/**
 * A booking's values as its change form shows them.
 * @example bookingValues(booking)['startDate-day'] // '1'
 */
export function bookingValues(booking: Pick<Booking, 'startDate' | 'endDate' | 'avoidedOutOfAuthority'>): FormValues {
  const parts = (name: string, iso: string) => {
    const [year = '', month = '', day = ''] = iso.split('-');
    return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
  };
  return { ...parts('startDate', booking.startDate), ...parts('endDate', booking.endDate), avoidedOutOfAuthority: booking.avoidedOutOfAuthority ? 'yes' : 'no' };
}

/** @example readBookingChange({ ...bookingValues(b), changeReason: 'A day later' }).data?.change.startDate // '2024-03-01' */
export function readBookingChange(body: unknown): FormReading<{ change: BookingChange; reason: string }> {
  const values = formValues(body, ['avoidedOutOfAuthority', 'changeReason'], ['startDate', 'endDate']);
  const read = readForm(values, changeSchema, { startDate: 'Arrival date', endDate: 'Leaving date' });
  if (!read.data) return { values, problems: read.problems };
  const d = read.data;
  if (d.endDate! <= d.startDate!) return { values, problems: { endDate: 'Leaving date must be after the arrival date' } };
  return { values, problems: {}, data: { change: { startDate: d.startDate!, endDate: d.endDate!, avoidedOutOfAuthority: d.avoidedOutOfAuthority }, reason: d.changeReason } };
}

/** @example readBookingCancellation({ cancelReason: 'No longer needed' }).data // { reason: 'No longer needed' } */
export function readBookingCancellation(body: unknown): FormReading<{ reason: string }> {
  const values = formValues(body, ['cancelReason']);
  const read = readForm(values, cancelSchema, {});
  return { values, problems: read.problems, ...(read.data ? { data: { reason: read.data.cancelReason } } : {}) };
}

/** @module A correction to a recorded fact: what it said before and after, who corrected it, when and why. */

/** The kinds of record that can be corrected so far. */
export type AmendedRecordKind = 'placement' | 'cp_registration' | 'cp_meeting' | 'family_first_session' | 'booking' | 'reporter_referral' | 'hearing' | 'supervision_order' | 'referral' | 'looked_after_episode';

export interface Amendment {
  amendmentId: string;
  recordKind: AmendedRecordKind;
  recordId: string;
  reason: string;
  /** The fields that changed, each as shown to people (e.g. "£450.00"), before and after. */
  before: Record<string, string>;
  after: Record<string, string>;
  amendedBy: string;
  amendedAt: string;
}

/**
 * The fields whose shown value differs, before and after, by label.
 * @example changedFields({ 'Weekly cost': '£450.00', Type: 'Foster' }, { 'Weekly cost': '£480.00', Type: 'Foster' }) // { before: { 'Weekly cost': '£450.00' }, after: { 'Weekly cost': '£480.00' } }
 */
export function changedFields(before: Record<string, string>, after: Record<string, string>): { before: Record<string, string>; after: Record<string, string> } {
  const changed = Object.keys(after).filter((label) => before[label] !== after[label]);
  return { before: Object.fromEntries(changed.map((l) => [l, before[l] ?? ''])), after: Object.fromEntries(changed.map((l) => [l, after[l] ?? ''])) };
}

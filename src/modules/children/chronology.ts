/** @module A child's chronology: everything recorded for them, as dated entries, newest first. */

export const chronologyKinds = [
  'referral', 'referral_decision', 'case_opened', 'case_closed', 'looked_after_started', 'looked_after_ended', 'placement_started',
  'placement_ended', 'registered', 'deregistered', 'reporter_referral', 'family_first_session', 'family_first_feedback',
  'family_first_ended', 'significant_event',
  // Issues 4 and 5: protection meetings, hearings and orders, Signs of Safety meetings, the child's words, short breaks.
  'ird', 'cp_meeting', 'hearing', 'supervision_order_made', 'supervision_order_reviewed', 'supervision_order_ended',
  'safety_meeting', 'child_voice', 'short_break',
  // Issue 12: corrections of recorded facts.
  'amendment',
] as const;
export type ChronologyKind = (typeof chronologyKinds)[number];

export interface ChronologyEntry {
  date: string;
  kind: ChronologyKind;
  /** What happened, in the record's own codes or words (the presenter turns codes into labels). */
  what: string;
  details: string | null;
}

/** @module View model for a child's printable chronology. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { ChronologyEntry, ChronologyKind } from './chronology.js';
import { closureReasonLabels, pathwayLabels, sourceLabels } from '../../platform/codes/referralCodes.js';
import { legalReason, placementType } from '../../platform/codes/careCodes.js';
import { irdDecisionLabels, meetingDecisionLabels, meetingKindLabels } from '../../platform/codes/protectionCodes.js';
import { ground, hearingOutcomeLabels } from '../../platform/codes/reporterCodes.js';
import { endReasonLabels, orderKindLabels, reviewOutcomeLabels } from '../../platform/codes/reporterCodes.js';
import { meetingTypeNames } from '../../platform/codes/safetyCodes.js';
import { voiceToolNames } from '../../platform/codes/safetyCodes.js';
import { endingLabels } from '../../platform/codes/referralCodes.js';

const kindLabels: Record<ChronologyKind, string> = {
  referral: 'Referral received',
  referral_decision: 'Referral decided',
  case_opened: 'Case opened',
  case_closed: 'Case closed',
  looked_after_started: 'Became looked after',
  looked_after_ended: 'Stopped being looked after',
  placement_started: 'Placement started',
  placement_ended: 'Placement ended',
  registered: 'Placed on the child protection register',
  deregistered: 'Removed from the child protection register',
  reporter_referral: "Referred to the Children's Reporter",
  family_first_session: 'Family First session',
  family_first_feedback: 'The family’s words',
  family_first_ended: 'Family First involvement ended',
  significant_event: 'Significant event',
  ird: 'Inter-agency referral discussion',
  cp_meeting: 'Child protection planning meeting',
  hearing: "Children's hearing",
  supervision_order_made: 'Compulsory Supervision Order made',
  supervision_order_reviewed: 'Compulsory Supervision Order reviewed',
  supervision_order_ended: 'Compulsory Supervision Order ended',
  safety_meeting: 'Safety map agreed at a meeting',
  child_voice: 'The child’s own words',
  short_break: 'Short break or stay booked',
  amendment: 'Record corrected',
};

const any = (labels: object, code: string) => (labels as Record<string, string>)[code] ?? code;

/** What happened, in words, for an entry's codes. */
function describe(entry: ChronologyEntry): string {
  switch (entry.kind) {
    case 'referral': return `From ${any(sourceLabels, entry.what).toLowerCase()}`;
    case 'referral_decision': return any(pathwayLabels, entry.what);
    case 'case_opened': return entry.what ? `To ${entry.what}` : '';
    case 'case_closed': return entry.what ? any(closureReasonLabels, entry.what) : '';
    case 'looked_after_started': return legalReason.label(entry.what);
    case 'placement_started':
    case 'placement_ended': return placementType.label(entry.what);
    case 'reporter_referral': return ground.label(entry.what);
    case 'family_first_session': return `With ${entry.what}`;
    case 'family_first_feedback': return entry.what === 'quote' ? 'May be quoted' : 'Not to be quoted';
    case 'family_first_ended': return any(endingLabels, entry.what);
    case 'ird': return any(irdDecisionLabels, entry.what);
    case 'cp_meeting': {
      const [kind = '', decision = ''] = entry.what.split(':');
      return `${any(meetingKindLabels, kind)}: ${any(meetingDecisionLabels, decision).toLowerCase()}`;
    }
    case 'hearing': return any(hearingOutcomeLabels, entry.what);
    case 'supervision_order_made': return any(orderKindLabels, entry.what);
    case 'supervision_order_reviewed': return any(reviewOutcomeLabels, entry.what);
    case 'supervision_order_ended': return any(endReasonLabels, entry.what);
    case 'safety_meeting': return any(meetingTypeNames, entry.what);
    case 'child_voice': return any(voiceToolNames, entry.what);
    case 'short_break': return `At ${entry.what}`;
    case 'amendment': return amendedRecords[entry.what] ?? `A ${entry.what.replace(/_/g, ' ')} was corrected`;
    default: return entry.what.replace(/_/g, ' ');
  }
}

/** What the chronology says of an amendment, by the kind of record amended. */
const amendedRecords: Record<string, string> = {
  placement: 'A placement was corrected',
  booking: 'A short-break booking was changed or cancelled',
  referral: 'A referral was corrected or withdrawn',
  reporter_referral: 'A referral to the Children’s Reporter was corrected or withdrawn',
  hearing: 'A hearing outcome was corrected or withdrawn',
  cp_registration: 'A child protection registration was corrected or withdrawn',
  cp_meeting: 'A child protection planning meeting was corrected or withdrawn',
  family_first_session: 'A Family First session was corrected or withdrawn',
  looked_after_episode: 'A looked after episode was corrected or withdrawn',
  supervision_order: 'A Compulsory Supervision Order was corrected or withdrawn',
};

/** @example presentChronology({ forename: 'Ailsa', surname: 'Boyd' }, 'A1', entries, {}, {}).heading // 'Chronology: Ailsa Boyd' */
export function presentChronology(name: { forename: string | null; surname: string | null }, childId: string, entries: ChronologyEntry[], values: FormValues, errors: FieldErrors) {
  const fullName = [name.forename, name.surname].filter(Boolean).join(' ') || 'Name not recorded';
  return {
    heading: `Chronology: ${fullName}`,
    childHref: paths.children.show({ childId }),
    action: paths.children.chronology({ childId }),
    entries: entries.map((e) => ({ date: longDateOf(e.date), event: kindLabels[e.kind], what: describe(e), details: e.details ?? '', significant: e.kind === 'significant_event' })),
    values,
    ...presentErrors(errors, ['event-day', 'title', 'details']),
  };
}

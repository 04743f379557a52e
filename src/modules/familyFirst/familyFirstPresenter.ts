/** @module View model for a Family First involvement page: the only way its data reaches the template. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { type InvolvementRecord } from './familyFirst.js';
import { involvementEndings } from '../../platform/codes/referralCodes.js';
import { endingLabels } from '../../platform/codes/referralCodes.js';


/** @example presentInvolvement(record, {}, {}).heading // 'Family First: Ailsa Boyd' */
export function presentInvolvement(record: InvolvementRecord, values: FormValues, errors: FieldErrors) {
  const { involvement } = record;
  const id = { involvementId: involvement.involvementId };
  const open = involvement.endedDate === null;
  return {
    heading: `Family First: ${involvement.childName}`,
    childHref: paths.children.show({ childId: involvement.childId }),
    open,
    status: open
      ? `Open since ${longDateOf(involvement.startedDate)}, worker ${involvement.workerId ?? 'not allocated'}`
      : `${endingLabels[involvement.ending ?? 'closed']} on ${longDateOf(involvement.endedDate)}${involvement.endingNotes ? `: ${involvement.endingNotes}` : ''}`,
    plan: involvement.plan ?? '',
    sessions: record.sessions.map((s) => ({ date: longDateOf(s.sessionDate), who: s.who, whatWasDone: s.whatWasDone })),
    feedback: record.feedback.map((f) => ({ date: longDateOf(f.givenDate), words: f.words, consent: f.consentToQuote ? 'Yes, may be quoted' : 'No, not to be quoted' })),
    actions: {
      plan: paths.familyFirst.plan(id),
      sessions: paths.familyFirst.sessions(id),
      feedback: paths.familyFirst.feedback(id),
      end: paths.familyFirst.end(id),
      closeCase: open ? paths.referrals.closeCase({ caseId: involvement.caseId }) : undefined,
    },
    endingItems: involvementEndings.filter((e) => e !== 'closed').map((e) => ({ value: e, text: endingLabels[e], checked: values.ending === e })),
    consentItems: [
      { value: 'yes', text: 'Yes, the family agree their words may be quoted', checked: values.consentToQuote === 'yes' },
      { value: 'no', text: 'No', checked: values.consentToQuote === 'no' },
    ],
    values: { plan: involvement.plan ?? '', ...values },
    ...presentErrors(errors, ['plan', 'session-day', 'who', 'whatWasDone', 'given-day', 'words', 'consentToQuote', 'ended-day', 'ending', 'endingNotes']),
  };
}

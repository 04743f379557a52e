/** @module View model for a Family First involvement page: the only way its data reaches the template. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { presentClashes, startedFrom, type Clash } from '../../platform/forms/versions.js';
import type { Amendment } from '../../platform/amendments/amendment.js';
import { type InvolvementRecord } from './familyFirst.js';
import { closureReasons, closureReasonLabels, endingLabels } from '../../platform/codes/referralCodes.js';

/** The history line of one correction or withdrawal: "amended by … on … because …". */
function presentAmendment(amendment: Amendment, sessionDates: Map<string, string>) {
  const withdrawn = amendment.after.Withdrawn === 'Yes';
  const changes = withdrawn ? [] : Object.keys(amendment.after).map((label) => `${label}: ${amendment.before[label] || '(empty)'} → ${amendment.after[label] || '(empty)'}`);
  const session = amendment.before.Date ?? sessionDates.get(amendment.recordId) ?? 'a session';
  return {
    text: `${withdrawn ? 'Withdrawn' : 'Amended'} by ${amendment.amendedBy} on ${longDateOf(amendment.amendedAt.slice(0, 10))} because ${amendment.reason}`,
    session: `Session of ${session}`,
    changes,
  };
}

/** @example presentInvolvement(record, {}, {}).heading // 'Family First: Ailsa Boyd' */
export function presentInvolvement(record: InvolvementRecord, values: FormValues, errors: FieldErrors, clashes: readonly Clash[] = [], stepUpTeams: readonly string[] = []) {
  const { involvement } = record;
  const id = { involvementId: involvement.involvementId };
  const open = involvement.endedDate === null;
  const sessionDates = new Map(record.sessions.map((s) => [s.sessionId, longDateOf(s.sessionDate)]));
  const planVersion = values._version ? {} : startedFrom({ version: involvement.version, values: { plan: involvement.plan ?? '' } });
  return {
    heading: `Family First: ${involvement.childName}`,
    childHref: paths.children.show({ childId: involvement.childId }),
    open,
    status: open
      ? `Open since ${longDateOf(involvement.startedDate)}, worker ${involvement.workerId ?? 'not allocated'}`
      : `${endingLabels[involvement.ending ?? 'closed']} on ${longDateOf(involvement.endedDate)}${involvement.endingNotes ? `: ${involvement.endingNotes}` : ''}`,
    plan: involvement.plan ?? '',
    sessions: record.sessions.map((s) => ({
      date: longDateOf(s.sessionDate), who: s.who, whatWasDone: s.whatWasDone,
      correctHref: paths.familyFirst.correctSession({ ...id, sessionId: s.sessionId }),
    })),
    corrections: record.amendments.map((a) => presentAmendment(a, sessionDates)).reverse(),
    feedback: record.feedback.map((f) => ({ date: longDateOf(f.givenDate), words: f.words, consent: f.consentToQuote ? 'Yes, may be quoted' : 'No, not to be quoted' })),
    actions: {
      plan: paths.familyFirst.plan(id),
      sessions: paths.familyFirst.sessions(id),
      feedback: paths.familyFirst.feedback(id),
      end: paths.familyFirst.end(id),
    },
    clashes: presentClashes(clashes),
    reasonItems: closureReasons.map((r) => ({ value: r, text: closureReasonLabels[r], checked: values.reason === r })),
    teamItems: [{ value: '', text: 'Choose a team' }, ...stepUpTeams.map((team) => ({ value: team, text: team, selected: values.stepUpTeam === team }))],
    consentItems: [
      { value: 'yes', text: 'Yes, the family agree their words may be quoted', checked: values.consentToQuote === 'yes' },
      { value: 'no', text: 'No', checked: values.consentToQuote === 'no' },
    ],
    values: { plan: involvement.plan ?? '', ...planVersion, ...values },
    ...presentErrors(errors, ['plan', 'session-day', 'who', 'whatWasDone', 'given-day', 'words', 'consentToQuote', 'ended-day', 'reason', 'stepUpTeam', 'endingNotes']),
  };
}

/** @module View models for the child search and child summary pages: the only way child data reaches a template. */
import { ageOn, todayIso } from '../../platform/dates/isoDates.js';
import { longDateOf, moneyOf, periodOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import { placementMovesInLastYear, restrictedRecordLabel, type ChildSearchResult, type ChildSummary, type FamilyMemberSeen } from './child.js';
import { legalReason, placementType, reasonEnded } from '../../platform/codes/careCodes.js';
import { sex, sexLabels, yesNoUnknown } from '../../platform/codes/childCodes.js';
import { pathway, referralSource } from '../../platform/codes/referralCodes.js';
import { ground } from '../../platform/codes/reporterCodes.js';
import { concern, deregistrationReason } from '../../platform/codes/protectionCodes.js';

/** @example fullName({ forename: 'Ailsa', surname: null }) // 'Ailsa' */
export function fullName(child: { forename: string | null; surname: string | null }): string {
  return [child.forename, child.surname].filter(Boolean).join(' ') || 'Name not recorded';
}

/**
 * The sex radios of a child's details form, "Not recorded" last.
 * @example presentSexItems('F').find((item) => item.checked)?.value // 'F'
 */
export function presentSexItems(chosen: string | undefined) {
  return [...Object.entries(sexLabels).map(([value, text]) => ({ value, text, checked: chosen === value })), { value: '', text: 'Not recorded', checked: !chosen }];
}

export function presentSearchResults(results: ChildSearchResult[]) {
  return results.map((r) => r.restricted ? {
    href: paths.children.show({ childId: r.childId }), name: 'Restricted record', childId: r.childId, dateOfBirth: '', schoolCluster: '', openCaseTeam: '',
  } : ({
    href: paths.children.show({ childId: r.childId }),
    name: fullName(r),
    childId: r.childId,
    dateOfBirth: longDateOf(r.dateOfBirth),
    schoolCluster: r.schoolCluster ?? 'Not recorded',
    openCaseTeam: r.openCaseTeam ?? '',
  }));
}

/**
 * A child's brothers and sisters as the reader may see them (issue 16): those they may open named, with their date of
 * birth and a link; a record restricted to others as "Restricted record" and its id, linked to the page that says so
 * (where they may break the glass); the rest counted in one line, with nothing that says who they are.
 * @example presentFamily([{ seen: 'not_open' }]).notOpen // 'One other child in this family, whose record you cannot open'
 */
export function presentFamily(family: readonly FamilyMemberSeen[]) {
  const members = [
    ...family.flatMap((m) => (m.seen === 'open' ? [{ name: fullName(m), dateOfBirth: longDateOf(m.dateOfBirth), href: paths.children.show({ childId: m.childId }) }] : [])),
    ...family.flatMap((m) => (m.seen === 'restricted' ? [{ name: restrictedRecordLabel(m.childId), dateOfBirth: undefined, href: paths.children.show({ childId: m.childId }) }] : [])),
  ];
  const unseen = family.filter((m) => m.seen === 'not_open').length;
  const notOpen = unseen === 0 ? undefined
    : unseen === 1 ? 'One other child in this family, whose record you cannot open'
      : `${unseen} other children in this family, whose records you cannot open`;
  return { members, notOpen, any: family.length > 0 };
}

/** @example presentChildSummary(summary, [], '2022-07-31').heading // 'Ailsa Boyd' */
export function presentChildSummary(summary: ChildSummary, family: readonly FamilyMemberSeen[], today: string = todayIso()) {
  const { child } = summary;
  const isOpen = (end: string | null) => end === null || end > today;
  const openCase = summary.cases.find((k) => isOpen(k.closedDate));
  const openEpisode = summary.episodes.find((e) => e.startDate <= today && isOpen(e.endDate));
  const movesInLastYear = placementMovesInLastYear(summary.placements, today);
  return {
    heading: fullName(child),
    childId: child.childId,
    details: [
      { key: 'Cairn id', value: child.childId },
      { key: 'Date of birth', value: `${longDateOf(child.dateOfBirth)} (age ${Math.max(ageOn(child.dateOfBirth, today), 0)})` },
      { key: 'Sex', value: sex.label(child.sex) || 'Not recorded' },
      { key: 'Ethnicity', value: child.ethnicity ?? 'Not recorded' },
      { key: 'Disability', value: yesNoUnknown.label(child.disability) || 'Not recorded' },
      { key: 'School', value: child.school ?? 'Not recorded' },
      { key: 'School cluster', value: child.schoolCluster ?? 'Not recorded' },
      { key: 'Locality', value: child.locality ?? 'Not recorded' },
    ],
    status: {
      openCase: openCase ? `Open to ${openCase.team ?? 'a team'} since ${longDateOf(openCase.openedDate)}`
        : summary.steppedUpOn && !summary.cases.some((k) => k.openedDate > summary.steppedUpOn!) ? `Stepped up to statutory services on ${longDateOf(summary.steppedUpOn)}` : 'No open case',
      lookedAfter: openEpisode ? `Looked after since ${longDateOf(openEpisode.startDate)}: ${legalReason.label(openEpisode.legalReason)}` : 'Not looked after',
      registered: summary.registrations.some((r) => isOpen(r.deregisteredDate)) ? 'On the child protection register' : 'Not on the child protection register',
      placementMoves: openEpisode
        ? movesInLastYear === 0 ? 'No placement moves in the last 12 months' : `${movesInLastYear} placement ${movesInLastYear === 1 ? 'move' : 'moves'} in the last 12 months`
        : undefined,
    },
    family: presentFamily(family),
    cases: summary.cases.map((k) => ({ caseId: k.caseId, team: k.team ?? 'Not recorded', worker: k.workerName ?? k.workerId ?? 'Unallocated', period: periodOf(k.openedDate, k.closedDate) })),
    referrals: summary.referrals.map((r) => ({
      received: longDateOf(r.receivedDate), source: referralSource.label(r.source) || 'Not recorded', reason: r.reason ?? '', pathway: pathway.label(r.pathway), closed: longDateOf(r.closedDate) || 'Open',
    })),
    episodes: summary.episodes.map((e) => ({
      period: periodOf(e.startDate, e.endDate), legalReason: legalReason.label(e.legalReason), reasonEnded: reasonEnded.label(e.reasonEnded),
    })),
    placements: summary.placements.map((p) => ({
      period: periodOf(p.startDate, p.endDate),
      type: placementType.label(p.placementType),
      provider: p.providerName ?? 'Not recorded',
      outOfAuthority: p.outOfAuthority ? 'Yes' : 'No',
      weeklyCost: p.weeklyCost === null ? '' : moneyOf(p.weeklyCost),
    })),
    registrations: summary.registrations.map((r) => ({
      period: periodOf(r.registeredDate, r.deregisteredDate),
      concerns: r.concerns.map((c) => concern.label(c)).join(', ') || 'Not recorded',
      reasonEnded: deregistrationReason.label(r.deregistrationReason),
    })),
    scraReferrals: summary.scraReferrals.map((s) => ({ date: longDateOf(s.referralDate), ground: ground.label(s.ground) })),
  };
}
export type ChildSummaryView = ReturnType<typeof presentChildSummary>;

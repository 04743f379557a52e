/** @module View models for the child search and child summary pages: the only way child data reaches a template. */
import { formatDate, ageOn } from '../../app/nunjucksSetup.js';
import { paths } from '../../platform/http/paths.js';
import type { ChildSearchResult, ChildSummary } from './child.js';
import { labelFor, legalReasonLabels, placementTypeLabels, scraGroundLabel, sexLabels, yesNoLabels } from './childLabels.js';

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** @example fullName({ forename: 'Ailsa', surname: null }) // 'Ailsa' */
export function fullName(child: { forename: string | null; surname: string | null }): string {
  return [child.forename, child.surname].filter(Boolean).join(' ') || 'Name not recorded';
}

function period(start: string, end: string | null): string {
  return end ? `${formatDate(start)} to ${formatDate(end)}` : `${formatDate(start)} – open`;
}

/**
 * The sex radios of a child's details form, "Not recorded" last.
 * @example presentSexItems('F').find((item) => item.checked)?.value // 'F'
 */
export function presentSexItems(chosen: string | undefined) {
  return [...Object.entries(sexLabels).map(([value, text]) => ({ value, text, checked: chosen === value })), { value: '', text: 'Not recorded', checked: !chosen }];
}

export function presentSearchResults(results: ChildSearchResult[]) {
  return results.map((r) => ({
    href: paths.children.show({ childId: r.childId }),
    name: fullName(r),
    childId: r.childId,
    dateOfBirth: formatDate(r.dateOfBirth),
    schoolCluster: r.schoolCluster ?? 'Not recorded',
    openCaseTeam: r.openCaseTeam ?? '',
  }));
}

/** @example presentChildSummary(summary, new Date('2022-07-31')).heading // 'Ailsa Boyd' */
export function presentChildSummary(summary: ChildSummary, today: Date = new Date()) {
  const { child } = summary;
  const todayIso = today.toISOString().slice(0, 10);
  const isOpen = (end: string | null) => end === null || end > todayIso;
  const openCase = summary.cases.find((k) => isOpen(k.closedDate));
  const openEpisode = summary.episodes.find((e) => e.startDate <= todayIso && isOpen(e.endDate));
  const yearAgo = new Date(today);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const movesInLastYear = summary.placements.filter((p) => p.startDate > yearAgo.toISOString().slice(0, 10) && p.startDate <= todayIso).length;
  return {
    heading: fullName(child),
    childId: child.childId,
    details: [
      { key: 'Cairn id', value: child.childId },
      { key: 'Date of birth', value: `${formatDate(child.dateOfBirth)} (age ${Math.max(ageOn(child.dateOfBirth, today), 0)})` },
      { key: 'Sex', value: labelFor(sexLabels, child.sex) || 'Not recorded' },
      { key: 'Ethnicity', value: child.ethnicity ?? 'Not recorded' },
      { key: 'Disability', value: labelFor(yesNoLabels, child.disability) || 'Not recorded' },
      { key: 'School', value: child.school ?? 'Not recorded' },
      { key: 'School cluster', value: child.schoolCluster ?? 'Not recorded' },
      { key: 'Locality', value: child.locality ?? 'Not recorded' },
    ],
    status: {
      openCase: openCase ? `Open to ${openCase.team ?? 'a team'} since ${formatDate(openCase.openedDate)}` : 'No open case',
      lookedAfter: openEpisode ? `Looked after since ${formatDate(openEpisode.startDate)}: ${labelFor(legalReasonLabels, openEpisode.legalReason)}` : 'Not looked after',
      registered: summary.registrations.some((r) => isOpen(r.deregisteredDate)) ? 'On the child protection register' : 'Not on the child protection register',
      placementMoves: openEpisode
        ? movesInLastYear === 0 ? 'No new placements in the last 12 months' : `${movesInLastYear} new ${movesInLastYear === 1 ? 'placement' : 'placements'} in the last 12 months`
        : undefined,
    },
    familyMembers: summary.familyMembers.map((f) => ({
      name: fullName(f), dateOfBirth: formatDate(f.dateOfBirth), href: paths.children.show({ childId: f.childId }),
    })),
    cases: summary.cases.map((k) => ({ caseId: k.caseId, team: k.team ?? 'Not recorded', worker: k.workerId ?? 'Unallocated', period: period(k.openedDate, k.closedDate) })),
    referrals: summary.referrals.map((r) => ({
      received: formatDate(r.receivedDate), source: labelFor({}, r.source) || 'Not recorded', reason: r.reason ?? '', pathway: labelFor({}, r.pathway), closed: formatDate(r.closedDate) || 'Open',
    })),
    episodes: summary.episodes.map((e) => ({
      period: period(e.startDate, e.endDate), legalReason: labelFor(legalReasonLabels, e.legalReason), reasonEnded: labelFor({}, e.reasonEnded),
    })),
    placements: summary.placements.map((p) => ({
      period: period(p.startDate, p.endDate),
      type: labelFor(placementTypeLabels, p.placementType),
      provider: p.providerName ?? 'Not recorded',
      outOfAuthority: p.outOfAuthority ? 'Yes' : 'No',
      weeklyCost: p.weeklyCost === null ? '' : money.format(p.weeklyCost),
    })),
    registrations: summary.registrations.map((r) => ({
      period: period(r.registeredDate, r.deregisteredDate),
      concerns: r.concerns.map((c) => labelFor({}, c)).join(', ') || 'Not recorded',
      reasonEnded: labelFor({}, r.deregistrationReason),
    })),
    scraReferrals: summary.scraReferrals.map((s) => ({ date: formatDate(s.referralDate), ground: scraGroundLabel(s.ground) })),
  };
}
export type ChildSummaryView = ReturnType<typeof presentChildSummary>;

/**
 * Every rule of the latest pack, with fixture records it must flag (exactly these) and records it must not flag.
 * The year is 2021-22 (census 31 July 2022) and the rules run on 30 September 2022 unless a case says otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from './rule.js';
import type { ReturnRecords, TableName } from './records.js';
import { recordIdField } from './records.js';
import { collectionYear } from './collectionYear.js';
import { ruleContext } from './ruleContext.js';
import { runRules } from './runRules.js';
import { firstPack } from './packs/rulePack.js';
import { rulePacks } from './packs/packs.js';
import { aChildRecord, anEpisodeRecord, aPlacement, lookedAfter, merge, registered, world } from '../../../test/support/returnRecords.js';
import { childSexRecorded } from './rules/childSexRecorded.js';
import { childSexNotKnown } from './rules/childSexNotKnown.js';
import { childEthnicityRecorded } from './rules/childEthnicityRecorded.js';
import { childDisabilityRecorded } from './rules/childDisabilityRecorded.js';
import { childDisabilityNotKnown } from './rules/childDisabilityNotKnown.js';
import { likelyDuplicateChildren } from './rules/likelyDuplicateChildren.js';
import { childBornInFuture } from './rules/childBornInFuture.js';
import { lookedAfterWithoutOpenCase } from './rules/lookedAfterWithoutOpenCase.js';
import { lookedAfterWithoutWorker } from './rules/lookedAfterWithoutWorker.js';
import { schoolAgeWithoutSchool } from './rules/schoolAgeWithoutSchool.js';
import { lookedAfterPast18 } from './rules/lookedAfterPast18.js';
import { atHomeReasonPlacedAway } from './rules/atHomeReasonPlacedAway.js';
import { awayReasonPlacedAtHome } from './rules/awayReasonPlacedAtHome.js';
import { awayWithoutPlacement28Days } from './rules/awayWithoutPlacement28Days.js';
import { episodeWithoutPlacement } from './rules/episodeWithoutPlacement.js';
import { episodeBeforeBirth } from './rules/episodeBeforeBirth.js';
import { episodeEndedWithoutReason } from './rules/episodeEndedWithoutReason.js';
import { episodeReasonWhileOpen } from './rules/episodeReasonWhileOpen.js';
import { episodeReasonNotKnown } from './rules/episodeReasonNotKnown.js';
import { episodeLegalReasonOther } from './rules/episodeLegalReasonOther.js';
import { episodesOneDayApart } from './rules/episodesOneDayApart.js';
import { overlappingEpisodes } from './rules/overlappingEpisodes.js';
import { episodeStartedAt18 } from './rules/episodeStartedAt18.js';
import { adoptedNotFromAdopters } from './rules/adoptedNotFromAdopters.js';
import { episodeOfNoDays } from './rules/episodeOfNoDays.js';
import { episodeStartInFuture } from './rules/episodeStartInFuture.js';
import { episodeEndInFuture } from './rules/episodeEndInFuture.js';
import { continuingCareUnder16 } from './rules/continuingCareUnder16.js';
import { secureCareUnder12 } from './rules/secureCareUnder12.js';
import { externalPlacementWithoutCost } from './rules/externalPlacementWithoutCost.js';
import { otherAuthorityNotOutOfAuthority } from './rules/otherAuthorityNotOutOfAuthority.js';
import { ownProviderOutOfAuthority } from './rules/ownProviderOutOfAuthority.js';
import { purchasedPlacementWithoutProvider } from './rules/purchasedPlacementWithoutProvider.js';
import { purchasedFosterWithOwnProvider } from './rules/purchasedFosterWithOwnProvider.js';
import { secureCareWhileVoluntary } from './rules/secureCareWhileVoluntary.js';
import { placementBeforeBirth } from './rules/placementBeforeBirth.js';
import { placementStartInFuture } from './rules/placementStartInFuture.js';
import { placementEndInFuture } from './rules/placementEndInFuture.js';
import { weeklyCostImplausible } from './rules/weeklyCostImplausible.js';
import { placementOfNoDays } from './rules/placementOfNoDays.js';
import { registeredYearWithoutReview } from './rules/registeredYearWithoutReview.js';
import { deregisteredWithoutReason } from './rules/deregisteredWithoutReason.js';
import { registeredWithoutPlanningMeeting } from './rules/registeredWithoutPlanningMeeting.js';
import { registeredWithoutConcerns } from './rules/registeredWithoutConcerns.js';
import { deregistrationReasonWhileRegistered } from './rules/deregistrationReasonWhileRegistered.js';
import { overlappingRegistrations } from './rules/overlappingRegistrations.js';
import { registeredPast18 } from './rules/registeredPast18.js';
import { deregisteredLookedAfterWithoutEpisode } from './rules/deregisteredLookedAfterWithoutEpisode.js';
import { registeredInFuture } from './rules/registeredInFuture.js';
import { deregistrationReasonOther } from './rules/deregistrationReasonOther.js';
import { planningMeetingInFuture } from './rules/planningMeetingInFuture.js';
import { offenceGroundUnder12 } from './rules/offenceGroundUnder12.js';
import { reporterReferralBeforeBirth } from './rules/reporterReferralBeforeBirth.js';
import { reporterReferralInFuture } from './rules/reporterReferralInFuture.js';
import { openCaseWithoutTeam } from './rules/openCaseWithoutTeam.js';
import { populationMissing } from './rules/populationMissing.js';

interface RuleCase {
  rule: Rule;
  records: ReturnRecords;
  /** Exactly the records the rule must flag, as `table:id`. */
  flags: string[];
  /** Records in the fixture the rule must not flag. */
  clean: string[];
  year?: string;
  today?: string;
}

const ended = (endDate: string, reasonEnded: string | null) => ({ endDate, reasonEnded });
const placedUntil = (childId: string, endDate: string) => aPlacement(`P-${childId}`, childId, { endDate });
const referral = (scraReferralId: string, childId: string, referralDate: string, ground = 'j') => ({ scraReferralId, childId, referralDate, ground });

const cases: RuleCase[] = [
  { rule: childSexRecorded, records: merge(world(), lookedAfter('A', { child: { sex: null } }), lookedAfter('B'), { children: [aChildRecord('OUT', { sex: null })] }), flags: ['children:A'], clean: ['children:B', 'children:OUT'] },
  { rule: childSexNotKnown, records: merge(world(), lookedAfter('A', { child: { sex: 'U' } }), lookedAfter('B')), flags: ['children:A'], clean: ['children:B'] },
  { rule: childEthnicityRecorded, records: merge(world(), lookedAfter('A', { child: { ethnicity: null } }), lookedAfter('B')), flags: ['children:A'], clean: ['children:B'] },
  { rule: childDisabilityRecorded, records: merge(world(), lookedAfter('A', { child: { disability: null } }), lookedAfter('B', { child: { disability: 'U' } })), flags: ['children:A'], clean: ['children:B'] },
  { rule: childDisabilityNotKnown, records: merge(world(), lookedAfter('A', { child: { disability: 'U' } }), lookedAfter('B')), flags: ['children:A'], clean: ['children:B'] },
  {
    rule: likelyDuplicateChildren,
    records: merge(world(),
      lookedAfter('A', { child: { forename: 'Kayleigh', surname: 'McKay', dateOfBirth: '2012-03-04' } }),
      lookedAfter('B', { child: { forename: 'Kayleigh', surname: 'McKay', dateOfBirth: '2012-03-05' } }),
      { children: [aChildRecord('DUP', { forename: 'Kayley', surname: 'Mc Kay', dateOfBirth: '2012-03-04' }), aChildRecord('TWIN', { forename: 'Morag', surname: 'McKay', dateOfBirth: '2012-03-04' })] }),
    flags: ['children:A', 'children:DUP'],
    clean: ['children:B', 'children:TWIN'],
  },
  { rule: childBornInFuture, records: merge(world(), lookedAfter('A'), { children: [aChildRecord('FUT', { dateOfBirth: '2023-01-01' })] }), flags: ['children:FUT'], clean: ['children:A'] },
  {
    rule: lookedAfterWithoutOpenCase,
    records: merge(world(), lookedAfter('A', { case: null }), lookedAfter('B', { case: { closedDate: '2022-07-31' } }), lookedAfter('C'),
      lookedAfter('D', { case: null, episode: ended('2022-05-01', 'home_with_parents') })),
    flags: ['episodes:E-A', 'episodes:E-B'],
    clean: ['episodes:E-C', 'episodes:E-D'],
  },
  {
    rule: lookedAfterWithoutWorker,
    records: merge(world(), lookedAfter('A', { case: { workerId: null } }), lookedAfter('B'), lookedAfter('C', { case: { workerId: null }, episode: ended('2022-05-01', 'home_with_parents') })),
    flags: ['cases:K-A'],
    clean: ['cases:K-B', 'cases:K-C'],
  },
  {
    rule: schoolAgeWithoutSchool,
    records: merge(world(), lookedAfter('A', { child: { school: null } }), lookedAfter('B', { child: { dateOfBirth: '2019-01-01', school: null } }),
      lookedAfter('C', { child: { dateOfBirth: '2004-09-01', school: null } }), lookedAfter('D')),
    flags: ['children:A'],
    clean: ['children:B', 'children:C', 'children:D'],
  },
  {
    rule: lookedAfterPast18,
    records: merge(world(), lookedAfter('A', { child: { dateOfBirth: '2004-03-01' } }),
      lookedAfter('B', { child: { dateOfBirth: '2004-03-01' }, episode: ended('2022-03-01', 'continuing_care') }),
      lookedAfter('C', { child: { dateOfBirth: '2004-09-01' } })),
    flags: ['episodes:E-A'],
    clean: ['episodes:E-B', 'episodes:E-C'],
  },
  {
    rule: atHomeReasonPlacedAway,
    records: merge(world(), lookedAfter('A', { episode: { legalReason: 'cso_home' } }), lookedAfter('B', { episode: { legalReason: 'cso_home' }, placement: { placementType: 'at_home' } })),
    flags: ['episodes:E-A', 'placements:P-A'],
    clean: ['episodes:E-B', 'placements:P-B'],
  },
  {
    rule: awayReasonPlacedAtHome,
    records: merge(world(), lookedAfter('A', { placement: { placementType: 'at_home' } }), lookedAfter('B'), lookedAfter('C', { episode: { legalReason: 'cso_home' }, placement: { placementType: 'at_home' } })),
    flags: ['episodes:E-A', 'placements:P-A'],
    clean: ['episodes:E-B', 'episodes:E-C', 'placements:P-C'],
  },
  {
    rule: awayWithoutPlacement28Days,
    records: merge(world(),
      lookedAfter('A', { placements: [aPlacement('P-A1', 'A', { endDate: '2021-09-01' }), aPlacement('P-A2', 'A', { startDate: '2021-10-15' })] }),
      lookedAfter('B', { placements: [aPlacement('P-B1', 'B', { endDate: '2021-09-01' }), aPlacement('P-B2', 'B', { startDate: '2021-09-21' })] }),
      lookedAfter('C', { episode: { legalReason: 'cso_home' }, placements: [aPlacement('P-C1', 'C', { endDate: '2021-09-01', placementType: 'at_home' }), aPlacement('P-C2', 'C', { startDate: '2021-12-01', placementType: 'at_home' })] }),
      lookedAfter('D', { placement: { endDate: '2022-06-01' } })),
    flags: ['episodes:E-A', 'episodes:E-D'],
    clean: ['episodes:E-B', 'episodes:E-C'],
  },
  { rule: episodeWithoutPlacement, records: merge(world(), lookedAfter('A', { placements: [] }), lookedAfter('B')), flags: ['episodes:E-A'], clean: ['episodes:E-B'] },
  { rule: episodeBeforeBirth, records: merge(world(), lookedAfter('A', { child: { dateOfBirth: '2021-06-01' } }), lookedAfter('B')), flags: ['episodes:E-A'], clean: ['episodes:E-B'] },
  {
    rule: episodeEndedWithoutReason,
    records: merge(world(), lookedAfter('A', { episode: ended('2022-03-01', null) }), lookedAfter('B', { episode: ended('2022-03-01', 'home_with_parents') }), lookedAfter('C')),
    flags: ['episodes:E-A'],
    clean: ['episodes:E-B', 'episodes:E-C'],
  },
  { rule: episodeReasonWhileOpen, records: merge(world(), lookedAfter('A', { episode: { reasonEnded: 'home_with_parents' } }), lookedAfter('B')), flags: ['episodes:E-A'], clean: ['episodes:E-B'] },
  {
    rule: episodeReasonNotKnown,
    records: merge(world(), lookedAfter('A', { episode: ended('2022-03-01', 'not_known') }), lookedAfter('B', { episode: ended('2022-03-01', 'home_with_parents') })),
    flags: ['episodes:E-A'],
    clean: ['episodes:E-B'],
  },
  { rule: episodeLegalReasonOther, records: merge(world(), lookedAfter('A', { episode: { legalReason: 'other' } }), lookedAfter('B')), flags: ['episodes:E-A'], clean: ['episodes:E-B'] },
  {
    rule: episodesOneDayApart,
    records: merge(world(),
      lookedAfter('A', { episode: ended('2021-10-01', 'home_with_parents') }), { episodes: [anEpisodeRecord('E-A2', 'A', { startDate: '2021-10-02' })] },
      lookedAfter('B', { episode: ended('2021-10-01', 'home_with_parents') }), { episodes: [anEpisodeRecord('E-B2', 'B', { startDate: '2021-10-03' })] }),
    flags: ['episodes:E-A', 'episodes:E-A2'],
    clean: ['episodes:E-B', 'episodes:E-B2'],
  },
  {
    rule: overlappingEpisodes,
    records: merge(world(),
      lookedAfter('A'), { episodes: [anEpisodeRecord('E-A2', 'A', { startDate: '2021-06-01', endDate: '2021-12-01', reasonEnded: 'home_with_parents' })] },
      lookedAfter('B', { episode: ended('2021-05-01', 'home_with_parents') }), { episodes: [anEpisodeRecord('E-B2', 'B', { startDate: '2021-05-01' })] }),
    flags: ['episodes:E-A', 'episodes:E-A2'],
    clean: ['episodes:E-B', 'episodes:E-B2'],
  },
  {
    rule: episodeStartedAt18,
    records: merge(world(), lookedAfter('A', { child: { dateOfBirth: '2003-06-01' }, episode: { startDate: '2021-09-01' } }), lookedAfter('B', { child: { dateOfBirth: '2004-01-01' }, episode: { startDate: '2021-09-01' } })),
    flags: ['episodes:E-A'],
    clean: ['episodes:E-B'],
  },
  {
    rule: adoptedNotFromAdopters,
    records: merge(world(), lookedAfter('A', { episode: ended('2022-03-01', 'adopted') }), lookedAfter('B', { episode: ended('2022-03-01', 'adopted'), placement: { placementType: 'prospective_adopters' } })),
    flags: ['episodes:E-A'],
    clean: ['episodes:E-B'],
  },
  { rule: episodeOfNoDays, records: merge(world(), lookedAfter('A', { episode: { startDate: '2021-11-01', ...ended('2021-11-01', 'home_with_parents') } }), lookedAfter('B')), flags: ['episodes:E-A'], clean: ['episodes:E-B'] },
  { rule: episodeStartInFuture, records: merge(world(), lookedAfter('A', { episode: { startDate: '2022-10-01' } }), lookedAfter('B')), flags: ['episodes:E-A'], clean: ['episodes:E-B'] },
  { rule: episodeEndInFuture, records: merge(world(), lookedAfter('A', { episode: ended('2022-12-01', 'home_with_parents') }), lookedAfter('B')), flags: ['episodes:E-A'], clean: ['episodes:E-B'] },
  {
    rule: continuingCareUnder16,
    records: merge(world(), lookedAfter('A', { child: { dateOfBirth: '2008-01-01' }, episode: ended('2022-03-01', 'continuing_care') }), lookedAfter('B', { child: { dateOfBirth: '2005-01-01' }, episode: ended('2022-03-01', 'continuing_care') })),
    flags: ['episodes:E-A'],
    clean: ['episodes:E-B'],
  },
  {
    rule: secureCareUnder12,
    records: merge(world(), lookedAfter('A', { child: { dateOfBirth: '2011-01-01' }, placement: { placementType: 'secure' } }), lookedAfter('B', { child: { dateOfBirth: '2007-01-01' }, placement: { placementType: 'secure' } })),
    flags: ['placements:P-A'],
    clean: ['placements:P-B'],
  },
  {
    rule: externalPlacementWithoutCost,
    records: merge(world(), lookedAfter('A', { placement: { providerId: 'PR-PV', weeklyCost: null } }), lookedAfter('B', { placement: { providerId: 'PR-PV' } }), lookedAfter('C', { placement: { weeklyCost: null } })),
    flags: ['placements:P-A'],
    clean: ['placements:P-B', 'placements:P-C'],
  },
  {
    rule: otherAuthorityNotOutOfAuthority,
    records: merge(world(), lookedAfter('A', { placement: { providerId: 'PR-OA' } }), lookedAfter('B', { placement: { providerId: 'PR-OA', outOfAuthority: true } })),
    flags: ['placements:P-A'],
    clean: ['placements:P-B'],
  },
  {
    rule: ownProviderOutOfAuthority,
    records: merge(world(), lookedAfter('A', { placement: { outOfAuthority: true } }), lookedAfter('B', { placement: { providerId: 'PR-OA', outOfAuthority: true } })),
    flags: ['placements:P-A'],
    clean: ['placements:P-B'],
  },
  {
    rule: purchasedPlacementWithoutProvider,
    records: merge(world(), lookedAfter('A', { placement: { placementType: 'foster_purchased', providerId: null } }), lookedAfter('B', { placement: { placementType: 'foster_purchased', providerId: 'PR-PV' } }),
      lookedAfter('C', { placement: { providerId: null } })),
    flags: ['placements:P-A'],
    clean: ['placements:P-B', 'placements:P-C'],
  },
  {
    rule: purchasedFosterWithOwnProvider,
    records: merge(world(), lookedAfter('A', { placement: { placementType: 'foster_purchased' } }), lookedAfter('B', { placement: { placementType: 'foster_purchased', providerId: 'PR-PV' } })),
    flags: ['placements:P-A'],
    clean: ['placements:P-B'],
  },
  {
    rule: secureCareWhileVoluntary,
    records: merge(world(), lookedAfter('A', { child: { dateOfBirth: '2007-01-01' }, episode: { legalReason: 's25_voluntary' }, placement: { placementType: 'secure' } }),
      lookedAfter('B', { child: { dateOfBirth: '2007-01-01' }, placement: { placementType: 'secure' } })),
    flags: ['placements:P-A'],
    clean: ['placements:P-B'],
  },
  { rule: placementBeforeBirth, records: merge(world(), lookedAfter('A', { child: { dateOfBirth: '2021-06-01' } }), lookedAfter('B')), flags: ['placements:P-A'], clean: ['placements:P-B'] },
  { rule: placementStartInFuture, records: merge(world(), lookedAfter('A', { placement: { startDate: '2022-10-01' } }), lookedAfter('B')), flags: ['placements:P-A'], clean: ['placements:P-B'] },
  { rule: placementEndInFuture, records: merge(world(), lookedAfter('A', { placements: [placedUntil('A', '2022-12-01')] }), lookedAfter('B')), flags: ['placements:P-A'], clean: ['placements:P-B'] },
  { rule: weeklyCostImplausible, records: merge(world(), lookedAfter('A', { placement: { weeklyCost: 52_000 } }), lookedAfter('B', { placement: { weeklyCost: 6_500 } })), flags: ['placements:P-A'], clean: ['placements:P-B'] },
  {
    rule: placementOfNoDays,
    records: merge(world(), lookedAfter('A', { placements: [aPlacement('P-A', 'A', { startDate: '2021-11-01', endDate: '2021-11-01' }), aPlacement('P-A2', 'A', { startDate: '2021-11-01' })] }), lookedAfter('B')),
    flags: ['placements:P-A'],
    clean: ['placements:P-A2', 'placements:P-B'],
  },
  {
    rule: registeredYearWithoutReview,
    records: merge(world(),
      registered('A', { registration: { registeredDate: '2021-05-01' }, meetings: [{ meetingId: 'M-A', childId: 'A', meetingDate: '2021-05-01', kind: 'initial', decision: 'register' }] }),
      registered('B', { registration: { registeredDate: '2021-05-01' }, meetings: [{ meetingId: 'M-B', childId: 'B', meetingDate: '2022-01-10', kind: 'review', decision: 'continue_registration' }] }),
      registered('C', { meetings: [{ meetingId: 'M-C', childId: 'C', meetingDate: '2021-10-01', kind: 'initial', decision: 'register' }] })),
    flags: ['registrations:R-A'],
    clean: ['registrations:R-B', 'registrations:R-C'],
  },
  {
    rule: deregisteredWithoutReason,
    records: merge(world(), registered('A', { registration: { deregisteredDate: '2022-02-01' } }), registered('B', { registration: { deregisteredDate: '2022-02-01', deregistrationReason: 'improved_home_situation' } }), registered('C')),
    flags: ['registrations:R-A'],
    clean: ['registrations:R-B', 'registrations:R-C'],
  },
  {
    rule: registeredWithoutPlanningMeeting,
    records: merge(world(), registered('A', { meetings: [] }), registered('B'), registered('C', { registration: { registeredDate: '2021-05-01' }, meetings: [] })),
    flags: ['registrations:R-A'],
    clean: ['registrations:R-B', 'registrations:R-C'],
  },
  { rule: registeredWithoutConcerns, records: merge(world(), registered('A', { registration: { concerns: [] } }), registered('B')), flags: ['registrations:R-A'], clean: ['registrations:R-B'] },
  { rule: deregistrationReasonWhileRegistered, records: merge(world(), registered('A', { registration: { deregistrationReason: 'moved_away' } }), registered('B')), flags: ['registrations:R-A'], clean: ['registrations:R-B'] },
  {
    rule: overlappingRegistrations,
    records: merge(world(),
      registered('A'), { registrations: [{ registrationId: 'R-A2', childId: 'A', registeredDate: '2022-01-01', deregisteredDate: null, concerns: ['neglect'], deregistrationReason: null }] },
      registered('B', { registration: { deregisteredDate: '2021-12-01', deregistrationReason: 'improved_home_situation' } }),
      { registrations: [{ registrationId: 'R-B2', childId: 'B', registeredDate: '2022-01-01', deregisteredDate: null, concerns: ['neglect'], deregistrationReason: null }] }),
    flags: ['registrations:R-A', 'registrations:R-A2'],
    clean: ['registrations:R-B', 'registrations:R-B2'],
  },
  { rule: registeredPast18, records: merge(world(), registered('A', { child: { dateOfBirth: '2004-01-01' } }), registered('B', { child: { dateOfBirth: '2005-01-01' } })), flags: ['registrations:R-A'], clean: ['registrations:R-B'] },
  {
    rule: deregisteredLookedAfterWithoutEpisode,
    records: merge(world(),
      registered('A', { registration: { deregisteredDate: '2022-02-01', deregistrationReason: 'child_looked_after' } }),
      registered('B', { registration: { deregisteredDate: '2022-02-01', deregistrationReason: 'child_looked_after' } }), { episodes: [anEpisodeRecord('E-B', 'B', { startDate: '2022-02-01' })] }),
    flags: ['registrations:R-A'],
    clean: ['registrations:R-B'],
  },
  { rule: registeredInFuture, records: merge(world(), registered('A', { registration: { registeredDate: '2022-10-05' } }), registered('B')), flags: ['registrations:R-A'], clean: ['registrations:R-B'] },
  {
    rule: deregistrationReasonOther,
    records: merge(world(), registered('A', { registration: { deregisteredDate: '2022-02-01', deregistrationReason: 'other' } }), registered('B', { registration: { deregisteredDate: '2022-02-01', deregistrationReason: 'moved_away' } })),
    flags: ['registrations:R-A'],
    clean: ['registrations:R-B'],
  },
  {
    rule: planningMeetingInFuture,
    records: merge(world(), registered('A', { meetings: [{ meetingId: 'M-A', childId: 'A', meetingDate: '2022-10-10', kind: 'review', decision: 'continue_registration' }] }), registered('B')),
    flags: ['planningMeetings:M-A'],
    clean: ['planningMeetings:M-B-initial', 'planningMeetings:M-B-review'],
  },
  {
    rule: offenceGroundUnder12,
    records: merge(world(), { children: [aChildRecord('A', { dateOfBirth: '2011-01-01' }), aChildRecord('B', { dateOfBirth: '2009-01-01' })] }, {
      reporterReferrals: [referral('SR1', 'A', '2022-01-10'), referral('SR2', 'A', '2021-12-01'), referral('SR3', 'B', '2022-01-10'), referral('SR4', 'A', '2022-01-10', 'b')],
    }),
    flags: ['reporterReferrals:SR1'],
    clean: ['reporterReferrals:SR2', 'reporterReferrals:SR3', 'reporterReferrals:SR4'],
  },
  {
    rule: reporterReferralBeforeBirth,
    records: merge(world(), { children: [aChildRecord('A')], reporterReferrals: [referral('SR1', 'A', '2011-01-01', 'a'), referral('SR2', 'A', '2021-10-01', 'a')] }),
    flags: ['reporterReferrals:SR1'],
    clean: ['reporterReferrals:SR2'],
  },
  {
    rule: reporterReferralInFuture,
    records: merge(world(), { children: [aChildRecord('A')], reporterReferrals: [referral('SR1', 'A', '2022-10-20', 'a'), referral('SR2', 'A', '2021-10-01', 'a')] }),
    flags: ['reporterReferrals:SR1'],
    clean: ['reporterReferrals:SR2'],
  },
  {
    rule: openCaseWithoutTeam,
    records: merge(world(), lookedAfter('A', { case: { team: null } }), lookedAfter('B'), { children: [aChildRecord('C')], cases: [{ caseId: 'K-C', childId: 'C', team: null, workerId: null, openedDate: '2021-01-01', closedDate: null }] }),
    flags: ['cases:K-A'],
    clean: ['cases:K-B', 'cases:K-C'],
  },
  { rule: populationMissing, records: merge(world(), lookedAfter('A'), { population: [] }), flags: [], clean: ['population:2022'] },
  { rule: populationMissing, records: merge(lookedAfter('A'), { population: [{ year: 2021, age0To17: 19_400 }] }), flags: ['population:2022'], clean: ['population:2021'] },
];

const key = (table: TableName, recordId: string) => `${table}:${recordId}`;

function hasRecord(records: ReturnRecords, reference: string): boolean {
  const [table, recordId] = reference.split(':') as [TableName, string];
  return (records[table] as unknown as Record<string, unknown>[]).some((record) => String(record[recordIdField[table]]) === recordId);
}

describe('each rule flags exactly the records it should', () => {
  it.each(cases.map((ruleCase, index) => [`${ruleCase.rule.code} (${index})`, ruleCase] as const))('%s', (_name, ruleCase) => {
    const context = ruleContext(collectionYear(ruleCase.year ?? '2021-22')!, ruleCase.records, ruleCase.today ?? '2022-09-30');
    const run = runRules(firstPack('test', [ruleCase.rule]), context);
    expect(run.failed).toEqual([]);
    expect(run.skipped).toEqual([]);
    const flagged = [...new Set(run.findings.map((finding) => key(finding.table, finding.recordId)))].sort();
    expect(flagged).toEqual([...ruleCase.flags].sort());
    for (const reference of ruleCase.clean) {
      // A record the rule must not flag must be there to be passed over.
      expect(hasRecord(ruleCase.records, reference), reference).toBe(true);
      expect(flagged).not.toContain(reference);
    }
    for (const reference of ruleCase.flags) if (!reference.startsWith('population:')) expect(hasRecord(ruleCase.records, reference), reference).toBe(true);
  });

  it('has a case for every rule of every pack', () => {
    const covered = new Set(cases.map((ruleCase) => ruleCase.rule));
    for (const pack of rulePacks) for (const rule of pack.rules) expect(covered.has(rule), rule.code).toBe(true);
  });

  it('links the records of one problem spanning several by one issue id', () => {
    const records = merge(world(), lookedAfter('A', { episode: ended('2021-10-01', 'home_with_parents') }), { episodes: [anEpisodeRecord('E-A2', 'A', { startDate: '2021-10-02' })] });
    const run = runRules(firstPack('test', [episodesOneDayApart]), ruleContext(collectionYear('2021-22')!, records, '2022-09-30'));
    expect(new Set(run.findings.map((finding) => finding.issueId))).toEqual(new Set(['E111:E-A:E-A2']));
    expect(run.findings.map((finding) => finding.childId)).toEqual(['A', 'A']);
  });
});

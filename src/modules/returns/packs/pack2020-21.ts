/**
 * @module The first pack of rules, for the collection year 2020-21 (and the years before, which Cairn checks with
 * it). Never edited once a return has been made with it: a later year's changes go in that year's pack.
 */
import { firstPack } from './rulePack.js';
import { childSexRecorded } from '../rules/childSexRecorded.js';
import { childSexNotKnown } from '../rules/childSexNotKnown.js';
import { childEthnicityRecorded } from '../rules/childEthnicityRecorded.js';
import { childDisabilityRecorded } from '../rules/childDisabilityRecorded.js';
import { childDisabilityNotKnown } from '../rules/childDisabilityNotKnown.js';
import { likelyDuplicateChildren } from '../rules/likelyDuplicateChildren.js';
import { childBornInFuture } from '../rules/childBornInFuture.js';
import { lookedAfterWithoutOpenCase } from '../rules/lookedAfterWithoutOpenCase.js';
import { lookedAfterWithoutWorker } from '../rules/lookedAfterWithoutWorker.js';
import { schoolAgeWithoutSchool } from '../rules/schoolAgeWithoutSchool.js';
import { lookedAfterPast18 } from '../rules/lookedAfterPast18.js';
import { atHomeReasonPlacedAway } from '../rules/atHomeReasonPlacedAway.js';
import { awayReasonPlacedAtHome } from '../rules/awayReasonPlacedAtHome.js';
import { awayWithoutPlacement28Days } from '../rules/awayWithoutPlacement28Days.js';
import { episodeWithoutPlacement } from '../rules/episodeWithoutPlacement.js';
import { episodeBeforeBirth } from '../rules/episodeBeforeBirth.js';
import { episodeEndedWithoutReason } from '../rules/episodeEndedWithoutReason.js';
import { episodeReasonWhileOpen } from '../rules/episodeReasonWhileOpen.js';
import { episodeReasonNotKnown } from '../rules/episodeReasonNotKnown.js';
import { episodeLegalReasonOther } from '../rules/episodeLegalReasonOther.js';
import { episodesOneDayApart } from '../rules/episodesOneDayApart.js';
import { overlappingEpisodes } from '../rules/overlappingEpisodes.js';
import { episodeStartedAt18 } from '../rules/episodeStartedAt18.js';
import { adoptedNotFromAdopters } from '../rules/adoptedNotFromAdopters.js';
import { episodeOfNoDays } from '../rules/episodeOfNoDays.js';
import { episodeStartInFuture } from '../rules/episodeStartInFuture.js';
import { episodeEndInFuture } from '../rules/episodeEndInFuture.js';
import { continuingCareUnder16 } from '../rules/continuingCareUnder16.js';
import { openCaseWithoutTeam } from '../rules/openCaseWithoutTeam.js';
import { secureCareUnder12 } from '../rules/secureCareUnder12.js';
import { externalPlacementWithoutCost } from '../rules/externalPlacementWithoutCost.js';
import { otherAuthorityNotOutOfAuthority } from '../rules/otherAuthorityNotOutOfAuthority.js';
import { ownProviderOutOfAuthority } from '../rules/ownProviderOutOfAuthority.js';
import { purchasedPlacementWithoutProvider } from '../rules/purchasedPlacementWithoutProvider.js';
import { purchasedFosterWithOwnProvider } from '../rules/purchasedFosterWithOwnProvider.js';
import { secureCareWhileVoluntary } from '../rules/secureCareWhileVoluntary.js';
import { placementBeforeBirth } from '../rules/placementBeforeBirth.js';
import { placementStartInFuture } from '../rules/placementStartInFuture.js';
import { placementEndInFuture } from '../rules/placementEndInFuture.js';
import { weeklyCostImplausible } from '../rules/weeklyCostImplausible.js';
import { placementOfNoDays } from '../rules/placementOfNoDays.js';
import { registeredYearWithoutReview } from '../rules/registeredYearWithoutReview.js';
import { deregisteredWithoutReason } from '../rules/deregisteredWithoutReason.js';
import { registeredWithoutPlanningMeeting } from '../rules/registeredWithoutPlanningMeeting.js';
import { registeredWithoutConcerns } from '../rules/registeredWithoutConcerns.js';
import { deregistrationReasonWhileRegistered } from '../rules/deregistrationReasonWhileRegistered.js';
import { overlappingRegistrations } from '../rules/overlappingRegistrations.js';
import { registeredPast18 } from '../rules/registeredPast18.js';
import { deregisteredLookedAfterWithoutEpisode } from '../rules/deregisteredLookedAfterWithoutEpisode.js';
import { registeredInFuture } from '../rules/registeredInFuture.js';
import { deregistrationReasonOther } from '../rules/deregistrationReasonOther.js';
import { planningMeetingInFuture } from '../rules/planningMeetingInFuture.js';
import { reporterReferralBeforeBirth } from '../rules/reporterReferralBeforeBirth.js';
import { reporterReferralInFuture } from '../rules/reporterReferralInFuture.js';
import { populationMissing } from '../rules/populationMissing.js';

export const pack2020to21 = firstPack('2020-21', [
  childSexRecorded,
  childSexNotKnown,
  childEthnicityRecorded,
  childDisabilityRecorded,
  childDisabilityNotKnown,
  likelyDuplicateChildren,
  childBornInFuture,
  lookedAfterWithoutOpenCase,
  lookedAfterWithoutWorker,
  schoolAgeWithoutSchool,
  lookedAfterPast18,
  atHomeReasonPlacedAway,
  awayReasonPlacedAtHome,
  awayWithoutPlacement28Days,
  episodeWithoutPlacement,
  episodeBeforeBirth,
  episodeEndedWithoutReason,
  episodeReasonWhileOpen,
  episodeReasonNotKnown,
  episodeLegalReasonOther,
  episodesOneDayApart,
  overlappingEpisodes,
  episodeStartedAt18,
  adoptedNotFromAdopters,
  episodeOfNoDays,
  episodeStartInFuture,
  episodeEndInFuture,
  continuingCareUnder16,
  openCaseWithoutTeam,
  secureCareUnder12,
  externalPlacementWithoutCost,
  otherAuthorityNotOutOfAuthority,
  ownProviderOutOfAuthority,
  purchasedPlacementWithoutProvider,
  purchasedFosterWithOwnProvider,
  secureCareWhileVoluntary,
  placementBeforeBirth,
  placementStartInFuture,
  placementEndInFuture,
  weeklyCostImplausible,
  placementOfNoDays,
  registeredYearWithoutReview,
  deregisteredWithoutReason,
  registeredWithoutPlanningMeeting,
  registeredWithoutConcerns,
  deregistrationReasonWhileRegistered,
  overlappingRegistrations,
  registeredPast18,
  deregisteredLookedAfterWithoutEpisode,
  registeredInFuture,
  deregistrationReasonOther,
  planningMeetingInFuture,
  reporterReferralBeforeBirth,
  reporterReferralInFuture,
  populationMissing,
]);

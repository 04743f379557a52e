/** @module Codes for looked after children: legal reasons, reasons an episode ended, placement types and providers (CLAS, extract-format.md v1). */
import { codeList } from './codeList.js';

export const legalReason = codeList({
  cso_home: 'Compulsory Supervision Order (at home)',
  cso_away: 'Compulsory Supervision Order with a residence condition',
  interim_cso: 'Interim Compulsory Supervision Order',
  cpo_or_warrant: 'Child Protection Order or warrant',
  s25_voluntary: 'Voluntary accommodation (section 25)',
  permanence_order: 'Permanence order',
  criminal_justice: 'Criminal justice',
  other: 'Other',
});
export const legalReasons = legalReason.codes;
export type LegalReason = (typeof legalReasons)[number];
export const legalReasonLabels = legalReason.labels;

export const reasonEnded = codeList({
  home_with_parents: 'Went home to parents',
  friends_relatives: 'Went to live with friends or relatives',
  kinship_care_order: 'Kinship care order',
  adopted: 'Adopted',
  continuing_care: 'Continuing care',
  own_tenancy_supported: 'Own tenancy, with support',
  residential: 'Residential care',
  custody: 'Custody',
  other: 'Other',
  not_known: 'Not known',
});
export const reasonsEnded = reasonEnded.codes;
export type ReasonEnded = (typeof reasonsEnded)[number];
export const reasonEndedLabels = reasonEnded.labels;

export const placementType = codeList({
  at_home: 'At home with parents',
  kinship: 'With kinship carers: friends or relatives',
  foster_la: 'With foster carers provided by the council',
  foster_purchased: 'With foster carers purchased by the council',
  prospective_adopters: 'With prospective adopters',
  other_community: 'In other community setting',
  la_home: "In the council's own children's house",
  voluntary_home: 'In a voluntary home',
  residential_school: 'In a residential school',
  secure: 'In secure accommodation',
  crisis_care: 'Crisis care',
  other_residential: 'In other residential setting',
});
export const placementTypes = placementType.codes;
export type PlacementType = (typeof placementTypes)[number];
export const placementTypeLabels = placementType.labels;

/** Types whose setting is residential (CLAS); every other type is in the community (LGBF CHN9). */
export const residentialPlacementTypes = ['la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential'] as const satisfies readonly PlacementType[];
/** Foster care, whoever provides it. */
export const fosterPlacementTypes = ['foster_la', 'foster_purchased'] as const satisfies readonly PlacementType[];

export const providerType = codeList({
  local_authority: 'The council’s own',
  voluntary: 'Voluntary',
  private: 'Private',
  other_authority: 'Another council',
});
export const providerTypes = providerType.codes;
export type ProviderType = (typeof providerTypes)[number];
export const providerTypeLabels = providerType.labels;

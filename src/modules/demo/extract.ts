/**
 * @module The demo extract as rows: one type per file of extract-format.md v1, with the file's own column
 * names, so that what the tests check is exactly what is written.
 */

export const placementTypes = [
  'at_home', 'kinship', 'foster_la', 'foster_purchased', 'prospective_adopters', 'other_community',
  'la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential',
] as const;
export type PlacementType = (typeof placementTypes)[number];

/** Placement types in CLAS's residential setting; the rest are community settings. */
export const residentialTypes: ReadonlySet<PlacementType> = new Set([
  'la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential',
]);

export const legalReasons = ['cso_home', 'cso_away', 'interim_cso', 'cpo_or_warrant', 's25_voluntary', 'permanence_order', 'criminal_justice', 'other'] as const;
export type LegalReason = (typeof legalReasons)[number];

export const reasonsEnded = [
  'home_with_parents', 'friends_relatives', 'kinship_care_order', 'adopted', 'continuing_care',
  'own_tenancy_supported', 'residential', 'custody', 'other', 'not_known',
] as const;
export type ReasonEnded = (typeof reasonsEnded)[number];

export const referralSources = ['education', 'police', 'health', 'self_or_family', 'social_work', 'scra', 'third_sector', 'other'] as const;
export type ReferralSource = (typeof referralSources)[number];

export const pathways = ['family_first', 'social_work_assessment', 'signposted', 'no_further_action'] as const;
export type Pathway = (typeof pathways)[number];

export const providerTypes = ['local_authority', 'voluntary', 'private', 'other_authority'] as const;
export type ProviderType = (typeof providerTypes)[number];

export const concernCodes = [
  'domestic_abuse', 'neglect', 'parental_mental_health', 'parental_drug_misuse', 'parental_alcohol_misuse',
  'emotional_abuse', 'physical_abuse', 'sexual_abuse', 'child_sexual_exploitation', 'child_trafficking',
  'non_engaging_family', 'placing_self_at_risk', 'other',
] as const;
export type ConcernCode = (typeof concernCodes)[number];

export const deregistrationReasons = ['improved_home_situation', 'child_looked_after', 'moved_away', 'other'] as const;
export type DeregistrationReason = (typeof deregistrationReasons)[number];

/** The section 67(2) grounds, `a` to `q`; `j` is the offence ground. */
export const scraGrounds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q'] as const;
export type ScraGround = (typeof scraGrounds)[number];

/** What a cell may hold before it is written: `null` is an empty cell. */
export type CsvValue = string | number | null;

export type AuthorityRow = { authority_code: string; authority_name: string };
export type PopulationRow = { year: number; age_0_17: number };
export type ChildRow = {
  child_id: string; family_id: string | null; forename: string; surname: string; date_of_birth: string;
  sex: 'M' | 'F' | 'X' | 'U'; ethnicity: string; disability: 'Y' | 'N' | 'U'; school_cluster: string; locality: string;
};
export type CaseRow = { case_id: string; child_id: string; team: string; worker_id: string; opened_date: string; closed_date: string | null };
export type ReferralRow = {
  referral_id: string; child_id: string; received_date: string; source: ReferralSource; reason: string;
  school_cluster: string; pathway: Pathway; closed_date: string | null;
};
export type EpisodeRow = {
  episode_id: string; child_id: string; start_date: string; end_date: string | null; legal_reason: LegalReason; reason_ended: ReasonEnded | null;
};
export type PlacementRow = {
  placement_id: string; episode_id: string; child_id: string; start_date: string; end_date: string | null;
  placement_type: PlacementType; provider_id: string | null; out_of_authority: 'Y' | 'N';
  /** Pounds with two decimals, e.g. `4235.50`; null where the placement costs nothing. */
  weekly_cost: string | null;
};
export type ProviderRow = { provider_id: string; name: string; provider_type: ProviderType };
export type RegistrationRow = {
  registration_id: string; child_id: string; registered_date: string; deregistered_date: string | null;
  /** `;`-separated concern codes. */
  concerns: string; deregistration_reason: DeregistrationReason | null;
};
export type ScraReferralRow = { scra_referral_id: string; child_id: string; referral_date: string; ground: ScraGround };
export type BenchmarkRow = { year: number; indicator: string; area: string; value: string };

/** A whole generated extract: every file's rows, and the day its history runs to. */
export interface DemoExtract {
  seed: number;
  /** The reference date (ISO): records open on it have no end date. */
  today: string;
  authority: AuthorityRow;
  population: PopulationRow[];
  children: ChildRow[];
  cases: CaseRow[];
  referrals: ReferralRow[];
  lookedAfter: EpisodeRow[];
  placements: PlacementRow[];
  providers: ProviderRow[];
  cpRegistrations: RegistrationRow[];
  scraReferrals: ScraReferralRow[];
  benchmarks: BenchmarkRow[];
}

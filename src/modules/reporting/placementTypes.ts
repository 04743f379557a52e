/** @module The placement type groupings the indicators use (extract-format.md's CLAS categories and settings). */

/** Types whose setting is residential; every other type is in the community (LGBF CHN9). */
export const residentialPlacementTypes = ['la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential'] as const;

/** Foster care, whoever provides it. */
export const fosterPlacementTypes = ['foster_la', 'foster_purchased'] as const;

/** The dimension value for a looked after child, episode or referral with nothing recorded. */
export const notRecorded = 'not_recorded';

/** @module The placement type groupings the indicators use (extract-format.md's CLAS categories and settings). */

/** The dimension value for a looked after child, episode or referral with nothing recorded. */
export const notRecorded = 'not_recorded';

/**
 * @module The reference lists administrators maintain (issue 13 item 6, ADR 0029): which lists there are, how each is
 * named on screen and in URLs, and the one rule for when two values are the same entry (case and spaces ignored).
 */

/** The lists, as stored in reference_entries.list (the database's CHECK repeats them). */
export const referenceLists = ['team', 'school_cluster', 'school', 'worker', 'partner_agency', 'participant_role'] as const;
export type ReferenceList = (typeof referenceLists)[number];

interface ListWords {
  /** The page's heading: "School clusters". */
  title: string;
  /** One entry, in a sentence: "school cluster". */
  one: string;
  /** The list's part of the URL: "school-clusters". */
  slug: string;
}

export const listWords: Record<ReferenceList, ListWords> = {
  team: { title: 'Teams', one: 'team', slug: 'teams' },
  school_cluster: { title: 'School clusters', one: 'school cluster', slug: 'school-clusters' },
  school: { title: 'Schools', one: 'school', slug: 'schools' },
  worker: { title: 'Workers', one: 'worker', slug: 'workers' },
  partner_agency: { title: 'Partner agencies', one: 'partner agency', slug: 'partner-agencies' },
  participant_role: { title: 'Meeting participants’ roles', one: 'participant’s role', slug: 'participant-roles' },
};

/** @example listOfSlug('school-clusters') // 'school_cluster' */
export function listOfSlug(slug: string): ReferenceList | undefined {
  return referenceLists.find((list) => listWords[list].slug === slug);
}

/**
 * What two values must share to be one entry: the letters, in lower case, without any spaces.
 * @example matchKey('  Belmont  Academy ') === matchKey('belmontacademy') // true
 */
export function matchKey(value: string): string {
  return value.replace(/\s/g, '').toLowerCase();
}

/** A value as people should see it stored: trimmed, runs of spaces made one. */
export function tidyName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Workers are matched and recorded by their worker ID (the extract's worker_id); every other list by its name. */
export function keyedByCode(list: ReferenceList): boolean {
  return list === 'worker';
}

/** One entry of a list. */
export interface ReferenceEntry {
  entryId: number;
  list: ReferenceList;
  name: string;
  code: string | null;
  retiredOn: string | null;
}

/** What records hold for an entry: its worker ID for a worker, otherwise its name. */
export function recordedValue(entry: Pick<ReferenceEntry, 'list' | 'name' | 'code'>): string {
  return keyedByCode(entry.list) && entry.code ? entry.code : entry.name;
}

/**
 * @module Checks between files and against the database: references resolve, placements lie within their
 * episodes, and a child is in one placement at a time — over the records as they will be after the import
 * (the database's, with the extract's rows replacing those with the same id).
 */
import type { ExtractProblem, LookedAfterEpisodeRecord, ReadExtract, ReadFile, ReadRecord } from './extract.js';

/** What the checks need to know of the database, fetched for the ids the extract mentions. */
export interface DatabaseState {
  authority: { code: string; name: string } | undefined;
  /** Of the children asked about, those the database has. */
  childIds: Set<string>;
  providerIds: Set<string>;
  episodes: Map<string, StoredEpisode>;
  /** Placements of the children placed in the extract, and of the extract's episodes. */
  placements: StoredPlacement[];
}

export interface StoredEpisode {
  episode_id: string;
  child_id: string;
  start_date: string;
  end_date: string | null;
}

export interface StoredPlacement {
  placement_id: string;
  episode_id: string;
  child_id: string;
  start_date: string;
  end_date: string | null;
}

/** The ids to look up in the database before checking. */
export interface DatabaseQuestions {
  childIds: string[];
  providerIds: string[];
  episodeIds: string[];
  /** Children whose placements (all of them) the overlap check needs. */
  placedChildIds: string[];
}

const childReferringFiles = ['cases', 'referrals', 'looked_after', 'placements', 'cp_registrations', 'scra_referrals'] as const;

/** The child each row of a file that refers to children names (undefined where the cell could not be read). */
function forEachChildId(file: ReadFile<{ child_id: string }> | undefined, visit: (childId: string | undefined, line: number) => void): void {
  file?.rows.forEachValue('child_id', visit);
}

/**
 * The ids the checks must look up in the database.
 * @example const state = await repository.databaseState(tx, databaseQuestions(extract))
 */
export function databaseQuestions(extract: ReadExtract): DatabaseQuestions {
  // Walked row by row into sets: the files' rows are held packed (ADR 0065) and never all unpacked at once.
  const children = extract.children;
  const childIds = new Set<string>();
  for (const kind of childReferringFiles) {
    forEachChildId(extract[kind], (childId) => {
      if (childId && !children?.ids.has(childId)) childIds.add(childId);
    });
  }
  const providerIds = new Set<string>();
  const episodeIds = new Set<string>();
  const placedChildIds = new Set<string>();
  for (const row of extract.placements?.rows ?? []) {
    if (row.provider_id && !extract.providers?.ids.has(row.provider_id)) providerIds.add(row.provider_id);
    if (row.episode_id) episodeIds.add(row.episode_id);
    if (row.child_id) placedChildIds.add(row.child_id);
  }
  // The extract's own episodes too: to see whether one moves to another child, and to find their stored placements.
  for (const row of extract.looked_after?.rows ?? []) if (row.episode_id) episodeIds.add(row.episode_id);
  return { childIds: [...childIds], providerIds: [...providerIds], episodeIds: [...episodeIds], placedChildIds: [...placedChildIds] };
}

type Problems = ExtractProblem[];

function describeDates(start: string, end: string | null): string {
  return `${start} to ${end ?? 'open'}`;
}

/** One database, one authority: another authority's extract (or real data over the demo) would mix two councils' children. */
function checkAuthority(extract: ReadExtract, state: DatabaseState, problems: Problems): void {
  const file = extract.authority;
  const row = file?.rows.at(0);
  if (!file || !row?.authority_code || !state.authority || state.authority.code === row.authority_code) return;
  problems.push({
    file: file.fileName,
    line: row.line,
    column: 'authority_code',
    message: `is ${row.authority_code}, but this database belongs to ${state.authority.code} (${state.authority.name}): is this the right extract, and the right database?`,
  });
}

function checkChildReferences(extract: ReadExtract, state: DatabaseState, problems: Problems): void {
  const children = extract.children;
  // Without a readable children.csv (already reported) every reference would be reported again.
  if (!children?.idsKnown) return;
  for (const kind of childReferringFiles) {
    const file = extract[kind];
    if (!file) continue;
    forEachChildId(file, (childId, line) => {
      if (childId && !children.ids.has(childId) && !state.childIds.has(childId)) {
        problems.push({ file: file.fileName, line, column: 'child_id', message: `there is no child ${childId} in children.csv or in the database` });
      }
    });
  }
}

/** An episode as it will be after the import; a field is undefined when the extract's row has a problem there. */
type EpisodeAfterImport = Partial<StoredEpisode>;

function episodesAfterImport(extract: ReadExtract, state: DatabaseState): (episodeId: string) => EpisodeAfterImport | undefined {
  const file = extract.looked_after;
  const rowsById = new Map<string, ReadRecord<LookedAfterEpisodeRecord>>();
  for (const row of file?.rows ?? []) if (row.episode_id) rowsById.set(row.episode_id, row);
  return (episodeId) => {
    const row = rowsById.get(episodeId);
    if (row) return row;
    // Defined by a row of the extract that could not be read: nothing known, nothing to check.
    if (file?.ids.has(episodeId)) return {};
    if (file && !file.idsKnown) return {};
    return state.episodes.get(episodeId);
  };
}

function checkPlacements(extract: ReadExtract, state: DatabaseState, problems: Problems): void {
  const file = extract.placements;
  if (!file) return;
  const episodeAfterImport = episodesAfterImport(extract, state);
  const providers = extract.providers;
  for (const placement of file.rows) {
    const report = (column: string, message: string) => problems.push({ file: file.fileName, line: placement.line, column, message });
    if (placement.provider_id && !providers?.ids.has(placement.provider_id) && !state.providerIds.has(placement.provider_id) && providers?.idsKnown !== false) {
      report('provider_id', `there is no provider ${placement.provider_id} in providers.csv or in the database`);
    }
    if (!placement.episode_id) continue;
    const episode = episodeAfterImport(placement.episode_id);
    if (!episode) {
      report('episode_id', `there is no episode ${placement.episode_id} in looked_after.csv or in the database`);
      continue;
    }
    if (placement.child_id && episode.child_id && placement.child_id !== episode.child_id) {
      report('child_id', `is ${placement.child_id}, but episode ${placement.episode_id} is child ${episode.child_id}'s: a placement's child must be its episode's`);
    }
    if (!episode.start_date || episode.end_date === undefined) continue;
    if (placement.start_date && placement.start_date < episode.start_date) {
      report('start_date', `${placement.start_date} is before its episode ${placement.episode_id} starts (${episode.start_date})`);
    }
    if (episode.end_date !== null && placement.end_date !== undefined) {
      if (placement.end_date === null) report('end_date', `is empty (still open), but its episode ${placement.episode_id} ended on ${episode.end_date}`);
      else if (placement.end_date > episode.end_date) report('end_date', `${placement.end_date} is after its episode ${placement.episode_id} ended (${episode.end_date})`);
    }
  }
}

/** An episode in the extract must still hold the placements the database has for it (and that the extract does not replace). */
function checkEpisodesHoldStoredPlacements(extract: ReadExtract, state: DatabaseState, problems: Problems): void {
  const file = extract.looked_after;
  if (!file) return;
  const replacedPlacements = extract.placements;
  const storedByEpisode = new Map<string, StoredPlacement[]>();
  for (const placement of state.placements) {
    const list = storedByEpisode.get(placement.episode_id) ?? [];
    list.push(placement);
    storedByEpisode.set(placement.episode_id, list);
  }
  for (const episode of file.rows) {
    if (!episode.episode_id) continue;
    const stored = storedByEpisode.get(episode.episode_id) ?? [];
    const report = (column: string, message: string) => problems.push({ file: file.fileName, line: episode.line, column, message });
    const storedEpisode = state.episodes.get(episode.episode_id);
    if (episode.child_id && storedEpisode && storedEpisode.child_id !== episode.child_id && stored.length > 0) {
      report(
        'child_id',
        `is ${episode.child_id}, but episode ${episode.episode_id} is child ${storedEpisode.child_id}'s in the database and has placements there (${stored.map((p) => p.placement_id).join(', ')}): an episode with placements cannot move to another child`,
      );
      continue;
    }
    for (const placement of stored) {
      if (replacedPlacements?.ids.has(placement.placement_id) || replacedPlacements?.idsKnown === false) continue;
      if (episode.start_date && placement.start_date < episode.start_date) {
        report('start_date', `${episode.start_date} is after placement ${placement.placement_id} (already in the database) starts (${placement.start_date})`);
      }
      if (episode.end_date) {
        if (placement.end_date === null) report('end_date', `${episode.end_date} would end the episode while placement ${placement.placement_id} (already in the database) is still open`);
        else if (placement.end_date > episode.end_date) report('end_date', `${episode.end_date} is before placement ${placement.placement_id} (already in the database) ends (${placement.end_date})`);
      }
    }
  }
}

interface PlacementSpan {
  placementId: string;
  start: string;
  end: string | null;
  /** The extract's line, or undefined for a placement already in the database. */
  line?: number;
}

function whereIs(span: PlacementSpan): string {
  return span.line === undefined ? 'already in the database' : `line ${span.line}`;
}

/**
 * One placement at a time for a child. Intervals are half-open — an end date is the first day the
 * placement no longer holds — so a move on 1 October ends one placement and starts the next on the
 * same day; a zero-length placement (end = start) holds no day and overlaps nothing, as in the database.
 */
function checkOverlappingPlacements(extract: ReadExtract, state: DatabaseState, problems: Problems): void {
  const file = extract.placements;
  if (!file) return;
  const byChild = new Map<string, PlacementSpan[]>();
  const add = (childId: string, span: PlacementSpan) => {
    if (span.end !== null && span.end <= span.start) return;
    const list = byChild.get(childId) ?? [];
    list.push(span);
    byChild.set(childId, list);
  };
  for (const row of file.rows) {
    if (row.placement_id && row.child_id && row.start_date && row.end_date !== undefined) {
      add(row.child_id, { placementId: row.placement_id, start: row.start_date, end: row.end_date, line: row.line });
    }
  }
  const placedChildren = new Set(byChild.keys());
  if (file.idsKnown) {
    for (const stored of state.placements) {
      if (file.ids.has(stored.placement_id) || !placedChildren.has(stored.child_id)) continue;
      add(stored.child_id, { placementId: stored.placement_id, start: stored.start_date, end: stored.end_date });
    }
  }
  for (const [childId, spans] of byChild) {
    spans.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    let reach: PlacementSpan | undefined;
    for (const span of spans) {
      if (reach && (reach.end === null || span.start < reach.end)) {
        if (span.line !== undefined) {
          problems.push({
            file: file.fileName,
            line: span.line,
            column: 'start_date',
            message: `${span.start} is inside placement ${reach.placementId} (${whereIs(reach)}, ${describeDates(reach.start, reach.end)}): child ${childId} can be in only one placement at a time`,
          });
        } else if (reach.line !== undefined) {
          problems.push({
            file: file.fileName,
            line: reach.line,
            column: 'end_date',
            message: `${reach.end ?? 'is empty (still open), and'} overlaps placement ${span.placementId} (${whereIs(span)}, ${describeDates(span.start, span.end)}): child ${childId} can be in only one placement at a time`,
          });
        }
      }
      if (!reach || (reach.end !== null && (span.end === null || span.end > reach.end))) reach = span;
    }
  }
}

/**
 * Every check between files and against the database.
 * @example const problems = validateExtract(extract, await repository.databaseState(tx, databaseQuestions(extract)))
 */
export function validateExtract(extract: ReadExtract, state: DatabaseState): ExtractProblem[] {
  const problems: ExtractProblem[] = [];
  checkAuthority(extract, state, problems);
  checkChildReferences(extract, state, problems);
  checkPlacements(extract, state, problems);
  checkEpisodesHoldStoredPlacements(extract, state, problems);
  checkOverlappingPlacements(extract, state, problems);
  return problems;
}

/**
 * @module The reference lists (ADR 0029): administrators add, rename, retire, restore and merge entries (each audited,
 * in one transaction); forms ask for the choices; the importer maps extract values onto the lists.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { changeOrProblems } from '../../platform/forms/changeOrProblems.js';
import type { ListChoice } from '../../platform/forms/chooseFromList.js';
import { keyedByCode, listWords, matchKey, recordedValue, tidyName, type ReferenceList } from './referenceList.js';
import type { ListedEntry, ReferenceRepository, StoredEntry } from './referenceRepository.js';

/** What an administrator typed for an entry. */
export interface EntryFields {
  name: string;
  code: string | null;
}

/** How many of the rows carrying a value the importer keeps to name (a first load's clusters are on every row). */
export const namedRowsOfAValue = 10;

/** Where an extract's value was found: how many rows carry it, and the first of them ("cases.csv line 4"). */
export interface RowsOfAValue {
  rowCount: number;
  /** At most `namedRowsOfAValue`, in the order found. */
  rows: string[];
}

/** A value the importer did not find on its list and added, with where it came from. */
export interface NewReferenceValue extends RowsOfAValue {
  list: ReferenceList;
  value: string;
}

type Change = { outcome: 'done'; name: string } | { outcome: 'not_found' } | { outcome: 'problems'; problems: FieldErrors };

/** Follow an entry's other-name links to the entry itself. */
function entryBehind(entry: StoredEntry, byId: Map<number, StoredEntry>): StoredEntry {
  let found = entry;
  for (let hops = 0; found.sameAs !== null && hops < 50; hops++) found = byId.get(found.sameAs) ?? found;
  return found;
}

/** @example const references = referenceService(db, referenceRepository(), audit) */
export function referenceService(db: Database, repository: ReferenceRepository, audit: AuditService) {
  /** The field problem when the key an entry would have is taken by another entry or another name. */
  async function clash(tx: Queryable, list: ReferenceList, fields: EntryFields, exceptId?: number): Promise<FieldErrors> {
    const keyed = keyedByCode(list) ? fields.code : fields.name;
    if (!keyed) return {};
    const holder = await repository.holding(tx, list, matchKey(keyed));
    if (!holder || holder.entryId === exceptId) return {};
    const field = keyedByCode(list) ? 'code' : 'name';
    const what = keyedByCode(list) ? `the worker ID ${holder.code ?? holder.name}` : holder.name;
    if (holder.sameAs !== null) {
      const entries = await repository.stored(tx, list);
      const behind = entryBehind(holder, new Map(entries.map((entry) => [entry.entryId, entry])));
      if (behind.entryId === exceptId) return { [field]: `${what} is already another name for this ${listWords[list].one}: merged or renamed from it before` };
      return { [field]: `${what} is already on the list as another name for ${behind.name}` };
    }
    return { [field]: `${what} is already on the list (capitals and spaces are not counted as a difference)` };
  }

  const actorOf = (user: SignedInUser) => ({ kind: 'user' as const, user });

  return {
    /** The entries of a list, each with its other names and uses, for the administrators' page. */
    async entries(list: ReferenceList): Promise<ListedEntry[]> {
      return repository.entries(db, list);
    },

    /**
     * What a form may offer from a list: every entry, retired ones marked (the kit offers them only to a record that
     * already holds them). The value is what records hold (a worker's ID, otherwise the name).
     * @example (await references.choices('school_cluster'))[0] // { value: 'Belmont', text: 'Belmont', retired: false }
     */
    async choices(list: ReferenceList): Promise<ListChoice[]> {
      const entries = await repository.entries(db, list, { countUses: false });
      return entries.map((entry) => ({
        value: recordedValue(entry),
        text: keyedByCode(list) && entry.code && entry.code !== entry.name ? `${entry.name} (${entry.code})` : entry.name,
        retired: entry.retiredOn !== null,
      }));
    },

    /** @example await references.add(admin, 'school_cluster', { name: 'Belmont', code: null }) */
    async add(user: SignedInUser, list: ReferenceList, fields: EntryFields): Promise<Change> {
      return changeOrProblems(db, async (tx) => {
        const problems = await clash(tx, list, fields);
        if (Object.keys(problems).length) return { outcome: 'problems' as const, problems };
        const entryId = await repository.add(tx, { list, name: fields.name, code: fields.code, matchKey: matchKey((keyedByCode(list) ? fields.code : fields.name) ?? fields.name) });
        await audit.record(actorOf(user), { action: 'reference.added', subject: `${listWords[list].one} ${fields.name}`, details: { list, entryId, ...fields } }, tx);
        return { outcome: 'done' as const, name: fields.name };
      });
    },

    /**
     * Rename an entry: every record holding it is given the new name, and the old one is kept as another name so the
     * next import of it lands here. (A worker keeps its worker ID unless that is changed too.)
     */
    async rename(user: SignedInUser, list: ReferenceList, entryId: number, fields: EntryFields): Promise<Change> {
      return changeOrProblems(db, async (tx) => {
        const entry = await repository.entry(tx, list, entryId);
        if (!entry || entry.sameAs !== null) return { outcome: 'not_found' as const };
        const problems = await clash(tx, list, fields, entryId);
        if (Object.keys(problems).length) return { outcome: 'problems' as const, problems };
        const newKey = matchKey((keyedByCode(list) ? fields.code : fields.name) ?? fields.name);
        let moved: Record<string, number> = {};
        if (newKey !== entry.matchKey) {
          // The old key stays, as another name of this entry; the entry takes the new one.
          await repository.rename(tx, entryId, { name: entry.name, code: entry.code, matchKey: `${entry.matchKey}#${entryId}` });
          await repository.add(tx, { list, name: recordedValue(entry), code: entry.code, matchKey: entry.matchKey, sameAs: entryId });
        }
        await repository.rename(tx, entryId, { name: fields.name, code: fields.code, matchKey: newKey });
        const before = recordedValue(entry);
        const after = recordedValue({ list, name: fields.name, code: fields.code });
        if (before !== after || newKey !== entry.matchKey) moved = await repository.moveUses(tx, list, entry.matchKey, after);
        await audit.record(actorOf(user), { action: 'reference.changed', subject: `${listWords[list].one} ${fields.name}`, details: { list, entryId, from: { name: entry.name, code: entry.code }, to: fields, moved } }, tx);
        return { outcome: 'done' as const, name: fields.name };
      });
    },

    /** Retire an entry: no longer offered, kept on every record and in every figure. */
    async retire(user: SignedInUser, list: ReferenceList, entryId: number, today: string): Promise<Change> {
      return changeOrProblems(db, async (tx) => {
        const entry = await repository.entry(tx, list, entryId);
        if (!entry || entry.sameAs !== null) return { outcome: 'not_found' as const };
        if (entry.retiredOn === null) {
          await repository.setRetired(tx, entryId, today);
          await audit.record(actorOf(user), { action: 'reference.retired', subject: `${listWords[list].one} ${entry.name}`, details: { list, entryId } }, tx);
        }
        return { outcome: 'done' as const, name: entry.name };
      });
    },

    /** Offer a retired entry again. */
    async restore(user: SignedInUser, list: ReferenceList, entryId: number): Promise<Change> {
      return changeOrProblems(db, async (tx) => {
        const entry = await repository.entry(tx, list, entryId);
        if (!entry || entry.sameAs !== null) return { outcome: 'not_found' as const };
        if (entry.retiredOn !== null) {
          await repository.setRetired(tx, entryId, null);
          await audit.record(actorOf(user), { action: 'reference.restored', subject: `${listWords[list].one} ${entry.name}`, details: { list, entryId } }, tx);
        }
        return { outcome: 'done' as const, name: entry.name };
      });
    },

    /**
     * "X is the same as Y": every record holding X (or any spelling of it) is given Y, and X becomes another name of Y,
     * all in one transaction. Figures by the list then count one entry.
     */
    async merge(user: SignedInUser, list: ReferenceList, entryId: number, intoId: number): Promise<Change> {
      return changeOrProblems(db, async (tx) => {
        const entry = await repository.entry(tx, list, entryId);
        if (!entry || entry.sameAs !== null) return { outcome: 'not_found' as const };
        const into = await repository.entry(tx, list, intoId);
        if (!into || into.sameAs !== null || into.entryId === entry.entryId) {
          return { outcome: 'problems' as const, problems: { into: `Select the ${listWords[list].one} that ${entry.name} is the same as` } };
        }
        const target = recordedValue(into);
        const moved = await repository.moveUses(tx, list, entry.matchKey, target);
        // Records holding another name of X were already moved when X took it; so were X's other names.
        await repository.makeSameAs(tx, entryId, intoId);
        await audit.record(actorOf(user), { action: 'reference.merged', subject: `${listWords[list].one} ${entry.name} is the same as ${into.name}`, details: { list, entryId, intoId, from: entry.name, into: into.name, moved } }, tx);
        return { outcome: 'done' as const, name: into.name };
      });
    },

    /**
     * Map values onto a list inside the caller's transaction (the importer's): each value, by case and spaces ignored
     * (other names followed), becomes what records hold for its entry; a value on no list is added as a new entry and
     * reported with the rows it came from.
     * @example const { recorded, added } = await references.mapValues(tx, 'team', new Map([['cf north', { rowCount: 1, rows: ['cases.csv line 2'] }]]))
     */
    async mapValues(tx: Queryable, list: ReferenceList, values: Map<string, RowsOfAValue>): Promise<{ recorded: Map<string, string>; added: NewReferenceValue[] }> {
      const stored = await repository.stored(tx, list);
      const byId = new Map(stored.map((entry) => [entry.entryId, entry]));
      const byKey = new Map(stored.map((entry) => [entry.matchKey, entry]));
      const recorded = new Map<string, string>();
      const added: NewReferenceValue[] = [];
      const addedByKey = new Map<string, { value: string; report: NewReferenceValue }>();
      // Added together in one statement: an extract may bring hundreds of new worker IDs (ADR 0033).
      const newEntries: { name: string; code: string | null; matchKey: string }[] = [];
      for (const [value, where] of values) {
        const key = matchKey(value);
        if (!key) continue;
        const found = byKey.get(key);
        if (found) {
          recorded.set(value, recordedValue(entryBehind(found, byId)));
          continue;
        }
        const already = addedByKey.get(key);
        if (already) {
          recorded.set(value, already.value);
          already.report.rowCount += where.rowCount;
          already.report.rows = [...already.report.rows, ...where.rows].slice(0, namedRowsOfAValue);
          continue;
        }
        const name = tidyName(value);
        const code = keyedByCode(list) ? value.trim() : null;
        newEntries.push({ name, code, matchKey: key });
        const report = { list, value: name, rowCount: where.rowCount, rows: where.rows.slice(0, namedRowsOfAValue) };
        const newValue = code ?? name;
        addedByKey.set(key, { value: newValue, report });
        recorded.set(value, newValue);
        added.push(report);
      }
      await repository.addMany(tx, list, newEntries);
      return { recorded, added };
    },
  };
}
export type ReferenceService = ReturnType<typeof referenceService>;

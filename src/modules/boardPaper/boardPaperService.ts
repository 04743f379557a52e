/**
 * @module Board paper editions: start one (from scratch, or from an earlier edition year on year), fill the cover sheet
 * and each section with the figures of its period live, print it, and publish it: the text, figures, PDF and Word
 * files and their SHA-256 hashes frozen in one transaction, to be downloaded byte for byte ever after (ADR 0030).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/access/user.js';
import { actorName } from '../../platform/access/user.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { printDocx } from '../../platform/documents/docx.js';
import { printPdf } from '../../platform/documents/pdf.js';
import type { AuditService } from '../audit/auditService.js';
import type { ComputedFigures, FiguresService } from '../reporting/figuresService.js';
import { keptWhileUnchanged } from '../../db/keptWhileUnchanged.js';
import type { StatsOptions } from '../reporting/statsTypes.js';
import type { CoverSheet } from '../boardReport/boardReport.js';
import { reportFileName } from '../boardReport/boardReportService.js';
import { blockChoices, paperContent, type BlockChoice, type Edition, type PaperContent, type Quote } from './boardPaper.js';
import { paperDocument } from './paperDocument.js';
import { paperSections } from './paperSections.js';
import type { BoardPaperRepository, StoredFile } from './boardPaperRepository.js';
import { allPlaceableTables, type PlaceableTable, type PlaceableTableSource } from './placeableTables.js';

export const paperFormats = ['pdf', 'docx'] as const;
export type PaperFormat = (typeof paperFormats)[number];
const contentTypes: Record<PaperFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** What a draft paper is made from for its period. */
interface PaperInputs {
  computed: ComputedFigures;
  quotes: Quote[];
  placeable: PlaceableTable[];
}

/** Thrown when the edition asked for does not exist. */
export class NoSuchEditionError extends Error {}

/** A paper ready to send: its bytes, their hash and how to name and serve them. */
export interface PaperFile {
  bytes: Buffer;
  sha256: string;
  contentType: string;
  fileName: string;
}

/** How a new edition begins: from scratch, or from an earlier edition (its text, blocks and cover copied). */
export interface StartEdition {
  from: number | null;
  options: StatsOptions;
}

/** Who did it, as the list of editions names them: a person by name, a command as itself. */
const whoOf = (actor: Actor): string => (actor.kind === 'user' ? actor.user.displayName : actorName(actor));

export const sha256Of = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** The cover sheet of an edition started from scratch: enough to read and correct. */
export const blankCover = (today: string): CoverSheet => ({
  meeting: 'Integration Joint Board',
  heldOn: today,
  agendaItem: 'To be confirmed',
  title: 'Children’s Health, Care and Justice Services',
  summary: 'To inform the board of the balance of care and of the outcomes of children’s services.',
  author: 'To be confirmed',
  recommendations: 'It is recommended that the board notes the contents of this report.',
  directions: ['none'],
  implications: [],
});

/**
 * `sources` are the modules offering tables beyond the indicator figures (the quality report, the short-break flat).
 * @example const papers = boardPaperService(db, boardPaperRepository(), figures, audit, [qualityTables, shortBreakTables])
 */
export function boardPaperService(db: Database, repository: BoardPaperRepository, figures: FiguresService, audit: AuditService, sources: readonly PlaceableTableSource[] = [], today: () => string = todayIso) {
  async function edition(number: number): Promise<Edition | undefined> {
    return repository.find(db, number);
  }

  /**
   * What a draft is made from for a period: its figures, the families' words it may quote and other modules' tables.
   * Kept while no record under them changes (ADR 0055), as the paper's pages are opened one after another.
   */
  const kept = keptWhileUnchanged<PaperInputs>(8);
  const inputsFor = (options: StatsOptions): Promise<PaperInputs> =>
    kept.get(db, JSON.stringify([options, today()]), async () => {
      const [computed, quotes, placeable] = await Promise.all([figures.compute(options), repository.consentedQuotes(db), allPlaceableTables(sources, options)]);
      return { computed, quotes, placeable };
    });

  /** The paper as it stands, with its figures for the edition's period as the records are now. */
  async function liveContent(found: Edition): Promise<PaperContent> {
    const { computed, quotes, placeable } = await inputsFor(found.options);
    return paperContent(found, { authority: computed.authority ?? 'the authority', tables: computed.tables, rows: computed.rows }, quotes, placeable);
  }

  async function print(content: PaperContent, format: PaperFormat): Promise<Buffer> {
    const document = await paperDocument(content);
    return format === 'pdf' ? printPdf(document) : printDocx(document);
  }

  const asFile = (edition: Edition, format: PaperFormat, stored: StoredFile | { bytes: Buffer; sha256: string }): PaperFile => ({
    bytes: stored.bytes,
    sha256: stored.sha256,
    contentType: contentTypes[format],
    fileName: reportFileName(edition.cover, format).replace(/\.(pdf|docx)$/, `-edition-${edition.number}${edition.status === 'draft' ? '-draft' : ''}.$1`),
  });

  return {
    /** Every edition, newest first. */
    list: () => repository.list(db),
    edition,
    latestDraft: () => repository.latestDraft(db),

    /**
     * Start an edition; returns its number.
     * @example const number = await papers.start(actor, { from: 1, options: { years: { first: 2017, last: 2022 } } })
     */
    async start(actor: Actor, start: StartEdition): Promise<number> {
      const previous = start.from === null ? undefined : await repository.find(db, start.from);
      if (start.from !== null && !previous) throw new Error(`There is no edition ${start.from} to start from`);
      const by = whoOf(actor);
      return db.transaction(async (tx) => {
        const number = await repository.insert(tx, { editionId: newRecordId('BPE'), startedFrom: previous?.editionId ?? null, options: start.options, cover: previous?.cover ?? blankCover(today()), by });
        const sections = previous?.sections ?? paperSections.map((section) => ({ key: section.key, body: '', blocks: [...section.defaultBlocks] }));
        for (const section of sections) await repository.saveSection(tx, number, section, by);
        await audit.record(actor, { action: 'board_paper.started', subject: `board paper edition ${number}`, details: { from: start.from, options: start.options } }, tx);
        return number;
      });
    },

    /** Change a draft's cover sheet and period. Throws EditionFrozenError on a published edition. */
    async saveCover(actor: Actor, number: number, cover: CoverSheet, options: StatsOptions): Promise<void> {
      await db.transaction(async (tx) => {
        await repository.updateCover(tx, number, cover, options, whoOf(actor));
        await audit.record(actor, { action: 'board_paper.changed', subject: `board paper edition ${number}`, details: { part: 'cover' } }, tx);
      });
    },

    /** Change one section of a draft: its text and the blocks placed in it. Throws EditionFrozenError on a published edition. */
    async saveSection(actor: Actor, number: number, section: { key: string; body: string; blocks: string[] }): Promise<void> {
      await db.transaction(async (tx) => {
        await repository.saveSection(tx, number, section, whoOf(actor));
        await audit.record(actor, { action: 'board_paper.changed', subject: `board paper edition ${number}`, details: { part: section.key } }, tx);
      });
    },

    /** What blocks may be placed, for the edition's period (tables the period lacks are marked). */
    async blockChoices(found: Edition): Promise<BlockChoice[]> {
      const { computed, quotes, placeable } = await inputsFor(found.options);
      return blockChoices(computed.authority ?? 'the authority', computed.tables, quotes, placeable);
    },

    /** The paper's content: live for a draft, frozen for a published edition. */
    async content(found: Edition): Promise<PaperContent> {
      if (found.status === 'published') return (await repository.frozenContent(db, found.number))!;
      return liveContent(found);
    },

    /**
     * The paper as a file: printed afresh for a draft, the very bytes kept for a published edition.
     * @example const { bytes, fileName } = await papers.file(edition, 'pdf')
     */
    async file(found: Edition, format: PaperFormat): Promise<PaperFile> {
      if (found.status === 'published') {
        const stored = await repository.file(db, found.number, format);
        if (!stored) throw new Error(`Edition ${found.number} has no ${format} file`);
        return asFile(found, format, stored);
      }
      const bytes = await print(await liveContent(found), format);
      return asFile(found, format, { bytes, sha256: sha256Of(bytes) });
    },

    /**
     * The file of edition `which` (a number, or 'draft' for the latest draft), as `cairn report board --edition` writes it.
     * @example const { bytes } = await papers.fileOf('draft', 'pdf')
     */
    async fileOf(which: number | 'draft', format: PaperFormat): Promise<PaperFile & { edition: Edition }> {
      const number = which === 'draft' ? await repository.latestDraft(db) : which;
      const found = number === undefined ? undefined : await repository.find(db, number);
      if (!found) throw new NoSuchEditionError(which === 'draft' ? 'There is no draft edition of the board paper: start one at /board-papers' : `There is no edition ${which} of the board paper`);
      return { ...(await this.file(found, format)), edition: found };
    },

    /**
     * Publish a draft: its content and files frozen with their hashes. Throws EditionFrozenError if already published.
     * @example await papers.publish(actor, 3)
     */
    async publish(actor: Actor, number: number): Promise<void> {
      const found = await repository.find(db, number);
      if (!found) throw new Error(`There is no edition ${number}`);
      const content = await liveContent(found);
      const files = await Promise.all(paperFormats.map(async (format) => {
        const bytes = await print(content, format);
        return { format, bytes, sha256: sha256Of(bytes) };
      }));
      const frozen = JSON.stringify(content);
      const contentSha256 = sha256Of(frozen);
      await db.transaction(async (tx) => {
        await repository.publish(tx, number, { content: frozen, contentSha256, files, by: whoOf(actor) });
        await audit.record(actor, { action: 'board_paper.published', subject: `board paper edition ${number}`, details: { contentSha256, files: Object.fromEntries(files.map((file) => [file.format, file.sha256])) } }, tx);
      });
    },
  };
}
export type BoardPaperService = ReturnType<typeof boardPaperService>;

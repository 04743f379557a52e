/**
 * @module SQL for board paper editions. Only drafts are ever written: every statement that changes an edition, its
 * sections or its files says `status = 'draft'`, and the database's triggers refuse the rest (migration 0040).
 */
import type { Queryable } from '../../db/database.js';
import type { CoverSheet } from '../boardReport/boardReport.js';
import type { StatsOptions } from '../reporting/statsTypes.js';
import type { Edition, EditionSection, EditionStatus, PaperContent, Quote } from './boardPaper.js';

/** A printed file of a published edition. */
export interface StoredFile {
  format: string;
  bytes: Buffer;
  sha256: string;
}

/** Thrown when a change is asked of an edition that is published (or gone). */
export class EditionFrozenError extends Error {
  constructor(number: number) {
    super(`Edition ${number} is published: it cannot be changed. Start a new edition from it instead.`);
  }
}

interface EditionRow {
  edition_id: string;
  edition_number: number;
  started_from: number | null;
  figure_options: StatsOptions;
  cover: CoverSheet;
  status: EditionStatus;
  started_by: string;
  started_at: Date;
  changed_by: string;
  changed_at: Date;
  published_by: string | null;
  published_at: Date | null;
  content_sha256: string | null;
}

const editionColumns = `e.edition_id, e.edition_number, f.edition_number as started_from, e.figure_options, e.cover, e.status,
  e.started_by, e.started_at, e.changed_by, e.changed_at, e.published_by, e.published_at, e.content_sha256`;

const asEdition = (row: EditionRow, sections: EditionSection[]): Edition => ({
  editionId: row.edition_id,
  number: Number(row.edition_number),
  startedFrom: row.started_from === null ? null : Number(row.started_from),
  options: row.figure_options,
  cover: row.cover,
  status: row.status,
  startedBy: row.started_by,
  startedAt: new Date(row.started_at),
  changedBy: row.changed_by,
  changedAt: new Date(row.changed_at),
  publishedBy: row.published_by,
  publishedAt: row.published_at ? new Date(row.published_at) : null,
  contentSha256: row.content_sha256,
  sections,
});

export function boardPaperRepository() {
  return {
    /** Every edition, newest first, without sections. */
    async list(db: Queryable): Promise<Edition[]> {
      const rows = await db.query<EditionRow>(
        `select ${editionColumns} from board_paper_editions e left join board_paper_editions f on f.edition_id = e.started_from order by e.edition_number desc`,
      );
      return rows.map((row) => asEdition(row, []));
    },

    /** One edition by number, with its sections; `lock` holds it until the transaction ends. */
    async find(db: Queryable, number: number, options: { lock?: boolean } = {}): Promise<Edition | undefined> {
      const [row] = await db.query<EditionRow>(
        `select ${editionColumns} from board_paper_editions e left join board_paper_editions f on f.edition_id = e.started_from
          where e.edition_number = $1${options.lock ? ' for update of e' : ''}`,
        [number],
      );
      if (!row) return undefined;
      const sections = await db.query<{ section_key: string; body: string; blocks: string[] }>(
        `select section_key, body, blocks from board_paper_sections where edition_id = $1 order by section_key`,
        [row.edition_id],
      );
      return asEdition(row, sections.map((section) => ({ key: section.section_key, body: section.body, blocks: section.blocks })));
    },

    /** The latest draft's number, if any. */
    async latestDraft(db: Queryable): Promise<number | undefined> {
      const [row] = await db.query<{ edition_number: number }>(`select edition_number from board_paper_editions where status = 'draft' order by edition_number desc limit 1`);
      return row ? Number(row.edition_number) : undefined;
    },

    /** A new draft numbered after every other (under a lock, so two started at once get different numbers). */
    async insert(db: Queryable, edition: { editionId: string; startedFrom: string | null; options: StatsOptions; cover: CoverSheet; by: string }): Promise<number> {
      await db.query(`lock table board_paper_editions in share row exclusive mode`);
      const [row] = await db.query<{ edition_number: number }>(
        `insert into board_paper_editions (edition_id, edition_number, started_from, figure_options, cover, started_by, changed_by)
         select $1, coalesce(max(edition_number), 0) + 1, $2, $3::jsonb, $4::jsonb, $5, $5 from board_paper_editions
         returning edition_number`,
        [edition.editionId, edition.startedFrom, JSON.stringify(edition.options), JSON.stringify(edition.cover), edition.by],
      );
      return Number(row!.edition_number);
    },

    /** Write a draft's cover sheet and period. */
    async updateCover(db: Queryable, number: number, cover: CoverSheet, options: StatsOptions, by: string): Promise<void> {
      const rows = await db.query(
        `update board_paper_editions set cover = $2::jsonb, figure_options = $3::jsonb, changed_by = $4, changed_at = now()
          where edition_number = $1 and status = 'draft' returning edition_id`,
        [number, JSON.stringify(cover), JSON.stringify(options), by],
      );
      if (rows.length === 0) throw new EditionFrozenError(number);
    },

    /** Write one section of a draft. */
    async saveSection(db: Queryable, number: number, section: EditionSection, by: string): Promise<void> {
      const rows = await db.query<{ edition_id: string }>(
        `update board_paper_editions set changed_by = $2, changed_at = now() where edition_number = $1 and status = 'draft' returning edition_id`,
        [number, by],
      );
      if (rows.length === 0) throw new EditionFrozenError(number);
      await db.query(
        `insert into board_paper_sections (edition_id, section_key, body, blocks) values ($1, $2, $3, $4::jsonb)
         on conflict (edition_id, section_key) do update set body = excluded.body, blocks = excluded.blocks`,
        [rows[0]!.edition_id, section.key, section.body, JSON.stringify(section.blocks)],
      );
    },

    /** Freeze a draft: its files, its content (JSON text, as hashed) and its hash, in the caller's transaction. */
    async publish(db: Queryable, number: number, frozen: { content: string; contentSha256: string; files: StoredFile[]; by: string }): Promise<void> {
      const [row] = await db.query<{ edition_id: string }>(`select edition_id from board_paper_editions where edition_number = $1 and status = 'draft' for update`, [number]);
      if (!row) throw new EditionFrozenError(number);
      for (const file of frozen.files) {
        await db.query(`insert into board_paper_files (edition_id, format, bytes, sha256) values ($1, $2, decode($3, 'base64'), $4)`, [row.edition_id, file.format, file.bytes.toString('base64'), file.sha256]);
      }
      await db.query(
        `update board_paper_editions set status = 'published', frozen_content = $2, content_sha256 = $3, published_by = $4, published_at = now()
          where edition_id = $1 and status = 'draft'`,
        [row.edition_id, frozen.content, frozen.contentSha256, frozen.by],
      );
    },

    /** A published edition's frozen content, as stored. */
    async frozenContent(db: Queryable, number: number): Promise<PaperContent | undefined> {
      const [row] = await db.query<{ frozen_content: string | null }>(`select frozen_content from board_paper_editions where edition_number = $1`, [number]);
      return row?.frozen_content ? (JSON.parse(row.frozen_content) as PaperContent) : undefined;
    },

    /** A published edition's file, byte for byte. */
    async file(db: Queryable, number: number, format: string): Promise<StoredFile | undefined> {
      const [row] = await db.query<{ bytes: string; sha256: string }>(
        `select encode(f.bytes, 'base64') as bytes, f.sha256 from board_paper_files f join board_paper_editions e using (edition_id)
          where e.edition_number = $1 and f.format = $2`,
        [number, format],
      );
      return row ? { format, bytes: Buffer.from(row.bytes, 'base64'), sha256: row.sha256 } : undefined;
    },

    /** The families' words given with consent to quote, newest first (never who said them). */
    async consentedQuotes(db: Queryable): Promise<Quote[]> {
      const rows = await db.query<{ feedback_id: string; words: string; given_date: string }>(
        `select feedback_id, words, given_date::text as given_date from family_first_feedback where consent_to_quote order by given_date desc, feedback_id`,
      );
      return rows.map((row) => ({ feedbackId: row.feedback_id, words: row.words, givenDate: row.given_date }));
    },
  };
}
export type BoardPaperRepository = ReturnType<typeof boardPaperRepository>;

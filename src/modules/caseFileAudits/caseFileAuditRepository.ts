/** @module SQL for case file audits: rubrics and their versions, rounds, sampled files, allocation, reviews and grades. */
import type { Queryable } from '../../db/database.js';
import type { AuditFile, AuditRound, Grade, Review, ReviewPart, Rubric, RubricQuestion, Scale } from './caseFileAudit.js';
import { noTeam } from './caseFileAudit.js';
import type { GradeRow } from './auditResults.js';

const childName = (forename: string | null, surname: string | null) => [forename, surname].filter(Boolean).join(' ') || 'Name not recorded';

type RoundRow = {
  round_id: number; name: string; rubric_id: number; rubric_name: string; rubric_version: number; period_start: string; period_end: string;
  sample_size: number; stratified: boolean; seed: number; open_cases: number; files_drawn: number; files_graded: number;
};
const toRound = (r: RoundRow): AuditRound => ({
  roundId: r.round_id, name: r.name, rubricId: r.rubric_id, rubricName: r.rubric_name, rubricVersion: r.rubric_version, periodStart: r.period_start,
  periodEnd: r.period_end, sampleSize: r.sample_size, stratified: r.stratified, seed: r.seed, openCases: r.open_cases, filesDrawn: r.files_drawn, filesGraded: r.files_graded,
});
const roundColumns = `r.round_id, r.name, r.rubric_id, b.name as rubric_name, b.version as rubric_version, r.period_start, r.period_end,
  r.sample_size, r.stratified, r.seed, r.open_cases,
  (select count(*)::int from case_file_audit_files f where f.round_id = r.round_id) as files_drawn,
  (select count(*)::int from case_file_audit_files f join case_file_audit_reviews v on v.file_id = f.file_id and v.part = 'audit' where f.round_id = r.round_id) as files_graded`;

type FileRow = {
  file_id: number; round_id: number; case_id: string; child_id: string; forename: string | null; surname: string | null; team: string; draw_order: number;
  auditor_id: string | null; auditor_name: string | null; moderator_id: string | null; moderator_name: string | null; graded: boolean; moderated: boolean;
};
const toFile = (r: FileRow): AuditFile => ({
  fileId: r.file_id, roundId: r.round_id, caseId: r.case_id, childId: r.child_id, childName: childName(r.forename, r.surname), team: r.team, drawOrder: r.draw_order,
  auditorId: r.auditor_id, auditorName: r.auditor_name, moderatorId: r.moderator_id, moderatorName: r.moderator_name, graded: r.graded, moderated: r.moderated,
});
const fileSelect = `select f.file_id, f.round_id, f.case_id, k.child_id, c.forename, c.surname, f.team, f.draw_order,
    f.auditor_id, a.display_name as auditor_name, f.moderator_id, m.display_name as moderator_name,
    exists (select 1 from case_file_audit_reviews v where v.file_id = f.file_id and v.part = 'audit') as graded,
    exists (select 1 from case_file_audit_reviews v where v.file_id = f.file_id and v.part = 'moderation') as moderated
  from case_file_audit_files f
  join cases k on k.case_id = f.case_id
  join children c on c.child_id = k.child_id
  left join users a on a.user_id = f.auditor_id
  left join users m on m.user_id = f.moderator_id`;

export interface FileCase {
  caseId: string;
  openedDate: string;
  closedDate: string | null;
  workerId: string | null;
  dateOfBirth: string;
}

export function caseFileAuditRepository() {
  return {
    async rubrics(db: Queryable): Promise<Rubric[]> {
      const rows = await db.query<{ rubric_id: number; name: string; version: number; question_key: string | null; question_text: string | null; guidance: string | null; scale: Scale | null }>(
        `select r.rubric_id, r.name, r.version, q.question_key, q.question_text, q.guidance, q.scale
           from case_file_audit_rubrics r left join case_file_audit_questions q on q.rubric_id = r.rubric_id
          order by r.name, r.version, q.position`);
      const byId = new Map<number, Rubric>();
      for (const row of rows) {
        let rubric = byId.get(row.rubric_id);
        if (!rubric) byId.set(row.rubric_id, (rubric = { rubricId: row.rubric_id, name: row.name, version: row.version, questions: [] }));
        if (row.question_key) rubric.questions.push({ key: row.question_key, text: row.question_text!, guidance: row.guidance ?? '', scale: row.scale! });
      }
      return [...byId.values()];
    },

    /** The rubric's latest version number under this name (0 when there is none); locks nothing. */
    async latestVersion(db: Queryable, name: string): Promise<number> {
      const rows = await db.query<{ version: number | null }>('select max(version) as version from case_file_audit_rubrics where lower(name) = lower($1)', [name]);
      return rows[0]?.version ?? 0;
    },

    async insertRubric(db: Queryable, rubric: { name: string; version: number; questions: RubricQuestion[]; createdBy: string | null }): Promise<number> {
      const rows = await db.query<{ rubric_id: number }>(
        'insert into case_file_audit_rubrics (name, version, created_by) values ($1, $2, $3) returning rubric_id', [rubric.name, rubric.version, rubric.createdBy]);
      const rubricId = rows[0]!.rubric_id;
      let position = 0;
      for (const q of rubric.questions) {
        position += 1;
        await db.query(
          'insert into case_file_audit_questions (rubric_id, question_key, position, question_text, guidance, scale) values ($1, $2, $3, $4, $5, $6)',
          [rubricId, q.key, position, q.text, q.guidance, q.scale]);
      }
      return rubricId;
    },

    /** Cases open at some time in the period: opened on or before its end and not closed before its start. */
    async openCases(db: Queryable, periodStart: string, periodEnd: string): Promise<{ caseId: string; team: string }[]> {
      const rows = await db.query<{ case_id: string; team: string }>(
        `select case_id, coalesce(nullif(btrim(team), ''), $3) as team from cases
          where opened_date <= $2::date and (closed_date is null or closed_date >= $1::date)
          order by case_id`, [periodStart, periodEnd, noTeam]);
      return rows.map((r) => ({ caseId: r.case_id, team: r.team }));
    },

    async insertRound(db: Queryable, round: { name: string; rubricId: number; periodStart: string; periodEnd: string; sampleSize: number; stratified: boolean; seed: number; openCases: number; createdBy: string }): Promise<number> {
      const rows = await db.query<{ round_id: number }>(
        `insert into case_file_audit_rounds (name, rubric_id, period_start, period_end, sample_size, stratified, seed, open_cases, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning round_id`,
        [round.name, round.rubricId, round.periodStart, round.periodEnd, round.sampleSize, round.stratified, round.seed, round.openCases, round.createdBy]);
      return rows[0]!.round_id;
    },

    async insertFile(db: Queryable, file: { roundId: number; caseId: string; team: string; drawOrder: number }): Promise<void> {
      await db.query('insert into case_file_audit_files (round_id, case_id, team, draw_order) values ($1, $2, $3, $4)',
        [file.roundId, file.caseId, file.team, file.drawOrder]);
    },

    async rounds(db: Queryable): Promise<AuditRound[]> {
      const rows = await db.query<RoundRow>(`select ${roundColumns} from case_file_audit_rounds r join case_file_audit_rubrics b on b.rubric_id = r.rubric_id order by r.period_end desc, r.round_id desc`);
      return rows.map(toRound);
    },

    async round(db: Queryable, roundId: number): Promise<AuditRound | undefined> {
      const rows = await db.query<RoundRow>(`select ${roundColumns} from case_file_audit_rounds r join case_file_audit_rubrics b on b.rubric_id = r.rubric_id where r.round_id = $1`, [roundId]);
      return rows[0] && toRound(rows[0]);
    },

    async files(db: Queryable, roundId: number): Promise<AuditFile[]> {
      return (await db.query<FileRow>(`${fileSelect} where f.round_id = $1 order by f.draw_order`, [roundId])).map(toFile);
    },

    async file(db: Queryable, fileId: number): Promise<AuditFile | undefined> {
      const rows = await db.query<FileRow>(`${fileSelect} where f.file_id = $1`, [fileId]);
      return rows[0] && toFile(rows[0]);
    },

    /** Files allocated to this person to grade or to moderate, in rounds newest first. */
    async filesFor(db: Queryable, userId: string): Promise<AuditFile[]> {
      const rows = await db.query<FileRow>(
        `${fileSelect} join case_file_audit_rounds r on r.round_id = f.round_id
          where f.auditor_id = $1 or f.moderator_id = $1 order by r.period_end desc, r.round_id desc, f.draw_order`, [userId]);
      return rows.map(toFile);
    },

    async fileCase(db: Queryable, caseId: string): Promise<FileCase | undefined> {
      const rows = await db.query<{ case_id: string; opened_date: string; closed_date: string | null; worker_id: string | null; date_of_birth: string }>(
        `select k.case_id, k.opened_date, k.closed_date, k.worker_id, c.date_of_birth from cases k join children c on c.child_id = k.child_id where k.case_id = $1`, [caseId]);
      const r = rows[0];
      return r && { caseId: r.case_id, openedDate: r.opened_date, closedDate: r.closed_date, workerId: r.worker_id, dateOfBirth: r.date_of_birth };
    },

    /** Who may audit: people holding one of `auditorRoles` with an account in use. */
    async eligibleAuditors(db: Queryable, auditorRoles: readonly string[]): Promise<{ userId: string; name: string; team: string | null }[]> {
      const rows = await db.query<{ user_id: string; display_name: string; team: string | null }>(
        `select user_id, display_name, team from users where role = any($1::text[]) and not disabled order by display_name, user_id`, [auditorRoles]);
      return rows.map((r) => ({ userId: r.user_id, name: r.display_name, team: r.team }));
    },

    async setAuditor(db: Queryable, fileId: number, userId: string): Promise<void> {
      await db.query('update case_file_audit_files set auditor_id = $2 where file_id = $1', [fileId, userId]);
    },

    async setModerator(db: Queryable, fileId: number, userId: string | null): Promise<void> {
      await db.query('update case_file_audit_files set moderator_id = $2 where file_id = $1', [fileId, userId]);
    },

    async review(db: Queryable, fileId: number, part: ReviewPart): Promise<Review | undefined> {
      const reviews = await db.query<{ strengths: string; actions: string; version: number }>('select strengths, actions, version from case_file_audit_reviews where file_id = $1 and part = $2', [fileId, part]);
      if (!reviews[0]) return undefined;
      const rows = await db.query<{ question_key: string; grade: Grade }>('select question_key, grade from case_file_audit_grades where file_id = $1 and part = $2', [fileId, part]);
      return { fileId, part, grades: Object.fromEntries(rows.map((r) => [r.question_key, r.grade])), strengths: reviews[0].strengths, actions: reviews[0].actions, version: reviews[0].version };
    },

    /**
     * Write a review (replacing an earlier one by the same part) with its grades, if it is still at `version`
     * (0: not saved yet); false when someone saved it first.
     */
    async saveReview(db: Queryable, review: Review, reviewerId: string, version: number): Promise<boolean> {
      const saved = version === 0
        ? await db.query<{ version: number }>(
          `insert into case_file_audit_reviews (file_id, part, reviewer_id, strengths, actions) values ($1, $2, $3, $4, $5)
           on conflict (file_id, part) do nothing returning version`,
          [review.fileId, review.part, reviewerId, review.strengths, review.actions])
        : await db.query<{ version: number }>(
          `update case_file_audit_reviews set reviewer_id = $3, strengths = $4, actions = $5, graded_at = now(), version = version + 1
            where file_id = $1 and part = $2 and version = $6 returning version`,
          [review.fileId, review.part, reviewerId, review.strengths, review.actions, version]);
      if (!saved[0]) return false;
      await db.query('delete from case_file_audit_grades where file_id = $1 and part = $2', [review.fileId, review.part]);
      for (const [questionKey, grade] of Object.entries(review.grades)) {
        await db.query('insert into case_file_audit_grades (file_id, part, question_key, grade) values ($1, $2, $3, $4)', [review.fileId, review.part, questionKey, grade]);
      }
      return true;
    },

    /** The allocated auditors' grades in a round, with each file's team. */
    async gradeRows(db: Queryable, roundId: number): Promise<GradeRow[]> {
      const rows = await db.query<{ file_id: number; team: string; question_key: string; grade: Grade }>(
        `select f.file_id, f.team, g.question_key, g.grade from case_file_audit_grades g join case_file_audit_files f on f.file_id = g.file_id
          where f.round_id = $1 and g.part = 'audit' order by f.draw_order, g.question_key`, [roundId]);
      return rows.map((r) => ({ fileId: r.file_id, team: r.team, questionKey: r.question_key, grade: r.grade }));
    },

    /** Each moderated question: the first auditor's grade and the moderator's. */
    async moderatedPairs(db: Queryable, roundId: number): Promise<{ fileId: number; audit: Grade; moderation: Grade }[]> {
      const rows = await db.query<{ file_id: number; audit: Grade; moderation: Grade }>(
        `select f.file_id, a.grade as audit, m.grade as moderation
           from case_file_audit_files f
           join case_file_audit_grades a on a.file_id = f.file_id and a.part = 'audit'
           join case_file_audit_grades m on m.file_id = f.file_id and m.part = 'moderation' and m.question_key = a.question_key
          where f.round_id = $1 order by f.draw_order, a.question_key`, [roundId]);
      return rows.map((r) => ({ fileId: r.file_id, audit: r.audit, moderation: r.moderation }));
    },
  };
}
export type CaseFileAuditRepository = ReturnType<typeof caseFileAuditRepository>;

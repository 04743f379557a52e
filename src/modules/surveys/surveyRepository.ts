/** @module SQL for surveys: questionnaires and their questions, waves, single-use links (hashes only), responses and tallies. */
import type { Queryable } from '../../db/database.js';
import type { Audience, NewQuestion, NewSurvey, Question, QuestionKind, Wave } from './survey.js';
import type { QuestionTally } from './waveComparison.js';

interface QuestionRow {
  question_id: number; position: number; kind: QuestionKind; question_text: string; hint: string;
  scale: string[] | null; asks_personal_data: boolean; required: boolean;
}
const toQuestion = (r: QuestionRow): Question => ({
  questionId: r.question_id, position: r.position, kind: r.kind, text: r.question_text, hint: r.hint,
  scale: r.scale ?? [], asksPersonalData: r.asks_personal_data, required: r.required,
});

interface WaveRow { wave_id: number; survey_id: number; name: string; opens_on: string; closed_on: string | null; links_issued: number; respondents: number }
const toWave = (r: WaveRow): Wave => ({
  waveId: r.wave_id, surveyId: r.survey_id, name: r.name, opensOn: r.opens_on, closedOn: r.closed_on, linksIssued: r.links_issued, respondents: r.respondents,
});
const waveColumns = `w.wave_id, w.survey_id, w.name, w.opens_on, w.closed_on,
  (select count(*)::int from survey_links l where l.wave_id = w.wave_id) as links_issued,
  (select count(*)::int from survey_responses r where r.wave_id = w.wave_id) as respondents`;

export interface SurveyRow { surveyId: number; title: string; audience: Audience; intro: string }

/** The link a token's hash names, with its wave's state. */
export interface LinkState { linkId: number; waveId: number; used: boolean; waveOpen: boolean }

export function surveyRepository() {
  return {
    async insertSurvey(db: Queryable, survey: NewSurvey, createdBy: string): Promise<number> {
      const rows = await db.query<{ survey_id: number }>(
        'insert into surveys (title, audience, intro, created_by) values ($1, $2, $3, $4) returning survey_id',
        [survey.title, survey.audience, survey.intro, createdBy]);
      return rows[0]!.survey_id;
    },

    /** Whether another survey (not `exceptSurveyId`) already has this title, ignoring case. */
    async titleTaken(db: Queryable, title: string, exceptSurveyId = 0): Promise<boolean> {
      return (await db.query('select 1 from surveys where lower(title) = lower($1) and survey_id <> $2', [title, exceptSurveyId])).length > 0;
    },

    async updateSurvey(db: Queryable, surveyId: number, survey: NewSurvey): Promise<void> {
      await db.query('update surveys set title = $2, audience = $3, intro = $4 where survey_id = $1', [surveyId, survey.title, survey.audience, survey.intro]);
    },

    async surveys(db: Queryable): Promise<SurveyRow[]> {
      const rows = await db.query<{ survey_id: number; title: string; audience: Audience; intro: string }>(
        'select survey_id, title, audience, intro from surveys order by created_at desc, survey_id desc');
      return rows.map((r) => ({ surveyId: r.survey_id, title: r.title, audience: r.audience, intro: r.intro }));
    },

    /** The survey, locked against concurrent change when `lock` (question edits and opening a wave take this lock). */
    async survey(db: Queryable, surveyId: number, lock = false): Promise<SurveyRow | undefined> {
      const rows = await db.query<{ survey_id: number; title: string; audience: Audience; intro: string }>(
        `select survey_id, title, audience, intro from surveys where survey_id = $1${lock ? ' for update' : ''}`, [surveyId]);
      const r = rows[0];
      return r && { surveyId: r.survey_id, title: r.title, audience: r.audience, intro: r.intro };
    },

    async questions(db: Queryable, surveyId: number): Promise<Question[]> {
      const rows = await db.query<QuestionRow>(
        `select question_id, position, kind, question_text, hint, scale, asks_personal_data, required
           from survey_questions where survey_id = $1 order by position`, [surveyId]);
      return rows.map(toQuestion);
    },

    async insertQuestion(db: Queryable, surveyId: number, question: NewQuestion): Promise<number> {
      const rows = await db.query<{ question_id: number }>(
        `insert into survey_questions (survey_id, position, kind, question_text, hint, scale, asks_personal_data, required)
         values ($1, (select coalesce(max(position), 0) + 1 from survey_questions where survey_id = $1), $2, $3, $4, $5::text[], $6, $7)
         returning question_id`,
        [surveyId, question.kind, question.text, question.hint, question.kind === 'likert' ? question.scale : null, question.asksPersonalData, question.required]);
      return rows[0]!.question_id;
    },

    /** Change a question's words and answers in place, keeping its position; false when it is not in the survey. */
    async updateQuestion(db: Queryable, surveyId: number, questionId: number, question: NewQuestion): Promise<boolean> {
      const rows = await db.query(
        `update survey_questions set kind = $3, question_text = $4, hint = $5, scale = $6::text[], asks_personal_data = $7, required = $8
          where survey_id = $1 and question_id = $2 returning question_id`,
        [surveyId, questionId, question.kind, question.text, question.hint, question.kind === 'likert' ? question.scale : null, question.asksPersonalData, question.required]);
      return rows.length === 1;
    },

    /** Remove a question and close the gap in the order. */
    async deleteQuestion(db: Queryable, surveyId: number, questionId: number): Promise<boolean> {
      const rows = await db.query<{ position: number }>('delete from survey_questions where survey_id = $1 and question_id = $2 returning position', [surveyId, questionId]);
      if (!rows[0]) return false;
      await db.query('update survey_questions set position = position - 1 where survey_id = $1 and position > $2', [surveyId, rows[0].position]);
      return true;
    },

    /** Swap a question with the one before it; false when it is already first or not in the survey. */
    async moveQuestionUp(db: Queryable, surveyId: number, questionId: number): Promise<boolean> {
      const rows = await db.query<{ question_id: number }>(
        `update survey_questions q set position = case when q.question_id = $2 then q.position - 1 else q.position + 1 end
           from survey_questions moving
          where moving.survey_id = $1 and moving.question_id = $2 and moving.position > 1
            and q.survey_id = $1 and q.position in (moving.position, moving.position - 1)
         returning q.question_id`, [surveyId, questionId]);
      return rows.length === 2;
    },

    async waves(db: Queryable, surveyId?: number): Promise<Wave[]> {
      const rows = await db.query<WaveRow>(
        `select ${waveColumns} from survey_waves w ${surveyId === undefined ? '' : 'where w.survey_id = $1'} order by w.opens_on, w.wave_id`,
        surveyId === undefined ? [] : [surveyId]);
      return rows.map(toWave);
    },

    async wave(db: Queryable, waveId: number): Promise<Wave | undefined> {
      const rows = await db.query<WaveRow>(`select ${waveColumns} from survey_waves w where w.wave_id = $1`, [waveId]);
      return rows[0] && toWave(rows[0]);
    },

    async insertWave(db: Queryable, wave: { surveyId: number; name: string; opensOn: string; openedBy: string }): Promise<number> {
      const rows = await db.query<{ wave_id: number }>(
        'insert into survey_waves (survey_id, name, opens_on, opened_by) values ($1, $2, $3, $4) returning wave_id',
        [wave.surveyId, wave.name, wave.opensOn, wave.openedBy]);
      return rows[0]!.wave_id;
    },

    /** Close an open wave; false when it was already closed. */
    /** Correct a wave's dates as recorded. */
    async correctWaveDates(db: Queryable, waveId: number, opensOn: string, closedOn: string | null): Promise<void> {
      await db.query('update survey_waves set opens_on = $2, closed_on = coalesce($3::date, closed_on) where wave_id = $1', [waveId, opensOn, closedOn]);
    },

    async closeWave(db: Queryable, waveId: number, closedOn: string, closedBy: string): Promise<boolean> {
      const rows = await db.query('update survey_waves set closed_on = $2, closed_by = $3 where wave_id = $1 and closed_on is null returning wave_id', [waveId, closedOn, closedBy]);
      return rows.length === 1;
    },

    /** The wave, locked so that it cannot close while a response or a batch of links is being written. */
    async lockWave(db: Queryable, waveId: number): Promise<{ open: boolean } | undefined> {
      const rows = await db.query<{ closed_on: string | null }>('select closed_on from survey_waves where wave_id = $1 for share', [waveId]);
      return rows[0] && { open: rows[0].closed_on === null };
    },

    async insertLinks(db: Queryable, waveId: number, tokenHashes: readonly string[], issuedBy: string): Promise<void> {
      await db.query('insert into survey_links (wave_id, token_hash, issued_by) select $1, h, $3 from unnest($2::text[]) as h', [waveId, tokenHashes, issuedBy]);
    },

    /** The link with this token hash, locked for the response being written; undefined when there is none. */
    async lockLink(db: Queryable, tokenHash: string): Promise<LinkState | undefined> {
      const rows = await db.query<{ link_id: number; wave_id: number; used_at: Date | null }>(
        'select link_id, wave_id, used_at from survey_links where token_hash = $1 for update', [tokenHash]);
      const r = rows[0];
      if (!r) return undefined;
      const wave = await this.lockWave(db, r.wave_id);
      return { linkId: r.link_id, waveId: r.wave_id, used: r.used_at !== null, waveOpen: wave?.open ?? false };
    },

    /** The link's state without locking (for showing the form). */
    async link(db: Queryable, tokenHash: string): Promise<LinkState | undefined> {
      const rows = await db.query<{ link_id: number; wave_id: number; used_at: Date | null; closed_on: string | null }>(
        `select l.link_id, l.wave_id, l.used_at, w.closed_on from survey_links l join survey_waves w on w.wave_id = l.wave_id where l.token_hash = $1`, [tokenHash]);
      const r = rows[0];
      return r && { linkId: r.link_id, waveId: r.wave_id, used: r.used_at !== null, waveOpen: r.closed_on === null };
    },

    async surveyOfWave(db: Queryable, waveId: number): Promise<number | undefined> {
      const rows = await db.query<{ survey_id: number }>('select survey_id from survey_waves where wave_id = $1', [waveId]);
      return rows[0]?.survey_id;
    },

    /** Write one response: the link marked used and the answers, in the caller's transaction. */
    async insertResponse(db: Queryable, link: { linkId: number; waveId: number }, answers: { questionId: number; choice: number | null; words: string | null }[]): Promise<void> {
      await db.query('update survey_links set used_at = now() where link_id = $1', [link.linkId]);
      const rows = await db.query<{ response_id: number }>('insert into survey_responses (link_id, wave_id) values ($1, $2) returning response_id', [link.linkId, link.waveId]);
      if (!answers.length) return;
      await db.query(
        `insert into survey_answers (response_id, question_id, choice, words)
         select $1, q, c, w from unnest($2::int[], $3::int[], $4::text[]) as a (q, c, w)`,
        [rows[0]!.response_id, answers.map((a) => a.questionId), answers.map((a) => a.choice), answers.map((a) => a.words)]);
    },

    /** How many answered each question in a wave, and how many chose each Likert answer. */
    async tallies(db: Queryable, waveId: number): Promise<Map<number, QuestionTally>> {
      const rows = await db.query<{ question_id: number; choice: number | null; answers: number }>(
        `select a.question_id, a.choice, count(*)::int as answers
           from survey_answers a join survey_responses r on r.response_id = a.response_id
          where r.wave_id = $1 group by a.question_id, a.choice`, [waveId]);
      const tallies = new Map<number, QuestionTally>();
      for (const row of rows) {
        const tally = tallies.get(row.question_id) ?? { answered: 0, counts: [0, 0, 0, 0, 0] };
        tally.answered += row.answers;
        if (row.choice !== null) tally.counts[row.choice - 1] = (tally.counts[row.choice - 1] ?? 0) + row.answers;
        tallies.set(row.question_id, tally);
      }
      return tallies;
    },

    /** A free-text question's answers in a wave, in alphabetical order (so they cannot be matched across questions). */
    async words(db: Queryable, waveId: number, questionId: number): Promise<string[]> {
      const rows = await db.query<{ words: string }>(
        `select a.words from survey_answers a join survey_responses r on r.response_id = a.response_id
          where r.wave_id = $1 and a.question_id = $2 and a.words is not null order by a.words`, [waveId, questionId]);
      return rows.map((r) => r.words);
    },
  };
}
export type SurveyRepository = ReturnType<typeof surveyRepository>;

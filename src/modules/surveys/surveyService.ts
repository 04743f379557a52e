/**
 * @module Surveys' use cases: build a questionnaire (and correct it until its first wave), open waves, issue single-use links, take anonymous responses,
 * close a wave, and show a wave's results or two waves side by side (the quality report's contract). Every change
 * is one transaction with its audit event.
 */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { Actor } from '../../platform/access/user.js';
import { type Permission } from '../../platform/access/permissions.js';
import { may } from '../../platform/access/access.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { SurveyWaveComparison, SurveyWaveSummary } from '../quality/qualityContracts.js';
import { detailsFixedMessage, fixedMessage, mostLinksAtOnce, SurveyRefusal, type Answers, type NewQuestion, type NewSurvey, type Question, type Survey, type Wave } from './survey.js';
import type { SurveyRepository, SurveyRow } from './surveyRepository.js';
import { newToken, tokenHash } from './surveyLinks.js';
import { compareQuestions, questionShares, type QuestionShares } from './waveComparison.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { longDateOf } from '../../platform/dates/formats.js';

export type Problems = Record<string, string>;
export type Outcome<T> = ({ outcome: 'done' } & T) | { outcome: 'problems'; problems: Problems };

/** One question of a wave's results; `words` only when at least 5 answered and the reader may see them. */
export interface QuestionResult {
  question: Question;
  shares: QuestionShares;
  words?: string[];
}

export interface WaveResults {
  survey: SurveyRow;
  wave: Wave;
  questions: QuestionResult[];
}

/** What a respondent's page shows: the survey's words and its questions, nothing about the wave or the link. */
export interface SurveyForm {
  title: string;
  intro: string;
  audience: SurveyRow['audience'];
  questions: Question[];
}

const userId = (actor: Actor) => (actor.kind === 'user' ? actor.user.userId : undefined);

/** Refuse a signed-in person without `permission`; commands run on the server may act. */
function allow(actor: Actor, permission: Permission): void {
  if (actor.kind === 'user' && !may(actor.user, permission)) throw new SurveyRefusal(403, 'You do not have permission to do this');
}

/** The person doing a lead's task: only a signed-in quality lead may, since changes name who made them. */
function lead(actor: Actor): string {
  allow(actor, 'quality:lead');
  const id = userId(actor);
  if (!id) throw new SurveyRefusal(403, 'Only a signed-in quality lead can change surveys');
  return id;
}

const summary = (survey: SurveyRow, wave: Wave): SurveyWaveSummary => ({
  id: wave.waveId, surveyId: survey.surveyId, surveyTitle: survey.title, audience: survey.audience,
  name: wave.name, opensOn: wave.opensOn, closedOn: wave.closedOn, respondents: wave.respondents,
});

/** A wave's dates as its amendments record them, in words. */
const waveDatesInWords = (wave: { opensOn: string; closedOn: string | null }) => ({ Opened: longDateOf(wave.opensOn), Closed: wave.closedOn ? longDateOf(wave.closedOn) : 'Still open' });

export function surveyService(db: Database, repository: SurveyRepository, audit: AuditService, amendments: AmendmentRepository) {
  async function foundSurvey(surveyId: number, lock = false, queryable = db as Parameters<SurveyRepository['survey']>[0]): Promise<SurveyRow> {
    const survey = await repository.survey(queryable, surveyId, lock);
    if (!survey) throw new SurveyRefusal(404, 'There is no survey with that number');
    return survey;
  }
  async function foundWave(waveId: number): Promise<Wave> {
    const wave = await repository.wave(db, waveId);
    if (!wave) throw new SurveyRefusal(404, 'There is no survey wave with that number');
    return wave;
  }

  /** Change a survey's questions, refused once it has a wave (the survey row is locked so a wave cannot open meanwhile). */
  async function changeQuestions(actor: Actor, surveyId: number, change: string, work: (tx: Parameters<SurveyRepository['survey']>[0]) => Promise<boolean>,
    action: 'survey.changed' | 'survey.question_changed' = 'survey.changed'): Promise<boolean> {
    lead(actor);
    return db.transaction(async (tx) => {
      await foundSurvey(surveyId, true, tx);
      if ((await repository.waves(tx, surveyId)).length) throw new SurveyRefusal(409, fixedMessage);
      const changed = await work(tx);
      if (changed) await audit.record(actor, { action, subject: `survey:${surveyId}`, details: { change } }, tx);
      return changed;
    });
  }

  const service = {
    /** @example await surveys.list(actor) // [{ survey: { title: 'Family survey' … }, waves: [...] }] */
    async list(actor: Actor): Promise<{ survey: SurveyRow; questions: number; waves: Wave[] }[]> {
      allow(actor, 'quality:view');
      const [surveys, waves] = await Promise.all([repository.surveys(db), repository.waves(db)]);
      return Promise.all(surveys.map(async (survey) => ({
        survey,
        questions: (await repository.questions(db, survey.surveyId)).length,
        waves: waves.filter((w) => w.surveyId === survey.surveyId),
      })));
    },

    /** @example await surveys.create(lead, { title: 'Family survey', audience: 'families', intro: '' }) // { outcome: 'done', surveyId: 1 } */
    async create(actor: Actor, survey: NewSurvey): Promise<Outcome<{ surveyId: number }>> {
      const by = lead(actor);
      return db.transaction(async (tx) => {
        if (await repository.titleTaken(tx, survey.title)) return { outcome: 'problems', problems: { title: 'There is already a survey with this title' } } as const;
        const surveyId = await repository.insertSurvey(tx, survey, by);
        await audit.record(actor, { action: 'survey.created', subject: `survey:${surveyId}`, details: { audience: survey.audience } }, tx);
        return { outcome: 'done', surveyId } as const;
      });
    },

    /**
     * Correct a survey's title, audience or introduction; refused (409) once it has a wave, since respondents have seen it.
     * @example await surveys.changeDetails(lead, 1, { title: 'Family survey', audience: 'families', intro: 'Thank you.' }) // { outcome: 'done' }
     */
    async changeDetails(actor: Actor, surveyId: number, details: NewSurvey): Promise<Outcome<object>> {
      lead(actor);
      return db.transaction(async (tx) => {
        const before = await foundSurvey(surveyId, true, tx);
        if ((await repository.waves(tx, surveyId)).length) throw new SurveyRefusal(409, detailsFixedMessage);
        if (await repository.titleTaken(tx, details.title, surveyId)) return { outcome: 'problems', problems: { title: 'There is already a survey with this title' } } as const;
        await repository.updateSurvey(tx, surveyId, details);
        const changed = (['title', 'audience', 'intro'] as const).filter((field) => before[field] !== details[field]);
        await audit.record(actor, { action: 'survey.details_changed', subject: `survey:${surveyId}`, details: { changed } }, tx);
        return { outcome: 'done' } as const;
      });
    },

    /** @example await surveys.show(actor, 1) // { title, audience, questions, waves } */
    async show(actor: Actor, surveyId: number): Promise<Survey> {
      allow(actor, 'quality:view');
      const survey = await foundSurvey(surveyId);
      const [questions, waves] = await Promise.all([repository.questions(db, surveyId), repository.waves(db, surveyId)]);
      return { ...survey, questions, waves };
    },

    /** Add a question at the end; refused once the survey has a wave. */
    async addQuestion(actor: Actor, surveyId: number, question: NewQuestion): Promise<void> {
      await changeQuestions(actor, surveyId, 'question_added', async (tx) => (await repository.insertQuestion(tx, surveyId, question)) > 0);
    },

    /** Correct a question in place (it keeps its position); refused once the survey has a wave, 404 for a question not in it. */
    async changeQuestion(actor: Actor, surveyId: number, questionId: number, question: NewQuestion): Promise<void> {
      const changed = await changeQuestions(actor, surveyId, 'question_changed', (tx) => repository.updateQuestion(tx, surveyId, questionId, question), 'survey.question_changed');
      if (!changed) throw new SurveyRefusal(404, 'There is no such question in this survey');
    },

    async removeQuestion(actor: Actor, surveyId: number, questionId: number): Promise<void> {
      await changeQuestions(actor, surveyId, 'question_removed', (tx) => repository.deleteQuestion(tx, surveyId, questionId));
    },

    async moveQuestionUp(actor: Actor, surveyId: number, questionId: number): Promise<void> {
      await changeQuestions(actor, surveyId, 'question_moved', (tx) => repository.moveQuestionUp(tx, surveyId, questionId));
    },

    /**
     * Open a new wave, today unless a wave run before is being recorded. Its questions are then fixed. Refused
     * while another wave of the survey is open, or when the survey has no questions.
     * @example await surveys.openWave(lead, 1, 'Baseline, spring 2026') // { outcome: 'done', waveId: 1 }
     */
    async openWave(actor: Actor, surveyId: number, name: string, opensOn: string = todayIso()): Promise<Outcome<{ waveId: number }>> {
      const by = lead(actor);
      return db.transaction(async (tx) => {
        await foundSurvey(surveyId, true, tx);
        if (!(await repository.questions(tx, surveyId)).length) return { outcome: 'problems', problems: { name: 'Add at least one question before opening a wave' } } as const;
        const waves = await repository.waves(tx, surveyId);
        const open = waves.find((w) => w.closedOn === null);
        if (open) return { outcome: 'problems', problems: { name: `Close the wave “${open.name}” before opening another` } } as const;
        if (waves.some((w) => w.name.toLowerCase() === name.toLowerCase())) return { outcome: 'problems', problems: { name: 'This survey already has a wave with this name' } } as const;
        const waveId = await repository.insertWave(tx, { surveyId, name, opensOn, openedBy: by });
        await audit.record(actor, { action: 'survey.wave_opened', subject: `wave:${waveId}`, details: { surveyId, name } }, tx);
        return { outcome: 'done', waveId } as const;
      });
    },

    /** @example await surveys.wave(actor, 3) // { survey, wave } */
    async wave(actor: Actor, waveId: number): Promise<{ survey: SurveyRow; wave: Wave }> {
      allow(actor, 'quality:view');
      const wave = await foundWave(waveId);
      return { survey: await foundSurvey(wave.surveyId), wave };
    },

    /**
     * Issue `count` single-use links for an open wave. Returns the tokens, once: only their hashes are kept.
     * @example const tokens = await surveys.issueLinks(lead, 3, 40) // 40 tokens of 43 characters
     */
    async issueLinks(actor: Actor, waveId: number, count: number): Promise<string[]> {
      const by = lead(actor);
      if (!Number.isInteger(count) || count < 1 || count > mostLinksAtOnce) throw new RangeError(`count must be 1 to ${mostLinksAtOnce}`);
      const tokens = Array.from({ length: count }, newToken);
      await db.transaction(async (tx) => {
        const wave = await repository.lockWave(tx, waveId);
        if (!wave) throw new SurveyRefusal(404, 'There is no survey wave with that number');
        if (!wave.open) throw new SurveyRefusal(409, 'This wave is closed: links can only be issued for an open wave');
        await repository.insertLinks(tx, waveId, tokens.map(tokenHash), by);
        await audit.record(actor, { action: 'survey.links_issued', subject: `wave:${waveId}`, details: { count } }, tx);
      });
      return tokens;
    },

    /** Close a wave (today, unless recording one run before): its links stop working. Closing a closed wave changes nothing. */
    async closeWave(actor: Actor, waveId: number, closedOn: string = todayIso()): Promise<void> {
      const by = lead(actor);
      await db.transaction(async (tx) => {
        if (!(await repository.lockWave(tx, waveId))) throw new SurveyRefusal(404, 'There is no survey wave with that number');
        if (await repository.closeWave(tx, waveId, closedOn, by)) {
          await audit.record(actor, { action: 'survey.wave_closed', subject: `wave:${waveId}` }, tx);
        }
      });
    },

    /**
     * Correct a wave's dates as recorded (when it opened and, once closed, when it closed), with a reason. The wave
     * holds the corrected dates, so every list and comparison uses them; what it said before is kept as an
     * amendment, and audited. A wave cannot be dated after today; closing it is done by closing, not correcting.
     * @example await surveys.correctWaveDates(lead, 3, { opensOn: '2026-03-02', closedOn: null }, 'Opened on the Monday')
     */
    async correctWaveDates(actor: Actor, waveId: number, corrected: { opensOn: string; closedOn: string | null }, reason: string): Promise<Outcome<object>> {
      const by = lead(actor);
      return db.transaction(async (tx): Promise<Outcome<object>> => {
        if (!(await repository.lockWave(tx, waveId))) throw new SurveyRefusal(404, 'There is no survey wave with that number');
        const wave = (await repository.wave(tx, waveId))!;
        const dates = { opensOn: corrected.opensOn, closedOn: wave.closedOn ? corrected.closedOn ?? wave.closedOn : null };
        const today = todayIso();
        if (dates.opensOn > today) return { outcome: 'problems', problems: { opensOn: 'Date it opened must be today or in the past' } };
        if (dates.closedOn && dates.closedOn > today) return { outcome: 'problems', problems: { closedOn: 'Date it closed must be today or in the past' } };
        if (dates.closedOn && dates.closedOn < dates.opensOn) return { outcome: 'problems', problems: { closedOn: 'Date it closed must be on or after the date it opened' } };
        const changed = changedFields(waveDatesInWords(wave), waveDatesInWords(dates));
        if (!Object.keys(changed.after).length) return { outcome: 'problems', problems: { opensOn: 'These are the dates already recorded. Change the one recorded wrongly, or go back.' } };
        await repository.correctWaveDates(tx, waveId, dates.opensOn, dates.closedOn);
        await amendments.add(tx, { childId: null, recordKind: 'survey_wave', recordId: String(waveId), reason, ...changed, userId: by });
        await audit.record(actor, { action: 'survey.wave_dates_amended', subject: `wave:${waveId}`, reason, details: { ...changed } }, tx);
        return { outcome: 'done' };
      });
    },

    /** The corrections of a survey's waves, oldest first. */
    async waveAmendments(actor: Actor, waveIds: readonly number[]): Promise<Amendment[]> {
      allow(actor, 'quality:view');
      return amendments.forRecords(db, 'survey_wave', waveIds.map(String));
    },

    /**
     * The questionnaire a link opens, or undefined for a used, unknown or closed-wave link (all alike).
     * @example await surveys.formFor(token) // { title, intro, questions }
     */
    async formFor(token: string): Promise<SurveyForm | undefined> {
      const link = await repository.link(db, tokenHash(token));
      if (!link || link.used || !link.waveOpen) return undefined;
      const surveyId = (await repository.surveyOfWave(db, link.waveId))!;
      const survey = await foundSurvey(surveyId);
      return { title: survey.title, intro: survey.intro, audience: survey.audience, questions: await repository.questions(db, surveyId) };
    },

    /**
     * Record one response for a link: the link is marked used in the same transaction, and a second response
     * for it is refused (by the database too). Nothing about the respondent is kept.
     * @example await surveys.respond(token, new Map([[1, { choice: 2 }]])) // 'recorded'
     */
    async respond(token: string, answers: Answers): Promise<'recorded' | 'not_available'> {
      try {
        return await db.transaction(async (tx) => {
          const link = await repository.lockLink(tx, tokenHash(token));
          if (!link || link.used || !link.waveOpen) return 'not_available' as const;
          await repository.insertResponse(tx, link, [...answers].map(([questionId, answer]) => ({
            questionId, choice: 'choice' in answer ? answer.choice : null, words: 'words' in answer ? answer.words : null,
          })));
          await audit.record({ kind: 'system', name: 'survey respondent' }, { action: 'survey.responded', subject: `wave:${link.waveId}` }, tx);
          return 'recorded' as const;
        });
      } catch (error) {
        // Another response for this link committed first.
        if ((error as { code?: string }).code === '23505') return 'not_available';
        throw error;
      }
    },

    /**
     * A wave's results: respondents, each question's counts and percentages (withheld below 5), and free-text
     * answers when at least 5 answered — for a question asking for personal information, only to a quality lead.
     * @example (await surveys.results(analyst, 3)).questions[0].shares.options[0].share // { count: 6, percent: 54.5 }
     */
    async results(actor: Actor, waveId: number): Promise<WaveResults> {
      const { survey, wave } = await service.wave(actor, waveId);
      const [questions, tallies] = await Promise.all([repository.questions(db, survey.surveyId), repository.tallies(db, waveId)]);
      const mayReadPersonal = actor.kind === 'system' || may(actor.user, 'quality:lead');
      const results = await Promise.all(questions.map(async (question) => {
        const shares = questionShares(question, tallies.get(question.questionId));
        const showWords = question.kind === 'free_text' && !shares.suppressed && (!question.asksPersonalData || mayReadPersonal);
        return { question, shares, ...(showWords ? { words: await repository.words(db, waveId, question.questionId) } : {}) };
      }));
      await audit.record(actor, { action: 'survey.results_viewed', subject: `wave:${waveId}` });
      return { survey, wave, questions: results };
    },

    /** Every wave of every survey, for choosing a baseline and a comparator (the quality report's contract). */
    async listWaves(actor: Actor): Promise<SurveyWaveSummary[]> {
      allow(actor, 'quality:view');
      const [surveys, waves] = await Promise.all([repository.surveys(db), repository.waves(db)]);
      const byId = new Map(surveys.map((s) => [s.surveyId, s]));
      return waves.map((wave) => summary(byId.get(wave.surveyId)!, wave));
    },

    /**
     * Two waves of the same survey side by side, question by question (the quality report's contract). A question
     * fewer than 5 answered in either wave is suppressed. Refused (SurveyRefusal 404/409) for an unknown wave or
     * waves of different surveys. Open waves are compared as they stand.
     * @example await surveys.compareWaves(actor, 1, 2) // { surveyTitle, baseline, comparator, questions }
     */
    async compareWaves(actor: Actor, baselineWaveId: number, comparatorWaveId: number): Promise<SurveyWaveComparison> {
      allow(actor, 'quality:view');
      const [baseline, comparator] = await Promise.all([foundWave(baselineWaveId), foundWave(comparatorWaveId)]);
      if (baseline.surveyId !== comparator.surveyId) throw new SurveyRefusal(409, 'Choose two waves of the same survey to compare');
      if (baseline.waveId === comparator.waveId) throw new SurveyRefusal(409, 'Choose two different waves to compare');
      const survey = await foundSurvey(baseline.surveyId);
      const [questions, before, after] = await Promise.all([
        repository.questions(db, survey.surveyId), repository.tallies(db, baseline.waveId), repository.tallies(db, comparator.waveId),
      ]);
      await audit.record(actor, { action: 'survey.results_viewed', subject: `wave:${baseline.waveId}`, details: { comparedWith: comparator.waveId } });
      return {
        surveyTitle: survey.title, audience: survey.audience,
        baseline: summary(survey, baseline), comparator: summary(survey, comparator),
        questions: compareQuestions(questions, before, after),
      };
    },
  };
  return service;
}
export type SurveyService = ReturnType<typeof surveyService>;

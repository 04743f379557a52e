/**
 * @module Case file audit use cases: rubrics and their versions, creating a round (its sample drawn in the same
 * transaction), allocation, grading, blind moderation, results and comparison. Every change is audited in its
 * transaction; opening a file for audit is audited as a view of the child's record.
 */
import { randomInt } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { PracticeRecord, SafetyService } from '../safety/safetyService.js';
import type { Actor, SignedInUser } from '../../platform/access/user.js';
import { may } from '../../platform/access/access.js';
import type { AuditAgreement, AuditRoundComparison, AuditRoundSummary } from '../quality/qualityContracts.js';
import { createRandom } from '../../platform/random/seededRandom.js';
import { scaleGrades, type AuditFile, type AuditRound, type Review, type ReviewPart, type Rubric, type RubricQuestion } from './caseFileAudit.js';
import type { CaseFileAuditRepository, FileCase } from './caseFileAuditRepository.js';
import { drawSample, shuffleTake } from './sampleDraw.js';
import { agreement } from './agreement.js';
import { compareQuestions, roundResults, type RoundResults } from './auditResults.js';
import { rolesWith } from '../../platform/access/roles.js';

type Problems = Record<string, string>;
export type Refusal = { outcome: 'not_found' } | { outcome: 'forbidden' };

export interface NewRound {
  name: string;
  rubricId: number;
  periodStart: string;
  periodEnd: string;
  sampleSize: number;
  stratified: boolean;
  /** Given to repeat an earlier draw; otherwise Cairn chooses one. */
  seed?: number;
}

/** What the record shows about a sampled file, filled in before the auditor grades it. */
export interface FileFacts extends PracticeRecord {
  case: FileCase;
}

export interface FileForAudit {
  outcome: 'shown';
  file: AuditFile;
  round: AuditRound;
  rubric: Rubric;
  facts: FileFacts;
  /** This person's own grades for this part, if they have graded it; the other part's are never shown. */
  review: Review | undefined;
}

/** The contract's readers may be a signed-in person or a command run on the server. */
const signedIn = (reader: Actor | SignedInUser): SignedInUser | undefined => ('kind' in reader ? (reader.kind === 'user' ? reader.user : undefined) : reader);
const mayReadResults = (reader: Actor | SignedInUser) => {
  const user = signedIn(reader);
  return !user || may(user, 'quality:view');
};

export function caseFileAuditService(db: Database, repository: CaseFileAuditRepository, safety: Pick<SafetyService, 'practiceRecord'>, audit: AuditService) {
  const actor = (user: SignedInUser): Actor => ({ kind: 'user', user });

  async function rubricOf(rubricId: number): Promise<Rubric | undefined> {
    return (await repository.rubrics(db)).find((r) => r.rubricId === rubricId);
  }

  async function facts(file: AuditFile): Promise<FileFacts> {
    const [fileCase, record] = await Promise.all([repository.fileCase(db, file.caseId), safety.practiceRecord(file.childId)]);
    return { case: fileCase!, ...record };
  }

  async function agreementOf(roundId: number): Promise<AuditAgreement> {
    const pairs = await repository.moderatedPairs(db, roundId);
    const result = agreement(pairs.map((p) => [p.audit, p.moderation] as const));
    return { moderatedFiles: new Set(pairs.map((p) => p.fileId)).size, percentAgreement: result.percentAgreement, kappa: result.kappa };
  }

  const summary = (round: AuditRound): AuditRoundSummary => ({
    id: round.roundId, name: round.name, rubricName: round.rubricName, rubricVersion: round.rubricVersion,
    periodStart: round.periodStart, periodEnd: round.periodEnd, sampleSize: round.sampleSize, filesGraded: round.filesGraded,
  });

  const service = {
    /** Every rubric, every version, with its questions. @example await caseFileAudits.rubrics() */
    rubrics: () => repository.rubrics(db),
    rubric: rubricOf,

    /**
     * Save a rubric: a new one (version 1) or, given `basedOn`, the next version of that rubric. Earlier versions
     * stay as they were, so rounds that used them keep their questions.
     * @example await caseFileAudits.saveRubric(lead, { basedOn: 1, questions }) // { outcome: 'saved', rubricId: 2, version: 2 }
     */
    async saveRubric(user: SignedInUser, input: { name?: string; basedOn?: number; questions: RubricQuestion[] }): Promise<{ outcome: 'saved'; rubricId: number; version: number } | { outcome: 'problems'; problems: Problems } | Refusal> {
      const base = input.basedOn === undefined ? undefined : await rubricOf(input.basedOn);
      if (input.basedOn !== undefined && !base) return { outcome: 'not_found' };
      const name = base?.name ?? input.name ?? '';
      const keys = input.questions.map((q) => q.key);
      if (new Set(keys).size !== keys.length) return { outcome: 'problems', problems: { questions: 'Two questions have the same words. Make each question different.' } };
      return db.transaction(async (tx) => {
        const latest = await repository.latestVersion(tx, name);
        if (!base && latest > 0) return { outcome: 'problems', problems: { name: 'There is already a rubric with this name. Edit it to make a new version.' } } as const;
        const version = latest + 1;
        const rubricId = await repository.insertRubric(tx, { name, version, questions: input.questions, createdBy: user.userId });
        await audit.record(actor(user), { action: 'case_file_audit.rubric_saved', subject: `rubric ${rubricId}`, details: { name, version, questions: input.questions.length } }, tx);
        return { outcome: 'saved', rubricId, version } as const;
      });
    },

    /**
     * Create a round and draw its sample of open cases in the same transaction. The seed is stored, so the same
     * open cases and seed draw the same files again.
     * @example await caseFileAudits.createRound(lead, { name: 'Spring 2026', rubricId: 1, periodStart: '2026-01-01', periodEnd: '2026-03-31', sampleSize: 120, stratified: true })
     */
    async createRound(user: SignedInUser, input: NewRound): Promise<{ outcome: 'created'; roundId: number; drawn: number; tookAll: boolean } | { outcome: 'problems'; problems: Problems }> {
      if (!(await rubricOf(input.rubricId))) return { outcome: 'problems', problems: { rubricId: 'Select the rubric to audit with' } };
      const seed = input.seed ?? randomInt(0, 2147483647);
      return db.transaction(async (tx) => {
        const open = await repository.openCases(tx, input.periodStart, input.periodEnd);
        if (open.length === 0) return { outcome: 'problems', problems: { periodStart: 'No cases were open in this period. Choose another period.' } } as const;
        const draw = drawSample(open, input.sampleSize, seed, input.stratified);
        const roundId = await repository.insertRound(tx, { ...input, seed, openCases: open.length, createdBy: user.userId });
        let drawOrder = 0;
        for (const c of draw.drawn) await repository.insertFile(tx, { roundId, caseId: c.caseId, team: c.team, drawOrder: (drawOrder += 1) });
        await audit.record(actor(user), {
          action: 'case_file_audit.round_created', subject: `round ${roundId}`,
          details: { name: input.name, rubricId: input.rubricId, periodStart: input.periodStart, periodEnd: input.periodEnd, sampleSize: input.sampleSize, stratified: input.stratified, seed, openCases: open.length, drawn: draw.drawn.length },
        }, tx);
        return { outcome: 'created', roundId, drawn: draw.drawn.length, tookAll: draw.tookAll } as const;
      });
    },

    /** @example await caseFileAudits.rounds() */
    rounds: () => repository.rounds(db),
    round: (roundId: number) => repository.round(db, roundId),

    /**
     * A round's files with the children's names, for the quality lead; the listing is audited.
     * @example await caseFileAudits.roundFiles(lead, 1)
     */
    async roundFiles(user: SignedInUser, roundId: number): Promise<AuditFile[]> {
      const files = await repository.files(db, roundId);
      await audit.record(actor(user), { action: 'case_file_audit.round_viewed', subject: `round ${roundId}`, details: { files: files.length } });
      return files;
    },

    /** A round's files without auditing: for counts and for the quality lead's one-file pages. */
    files: (roundId: number) => repository.files(db, roundId),
    file: (fileId: number) => repository.file(db, fileId),

    /** Team and service managers who may be given files to audit or moderate. */
    auditors: () => repository.eligibleAuditors(db, rolesWith('quality:audit')),

    /**
     * Share the round's files not yet graded evenly among the chosen auditors, round-robin in draw order.
     * @example await caseFileAudits.allocate(lead, 1, [userA, userB]) // { outcome: 'allocated', files: 120 }
     */
    async allocate(user: SignedInUser, roundId: number, auditorIds: readonly string[]): Promise<{ outcome: 'allocated'; files: number } | { outcome: 'problems'; problems: Problems } | Refusal> {
      if (!(await repository.round(db, roundId))) return { outcome: 'not_found' };
      const eligible = new Set((await repository.eligibleAuditors(db, rolesWith('quality:audit'))).map((a) => a.userId));
      const chosen = [...new Set(auditorIds)];
      if (chosen.length === 0 || chosen.some((id) => !eligible.has(id))) return { outcome: 'problems', problems: { auditors: 'Select at least one auditor' } };
      return db.transaction(async (tx) => {
        const files = (await repository.files(tx, roundId)).filter((f) => !f.graded);
        let index = 0;
        for (const file of files) {
          const auditorId = chosen[index % chosen.length]!;
          index += 1;
          // Only ungraded files move, and only graded files have a second auditor, so no one is given their own file to moderate.
          await repository.setAuditor(tx, file.fileId, auditorId);
        }
        await audit.record(actor(user), { action: 'case_file_audit.allocated', subject: `round ${roundId}`, details: { auditors: chosen, files: files.length } }, tx);
        return { outcome: 'allocated', files: files.length } as const;
      });
    },

    /**
     * Give one file to a different auditor.
     * @example await caseFileAudits.reallocate(lead, 17, userB)
     */
    async reallocate(user: SignedInUser, fileId: number, auditorId: string): Promise<{ outcome: 'allocated' } | { outcome: 'problems'; problems: Problems } | Refusal> {
      const file = await repository.file(db, fileId);
      if (!file) return { outcome: 'not_found' };
      if (!(await repository.eligibleAuditors(db, rolesWith('quality:audit'))).some((a) => a.userId === auditorId)) return { outcome: 'problems', problems: { auditorId: 'Select the auditor for this file' } };
      if (file.graded) return { outcome: 'problems', problems: { auditorId: 'This file has been graded, so it stays with the auditor who graded it' } };
      if (file.moderatorId === auditorId) return { outcome: 'problems', problems: { auditorId: `${file.moderatorName} is moderating this file. Choose someone else to audit it.` } };
      await db.transaction(async (tx) => {
        await repository.setAuditor(tx, fileId, auditorId);
        await audit.record(actor(user), { action: 'case_file_audit.allocated', childId: file.childId, subject: `file ${fileId}`, details: { roundId: file.roundId, auditorId } }, tx);
      });
      return { outcome: 'allocated' };
    },

    /**
     * Choose `count` graded files not yet chosen for moderation (at random, from the round's seed) and give each to
     * one of `moderatorIds` in turn, never to the file's own auditor.
     * @example await caseFileAudits.setModeration(lead, 1, { count: 12, moderatorIds: [userC] }) // { outcome: 'set', files: 12 }
     */
    async setModeration(user: SignedInUser, roundId: number, input: { count: number; moderatorIds: readonly string[] }): Promise<{ outcome: 'set'; files: number } | { outcome: 'problems'; problems: Problems } | Refusal> {
      const round = await repository.round(db, roundId);
      if (!round) return { outcome: 'not_found' };
      const eligible = new Set((await repository.eligibleAuditors(db, rolesWith('quality:audit'))).map((a) => a.userId));
      const moderators = [...new Set(input.moderatorIds)];
      if (moderators.length === 0 || moderators.some((id) => !eligible.has(id))) return { outcome: 'problems', problems: { moderators: 'Select at least one second auditor' } };
      return db.transaction(async (tx) => {
        const candidates = (await repository.files(tx, roundId)).filter((f) => f.graded && !f.moderatorId && moderators.some((m) => m !== f.auditorId));
        if (candidates.length === 0) return { outcome: 'problems', problems: { count: 'There are no graded files left that these second auditors could moderate' } } as const;
        if (input.count > candidates.length) {
          return { outcome: 'problems', problems: { count: `Only ${candidates.length} graded ${candidates.length === 1 ? 'file is' : 'files are'} left to moderate. Enter ${candidates.length} or fewer.` } } as const;
        }
        const chosen = shuffleTake(candidates, input.count, createRandom(round.seed, `case-file-audit-moderation-${candidates.length}`).next).sort((a, b) => a.drawOrder - b.drawOrder);
        let turn = 0;
        for (const file of chosen) {
          // The next second auditor in turn who is not this file's auditor.
          let moderator = moderators[turn % moderators.length]!;
          if (moderator === file.auditorId) moderator = moderators[(turn += 1) % moderators.length]!;
          turn += 1;
          await repository.setModerator(tx, file.fileId, moderator);
        }
        await audit.record(actor(user), { action: 'case_file_audit.moderation_set', subject: `round ${roundId}`, details: { files: chosen.length, moderators } }, tx);
        return { outcome: 'set', files: chosen.length } as const;
      });
    },

    /** Files allocated to this person to grade or moderate. @example await caseFileAudits.myFiles(manager) */
    myFiles: (user: SignedInUser) => repository.filesFor(db, user.userId),

    /**
     * Open a file to grade it (`audit`) or moderate it (`moderation`): only for the person it is allocated to, even
     * when the child is outside their usual scope. Audited as a view of the child's record, refusals too.
     * @example await caseFileAudits.openFile(manager, 17, 'audit')
     */
    async openFile(user: SignedInUser, fileId: number, part: ReviewPart): Promise<FileForAudit | Refusal> {
      const file = await repository.file(db, fileId);
      if (!file) return { outcome: 'not_found' };
      const allocatedTo = part === 'audit' ? file.auditorId : file.moderatorId;
      if (allocatedTo !== user.userId || (part === 'moderation' && !file.graded)) {
        await audit.record(actor(user), { action: 'child.viewed', childId: file.childId, subject: `case file audit ${fileId}`, details: { refused: true, part } });
        return { outcome: 'forbidden' };
      }
      const [round, shown, review] = await Promise.all([repository.round(db, file.roundId), facts(file), repository.review(db, fileId, part)]);
      const rubric = (await rubricOf(round!.rubricId))!;
      await audit.record(actor(user), { action: 'child.viewed', childId: file.childId, subject: `case file audit ${fileId}`, reason: 'Allocated for case file audit', details: { part } });
      return { outcome: 'shown', file, round: round!, rubric, facts: shown, review };
    },

    /**
     * Save the grades for a file allocated to this person. Every question of the round's rubric needs a grade on
     * its own scale. `version` is the review's version the grades were started from (0, the default: none saved yet); saved by
     * someone else (or another tab) since, nothing is written and the answer is `changed_meanwhile`.
     * @example await caseFileAudits.grade(manager, 17, 'audit', { grades: { map_present: 'yes', … }, strengths: '…', actions: '…' }, 0)
     */
    async grade(user: SignedInUser, fileId: number, part: ReviewPart, input: Omit<Review, 'fileId' | 'part' | 'version'>, version = 0): Promise<{ outcome: 'graded' | 'changed_meanwhile' } | { outcome: 'problems'; problems: Problems } | Refusal> {
      const file = await repository.file(db, fileId);
      if (!file) return { outcome: 'not_found' };
      if ((part === 'audit' ? file.auditorId : file.moderatorId) !== user.userId || (part === 'moderation' && !file.graded)) return { outcome: 'forbidden' };
      // The second auditor grades against the first grades as they were when the file was chosen: they stay fixed.
      if (part === 'audit' && file.moderatorId) {
        return { outcome: 'problems', problems: { q1: 'This file has been given to a second auditor to moderate, so its grades can no longer be changed' } };
      }
      const round = (await repository.round(db, file.roundId))!;
      const rubric = (await rubricOf(round.rubricId))!;
      const problems: Problems = {};
      rubric.questions.forEach((q, index) => {
        const grade = input.grades[q.key];
        if (!grade || !scaleGrades[q.scale].includes(grade)) problems[`q${index + 1}`] = `Select a grade for question ${index + 1}`;
      });
      if (Object.keys(problems).length) return { outcome: 'problems', problems };
      const grades = Object.fromEntries(rubric.questions.map((q) => [q.key, input.grades[q.key]!]));
      return db.transaction(async (tx) => {
        if (!(await repository.saveReview(tx, { fileId, part, grades, strengths: input.strengths, actions: input.actions }, user.userId, version))) return { outcome: 'changed_meanwhile' as const };
        await audit.record(actor(user), { action: 'case_file_audit.graded', childId: file.childId, subject: `file ${fileId}`, details: { roundId: file.roundId, part, grades, fromVersion: version } }, tx);
        return { outcome: 'graded' as const };
      });
    },

    /**
     * A round's results: aggregate only, never a child's name.
     * @example (await caseFileAudits.results(1))?.results.overall.percentGoodOrBetter
     */
    async results(roundId: number): Promise<{ round: AuditRound; rubric: Rubric; results: RoundResults; agreement: AuditAgreement } | undefined> {
      const round = await repository.round(db, roundId);
      if (!round) return undefined;
      const rubric = (await rubricOf(round.rubricId))!;
      return { round, rubric, results: roundResults(rubric.questions, await repository.gradeRows(db, roundId)), agreement: await agreementOf(roundId) };
    },

    /** Rounds for the quality report to choose from (quality:view). @example await caseFileAudits.listRounds(analyst) */
    async listRounds(reader: Actor | SignedInUser): Promise<AuditRoundSummary[]> {
      if (!mayReadResults(reader)) return [];
      return (await repository.rounds(db)).map(summary);
    },

    /**
     * A round compared with an earlier one, question by question (matched on their keys), with agreement per round.
     * @example (await caseFileAudits.compareRounds(analyst, 1, 2)).questions[0].changePoints // 12.5
     */
    async compareRounds(reader: Actor | SignedInUser, baselineRoundId: number, comparatorRoundId: number): Promise<AuditRoundComparison> {
      if (!mayReadResults(reader)) throw new Error('Comparing audit rounds needs quality:view');
      const [baseline, comparator] = await Promise.all([service.results(baselineRoundId), service.results(comparatorRoundId)]);
      if (!baseline || !comparator) throw new RangeError(`There is no audit round ${!baseline ? baselineRoundId : comparatorRoundId}`);
      return {
        baseline: summary(baseline.round),
        comparator: summary(comparator.round),
        questions: compareQuestions(baseline.results.questions, comparator.results.questions),
        agreement: { baseline: baseline.agreement, comparator: comparator.agreement },
      };
    },
  };
  return service;
}
export type CaseFileAuditService = ReturnType<typeof caseFileAuditService>;

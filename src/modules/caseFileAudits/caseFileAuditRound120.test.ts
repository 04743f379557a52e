import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';

describe(`a 120-file audit round with moderation (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let lead: SignedInUser;
  let auditors: SignedInUser[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    // 200 open cases: North 100, South 60, East 40 → a stratified 120 is exactly 60, 36, 24.
    for (const [team, count] of [['North', 100], ['South', 60], ['East', 40]] as const) {
      for (let i = 1; i <= count; i += 1) {
        const childId = `${team}-${String(i).padStart(3, '0')}`;
        await aChild(db, { childId });
        await aCase(db, childId, { team, openedDate: '2025-09-01' });
      }
    }
    lead = await aUser(db, 'service_manager');
    auditors = [await aUser(db, 'team_manager', { team: 'North' }), await aUser(db, 'team_manager', { team: 'South' }), await aUser(db, 'team_manager', { team: 'East' }), lead];
  }, 300_000);
  afterAll(() => database?.drop());

  it('draws 120 files in proportion to teams, shares them 30 each, grades them all and moderates 10% blind', async () => {
    const rubric = (await services.caseFileAudits.rubrics())[0]!;
    const created = await services.caseFileAudits.createRound(lead, { name: 'Autumn 2026', rubricId: rubric.rubricId, periodStart: '2026-07-01', periodEnd: '2026-09-30', sampleSize: 120, stratified: true, seed: 120 });
    if (created.outcome !== 'created') throw new Error('not created');
    const { roundId } = created;
    let files = await services.caseFileAudits.files(roundId);
    expect(['East', 'North', 'South'].map((team) => files.filter((f) => f.team === team).length)).toEqual([24, 60, 36]);

    expect(await services.caseFileAudits.allocate(lead, roundId, auditors.map((a) => a.userId))).toEqual({ outcome: 'allocated', files: 120 });
    files = await services.caseFileAudits.files(roundId);
    expect(auditors.map((a) => files.filter((f) => f.auditorId === a.userId).length)).toEqual([30, 30, 30, 30]);

    // Every auditor grades their files: file n gets 'good' on every five-point question when n is even, else 'weak'.
    for (const file of files) {
      const auditor = auditors.find((a) => a.userId === file.auditorId)!;
      const grade = file.drawOrder % 2 === 0 ? 'good' : 'weak';
      const grades = Object.fromEntries(rubric.questions.map((q) => [q.key, q.scale === 'yes_no' ? 'yes' : grade] as const));
      expect(await services.caseFileAudits.grade(auditor, file.fileId, 'audit', { grades, strengths: '', actions: '' })).toEqual({ outcome: 'graded' });
    }
    expect(await services.caseFileAudits.setModeration(lead, roundId, { count: 12, moderatorIds: auditors.map((a) => a.userId) })).toEqual({ outcome: 'set', files: 12 });
    const moderated = (await services.caseFileAudits.files(roundId)).filter((f) => f.moderatorId);
    expect(moderated).toHaveLength(12);
    for (const file of moderated) {
      expect(file.moderatorId).not.toBe(file.auditorId);
      const moderator = auditors.find((a) => a.userId === file.moderatorId)!;
      const shown = await services.caseFileAudits.openFile(moderator, file.fileId, 'moderation');
      expect(shown.outcome === 'shown' && shown.review).toBeUndefined();
      // The moderator grades every five-point question 'good'.
      const grades = Object.fromEntries(rubric.questions.map((q) => [q.key, q.scale === 'yes_no' ? 'yes' : 'good'] as const));
      await services.caseFileAudits.grade(moderator, file.fileId, 'moderation', { grades, strengths: '', actions: '' });
    }
    const { results, agreement, round } = (await services.caseFileAudits.results(roundId))!;
    expect(round.filesGraded).toBe(120);
    expect(results.filesGraded).toBe(120);
    // Half the files good, half weak, on every five-point question.
    expect(results.questions.find((q) => q.key === 'safety_plan')!.grades.percentGoodOrBetter).toBe(50);
    // Agreement: files with an even draw number agree on all 8 questions, odd ones on map_present only.
    const even = moderated.filter((f) => f.drawOrder % 2 === 0).length;
    const agreed = even * 8 + (12 - even);
    expect(agreement.moderatedFiles).toBe(12);
    expect(agreement.percentAgreement).toBe(Math.round((agreed / 96) * 1000) / 10);
  }, 300_000);
});

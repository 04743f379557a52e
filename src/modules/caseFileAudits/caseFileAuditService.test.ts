import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { Grade, Rubric } from './caseFileAudit.js';

describe(`case file audits (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let lead: SignedInUser;
  let northManager: SignedInUser;
  let southManager: SignedInUser;
  let practitioner: SignedInUser;
  let analyst: SignedInUser;
  let signsOfSafety: Rubric;
  const period = { periodStart: '2026-01-01', periodEnd: '2026-03-31' };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    // 30 open cases: North 15, South 9, East 6 (ids padded, so case id order is draw order's starting point).
    for (const [team, count] of [['North', 15], ['South', 9], ['East', 6]] as const) {
      for (let i = 1; i <= count; i += 1) {
        const childId = `${team[0]}${String(i).padStart(2, '0')}`;
        await aChild(db, { childId, forename: `${team}child`, surname: `Number${i}` });
        await aCase(db, childId, { team, openedDate: '2025-06-01' });
      }
    }
    // Not open in the period: opened after it, and closed before it. Closed during it counts as open.
    await aChild(db, { childId: 'LATE' });
    await aCase(db, 'LATE', { team: 'North', openedDate: '2026-04-01' });
    await aChild(db, { childId: 'GONE' });
    await aCase(db, 'GONE', { team: 'North', openedDate: '2025-01-01', closedDate: '2025-12-31' });
    await aCase(db, 'E01', { team: 'East', openedDate: '2025-01-01', closedDate: '2026-01-01' });
    lead = await aUser(db, 'service_manager');
    northManager = await aUser(db, 'team_manager', { team: 'North' });
    southManager = await aUser(db, 'team_manager', { team: 'South' });
    practitioner = await aUser(db, 'practitioner', { team: 'North', workerId: 'W9' });
    analyst = await aUser(db, 'analyst');
    signsOfSafety = (await services.caseFileAudits.rubrics()).find((r) => r.name === 'Signs of Safety practice')!;
  });
  afterAll(() => database?.drop());

  const gradesFor = (rubric: Rubric, grade: (key: string) => Grade) => Object.fromEntries(rubric.questions.map((q) => [q.key, grade(q.key)]));
  const auditsOf = async (action: string) => database.db.query<{ child_id: string | null; subject: string; reason: string | null; details: Record<string, unknown> }>(
    'select child_id, subject, reason, details from audit_events where action = $1 order by event_id', [action]);

  it('comes with the Signs of Safety rubric, version 1, and edits it as a new version that keeps question keys', async () => {
    expect(signsOfSafety.version).toBe(1);
    expect(signsOfSafety.questions.map((q) => q.key)).toEqual([
      'map_present', 'harm_danger_plain_language', 'danger_paired_with_goal', 'scaling_family_agencies', 'safety_network', 'safety_plan', 'childs_voice', 'next_steps',
    ]);
    expect(signsOfSafety.questions[0]!.scale).toBe('yes_no');
    const questions = [...signsOfSafety.questions.slice(0, 7).map((q) => (q.key === 'safety_plan' ? { ...q, text: 'Is there a safety plan the family wrote with the network?' } : q)),
      { key: 'family_network_meeting', text: 'Has there been a family network meeting?', guidance: '', scale: 'yes_no' as const }];
    const saved = await services.caseFileAudits.saveRubric(lead, { basedOn: signsOfSafety.rubricId, questions });
    expect(saved).toMatchObject({ outcome: 'saved', version: 2 });
    const all = await services.caseFileAudits.rubrics();
    const v2 = all.find((r) => r.name === 'Signs of Safety practice' && r.version === 2)!;
    expect(v2.questions.find((q) => q.key === 'safety_plan')!.text).toBe('Is there a safety plan the family wrote with the network?');
    expect(v2.questions.map((q) => q.key)).not.toContain('next_steps');
    // Version 1 is as it was.
    expect(all.find((r) => r.rubricId === signsOfSafety.rubricId)).toEqual(signsOfSafety);
    expect(await services.caseFileAudits.saveRubric(lead, { name: 'signs of safety practice', questions })).toEqual({
      outcome: 'problems', problems: { name: 'There is already a rubric with this name. Edit it to make a new version.' },
    });
    expect((await auditsOf('case_file_audit.rubric_saved')).map((e) => e.details)).toEqual([{ name: 'Signs of Safety practice', version: 2, questions: 8 }]);
  });

  it('draws the same sample again from the same seed, only from cases open in the period, in proportion to teams', async () => {
    const round = { name: 'Spring 2026', rubricId: signsOfSafety.rubricId, ...period, sampleSize: 10, stratified: true, seed: 4242 };
    const first = await services.caseFileAudits.createRound(lead, round);
    const second = await services.caseFileAudits.createRound(lead, { ...round, name: 'Spring 2026 again' });
    expect(first).toMatchObject({ outcome: 'created', drawn: 10, tookAll: false });
    if (first.outcome !== 'created' || second.outcome !== 'created') throw new Error('not created');
    const files = await services.caseFileAudits.files(first.roundId);
    const again = await services.caseFileAudits.files(second.roundId);
    expect(again.map((f) => f.caseId)).toEqual(files.map((f) => f.caseId));
    // 31 open cases (E01's second case closed on the first day counts): North 15, South 9, East 7. 10 × 15/31 = 4.84,
    // 10 × 9/31 = 2.90, 10 × 7/31 = 2.26 → 4, 2, 2 and the two left go to the largest remainders, South (.90) and North (.84).
    const perTeam = (team: string) => files.filter((f) => f.team === team).length;
    expect([perTeam('East'), perTeam('North'), perTeam('South')]).toEqual([2, 5, 3]);
    expect(files.map((f) => f.childId)).not.toContain('LATE');
    expect(files.map((f) => f.childId)).not.toContain('GONE');
    expect((await services.caseFileAudits.round(first.roundId))).toMatchObject({ openCases: 31, seed: 4242, sampleSize: 10, filesDrawn: 10 });
    const created = await auditsOf('case_file_audit.round_created');
    expect(created[0]!.details).toMatchObject({ seed: 4242, openCases: 31, drawn: 10, stratified: true });
  });

  it('takes every open case when there are fewer than the sample size, and refuses a period with none', async () => {
    const all = await services.caseFileAudits.createRound(lead, { name: 'Everything', rubricId: signsOfSafety.rubricId, ...period, sampleSize: 120, stratified: false });
    expect(all).toMatchObject({ outcome: 'created', drawn: 31, tookAll: true });
    expect(await services.caseFileAudits.createRound(lead, { name: 'Empty', rubricId: signsOfSafety.rubricId, periodStart: '2010-01-01', periodEnd: '2010-12-31', sampleSize: 5, stratified: false })).toEqual({
      outcome: 'problems', problems: { periodStart: 'No cases were open in this period. Choose another period.' },
    });
  });

  it('keeps a sampled file with the child when a duplicate record is merged into another', async () => {
    const { db } = database;
    await aChild(db, { childId: 'DUP', forename: 'Morven', surname: 'Duplicate' });
    await aChild(db, { childId: 'KEEP', forename: 'Morven', surname: 'Kept' });
    await aCase(db, 'DUP', { team: 'West', openedDate: '2019-01-01' });
    const created = await services.caseFileAudits.createRound(lead, { name: 'Merge check', rubricId: signsOfSafety.rubricId, periodStart: '2019-01-01', periodEnd: '2019-12-31', sampleSize: 5, stratified: false });
    if (created.outcome !== 'created') throw new Error('not created');
    expect((await services.caseFileAudits.files(created.roundId)).map((f) => f.childId)).toEqual(['DUP']);
    expect(await services.childMerges.merge(lead, 'KEEP', 'DUP', 'Recorded twice')).toMatchObject({ outcome: 'merged' });
    expect((await services.caseFileAudits.files(created.roundId)).map((f) => [f.childId, f.childName])).toEqual([['KEEP', 'Morven Kept']]);
  });

  describe('a round from allocation to results', () => {
    let roundId: number;
    beforeAll(async () => {
      const created = await services.caseFileAudits.createRound(lead, { name: 'Summer 2026', rubricId: signsOfSafety.rubricId, ...period, sampleSize: 6, stratified: false, seed: 11 });
      if (created.outcome !== 'created') throw new Error('not created');
      roundId = created.roundId;
    });

    it('allocates files evenly, in turn, to team and service managers only, and each file can be given to someone else', async () => {
      expect(await services.caseFileAudits.allocate(lead, roundId, [practitioner.userId])).toEqual({ outcome: 'problems', problems: { auditors: 'Select at least one auditor' } });
      expect(await services.caseFileAudits.allocate(lead, roundId, [northManager.userId, southManager.userId])).toEqual({ outcome: 'allocated', files: 6 });
      const files = await services.caseFileAudits.files(roundId);
      expect(files.map((f) => f.auditorId)).toEqual([northManager, southManager, northManager, southManager, northManager, southManager].map((u) => u.userId));
      expect(await services.caseFileAudits.reallocate(lead, files[5]!.fileId, northManager.userId)).toEqual({ outcome: 'allocated' });
      expect(await services.caseFileAudits.reallocate(lead, files[5]!.fileId, southManager.userId)).toEqual({ outcome: 'allocated' });
      expect(await services.caseFileAudits.reallocate(lead, files[5]!.fileId, analyst.userId)).toEqual({ outcome: 'problems', problems: { auditorId: 'Select the auditor for this file' } });
    });

    it('shows an auditor the file allocated to them, even outside their team, with what the record shows, and audits it as a view of the child', async () => {
      const files = await services.caseFileAudits.files(roundId);
      const outsideTeam = files.find((f) => f.auditorId === northManager.userId && f.team !== 'North') ?? files.find((f) => f.auditorId === northManager.userId)!;
      expect(await services.children.mayAccess(northManager, outsideTeam.childId)).toBe(outsideTeam.team === 'North');
      // A Signs of Safety map with past harm and a danger statement paired with its goal.
      const started = await services.safety.startMap(lead, outsideTeam.childId, { title: 'Audit family map', siblingIds: [], fromLast: false });
      if (started.outcome !== 'started') throw new Error('no map');
      await services.safety.changeMap(lead, outsideTeam.childId, started.mapId, 1, { kind: 'item', item: { category: 'harm', words: 'Police were called twice', saidBy: 'Police', saidOn: '2026-01-05' } });
      await services.safety.changeMap(lead, outsideTeam.childId, started.mapId, 2, { kind: 'pair', pair: { dangerStatement: 'Worried about shouting', safetyGoal: 'Calm home', saidBy: 'Conference', saidOn: '2026-01-05' } });

      const shown = await services.caseFileAudits.openFile(northManager, outsideTeam.fileId, 'audit');
      if (shown.outcome !== 'shown') throw new Error(`refused: ${shown.outcome}`);
      expect(shown.facts.map?.title).toBe('Audit family map');
      const present = shown.facts.map!.elements.filter((e) => e.present).map((e) => e.element);
      expect(present).toEqual(['harm', 'danger_statements', 'safety_goals']);
      expect(shown.review).toBeUndefined();
      const views = (await auditsOf('child.viewed')).filter((e) => e.subject === `case file audit ${outsideTeam.fileId}`);
      expect(views).toEqual([{ child_id: outsideTeam.childId, subject: `case file audit ${outsideTeam.fileId}`, reason: 'Allocated for case file audit', details: { part: 'audit' } }]);
    });

    it('refuses a file to anyone it is not allocated to, and audits the refusal', async () => {
      const file = (await services.caseFileAudits.files(roundId)).find((f) => f.auditorId === southManager.userId)!;
      expect(await services.caseFileAudits.openFile(northManager, file.fileId, 'audit')).toEqual({ outcome: 'forbidden' });
      expect(await services.caseFileAudits.openFile(practitioner, file.fileId, 'audit')).toEqual({ outcome: 'forbidden' });
      expect(await services.caseFileAudits.grade(northManager, file.fileId, 'audit', { grades: {}, strengths: '', actions: '' })).toEqual({ outcome: 'forbidden' });
      const refusals = (await auditsOf('child.viewed')).filter((e) => e.subject === `case file audit ${file.fileId}`);
      expect(refusals.map((e) => e.details)).toEqual([{ refused: true, part: 'audit' }, { refused: true, part: 'audit' }]);
    });

    it('needs a grade on its own scale for every question', async () => {
      const file = (await services.caseFileAudits.files(roundId)).find((f) => f.auditorId === northManager.userId)!;
      const grades = gradesFor(signsOfSafety, (key) => (key === 'map_present' ? 'yes' : 'good'));
      const { map_present: _dropped, ...missingFirst } = grades;
      expect(await services.caseFileAudits.grade(northManager, file.fileId, 'audit', { grades: { ...missingFirst, safety_plan: 'yes' }, strengths: '', actions: '' })).toEqual({
        outcome: 'problems', problems: { q1: 'Select a grade for question 1', q6: 'Select a grade for question 6' },
      });
      expect(await services.caseFileAudits.grade(northManager, file.fileId, 'audit', { grades, strengths: 'Clear map', actions: 'Add the child’s voice' })).toEqual({ outcome: 'graded' });
      const shown = await services.caseFileAudits.openFile(northManager, file.fileId, 'audit');
      expect(shown.outcome === 'shown' && shown.review).toMatchObject({ strengths: 'Clear map', actions: 'Add the child’s voice', grades: { map_present: 'yes', safety_plan: 'good' } });
    });

    it('moderation: a second auditor, never the first, grades blind; Cairn reports agreement and kappa', async () => {
      const files = await services.caseFileAudits.files(roundId);
      // Grade every file: North's as 'good' (map yes), South's as 'adequate' except one safety plan 'good'.
      for (const file of files) {
        const user = file.auditorId === northManager.userId ? northManager : southManager;
        await services.caseFileAudits.grade(user, file.fileId, 'audit', { grades: gradesFor(signsOfSafety, (key) => (key === 'map_present' ? 'yes' : user === northManager ? 'good' : 'adequate')), strengths: '', actions: '' });
      }
      // A moderator can't open a file before it is chosen for them.
      expect(await services.caseFileAudits.openFile(lead, files[0]!.fileId, 'moderation')).toEqual({ outcome: 'forbidden' });
      expect(await services.caseFileAudits.setModeration(lead, roundId, { count: 7, moderatorIds: [lead.userId] })).toEqual({
        outcome: 'problems', problems: { count: 'Only 6 graded files are left to moderate. Enter 6 or fewer.' },
      });
      expect(await services.caseFileAudits.setModeration(lead, roundId, { count: 2, moderatorIds: [northManager.userId, southManager.userId] })).toEqual({ outcome: 'set', files: 2 });
      const moderated = (await services.caseFileAudits.files(roundId)).filter((f) => f.moderatorId);
      expect(moderated).toHaveLength(2);
      for (const file of moderated) expect(file.moderatorId).not.toBe(file.auditorId);
      // Once chosen for moderation, a file's first grades are fixed: the agreement is measured against them.
      const first = moderated[0]!;
      const firstAuditor = first.auditorId === northManager.userId ? northManager : southManager;
      expect(await services.caseFileAudits.grade(firstAuditor, first.fileId, 'audit', { grades: gradesFor(signsOfSafety, () => 'yes'), strengths: '', actions: '' })).toEqual({
        outcome: 'problems', problems: { q1: 'This file has been given to a second auditor to moderate, so its grades can no longer be changed' },
      });

      for (const file of moderated) {
        const moderator = file.moderatorId === northManager.userId ? northManager : southManager;
        const shown = await services.caseFileAudits.openFile(moderator, file.fileId, 'moderation');
        if (shown.outcome !== 'shown') throw new Error('refused');
        // Blind: the first auditor's grades are not given to the moderator.
        expect(shown.review).toBeUndefined();
        // The moderator agrees on map_present and grades every other question 'good'.
        await services.caseFileAudits.grade(moderator, file.fileId, 'moderation', { grades: gradesFor(signsOfSafety, (key) => (key === 'map_present' ? 'yes' : 'good')), strengths: '', actions: '' });
      }
      const results = (await services.caseFileAudits.results(roundId))!;
      // Each moderated file: 8 pairs. A North-graded file agrees on all 8; a South-graded one on 1 (map_present).
      const northFiles = moderated.filter((f) => f.auditorId === northManager.userId).length;
      const agreed = northFiles * 8 + (2 - northFiles) * 1;
      expect(results.agreement.moderatedFiles).toBe(2);
      expect(results.agreement.percentAgreement).toBe(Math.round((agreed / 16) * 1000) / 10);
      // Results are the first auditors' grades: 3 North files good, 3 South adequate.
      const plan = results.results.questions.find((q) => q.key === 'safety_plan')!;
      expect(plan.grades.counts.map((c) => c.count)).toEqual([0, 3, 3, 0, 0]);
      expect(plan.grades.percentGoodOrBetter).toBe(50);
    });

    it('works out kappa for the moderated files by hand', async () => {
      // A round of its own, so every grade is chosen here: both files audited by North, both moderated by South.
      const created = await services.caseFileAudits.createRound(lead, { name: 'Kappa check', rubricId: signsOfSafety.rubricId, ...period, sampleSize: 2, stratified: false, seed: 5 });
      if (created.outcome !== 'created') throw new Error('not created');
      await services.caseFileAudits.allocate(lead, created.roundId, [northManager.userId]);
      const [a, b] = await services.caseFileAudits.files(created.roundId);
      // File a: first auditor yes + 7 × good; moderator yes + 7 × good (8 agreements).
      // File b: first auditor yes + 7 × adequate; moderator no + 7 × good (0 agreements).
      await services.caseFileAudits.grade(northManager, a!.fileId, 'audit', { grades: gradesFor(signsOfSafety, (k) => (k === 'map_present' ? 'yes' : 'good')), strengths: '', actions: '' });
      await services.caseFileAudits.grade(northManager, b!.fileId, 'audit', { grades: gradesFor(signsOfSafety, (k) => (k === 'map_present' ? 'yes' : 'adequate')), strengths: '', actions: '' });
      expect(await services.caseFileAudits.setModeration(lead, created.roundId, { count: 2, moderatorIds: [southManager.userId] })).toEqual({ outcome: 'set', files: 2 });
      await services.caseFileAudits.grade(southManager, a!.fileId, 'moderation', { grades: gradesFor(signsOfSafety, (k) => (k === 'map_present' ? 'yes' : 'good')), strengths: '', actions: '' });
      await services.caseFileAudits.grade(southManager, b!.fileId, 'moderation', { grades: gradesFor(signsOfSafety, (k) => (k === 'map_present' ? 'no' : 'good')), strengths: '', actions: '' });
      // 16 pairs, 8 agree: po = 0.5. First: yes 2, good 7, adequate 7. Second: yes 1, no 1, good 14.
      // pe = (2 × 1 + 7 × 14) / 256 = 100 / 256. κ = (128 − 100) / (256 − 100) = 28 / 156 = 0.179… → 0.18.
      const { agreement } = (await services.caseFileAudits.results(created.roundId))!;
      expect(agreement).toEqual({ moderatedFiles: 2, percentAgreement: 50, kappa: 0.18 });
    });

    it('lists rounds and compares one with an earlier round, question by question, for quality:view only', async () => {
      const baseline = await services.caseFileAudits.createRound(lead, { name: 'Winter 2025', rubricId: signsOfSafety.rubricId, periodStart: '2025-10-01', periodEnd: '2025-12-31', sampleSize: 2, stratified: false, seed: 3 });
      if (baseline.outcome !== 'created') throw new Error('not created');
      await services.caseFileAudits.allocate(lead, baseline.roundId, [southManager.userId]);
      for (const file of await services.caseFileAudits.files(baseline.roundId)) {
        await services.caseFileAudits.grade(southManager, file.fileId, 'audit', { grades: gradesFor(signsOfSafety, (k) => (k === 'map_present' ? 'no' : 'weak')), strengths: '', actions: '' });
      }
      const rounds = await services.caseFileAudits.listRounds(analyst);
      expect(rounds.find((r) => r.id === roundId)).toMatchObject({ name: 'Summer 2026', rubricName: 'Signs of Safety practice', rubricVersion: 1, sampleSize: 6, filesGraded: 6 });
      expect(await services.caseFileAudits.listRounds(practitioner)).toEqual([]);
      await expect(services.caseFileAudits.compareRounds(practitioner, baseline.roundId, roundId)).rejects.toThrow('quality:view');

      const comparison = await services.caseFileAudits.compareRounds({ kind: 'user', user: analyst }, baseline.roundId, roundId);
      expect(comparison.baseline.name).toBe('Winter 2025');
      const map = comparison.questions.find((q) => q.questionKey === 'map_present')!;
      // Baseline: 0 of 2 Yes (0%). Summer: 6 first-auditor grades, all Yes (100%). +100 points.
      expect([map.baseline.percentGoodOrBetter, map.comparator.percentGoodOrBetter, map.changePoints]).toEqual([0, 100, 100]);
      const plan = comparison.questions.find((q) => q.questionKey === 'safety_plan')!;
      // Summer: the first auditors' good grades of 6; baseline all weak, 0%.
      const goodNow = plan.comparator.counts.find((c) => c.label === 'Good')!.count;
      expect(plan.baseline.percentGoodOrBetter).toBe(0);
      expect(plan.comparator.percentGoodOrBetter).toBe(Math.round((goodNow / 6) * 1000) / 10);
      expect(plan.changePoints).toBe(plan.comparator.percentGoodOrBetter);
      expect(comparison.agreement).toEqual({ baseline: { moderatedFiles: 0, percentAgreement: null, kappa: null }, comparator: (await services.caseFileAudits.results(roundId))!.agreement });
      expect(comparison.agreement.comparator.moderatedFiles).toBe(2);
    });
  });
});

/**
 * @module The demo's practice quality: after the import, the seed report's Signs of Safety story is recorded
 * through the training, case file audit and survey services — a staff register trained through the year, a
 * baseline audit round and a comparator a year later, and family and staff surveys with a wave each — as the
 * demo's service manager (the quality lead) and Family First team manager, so every step is audited as theirs.
 */
import type { Actor, SignedInUser } from '../../platform/access/user.js';
import type { Answers } from '../surveys/survey.js';
import { likertScales } from '../surveys/survey.js';
import type { DemoExtract } from './extract.js';
import { auditGrades, auditNotes, demoCourses, demoSurveys, planResponses, planTraining, practiceQualityDates, type Phase } from './practiceQualityPlan.js';
import { monthOf } from '../../platform/dates/formats.js';
import type { UserService } from '../users/userService.js';
import type { TrainingService } from '../training/trainingService.js';
import type { SurveyService } from '../surveys/surveyService.js';
import type { CaseFileAuditService } from '../caseFileAudits/caseFileAuditService.js';

/** What recordPracticeQuality needs from the composition root. */
export interface RecordPracticeQualityNeeds {
  caseFileAudits: CaseFileAuditService;
  surveys: SurveyService;
  training: TrainingService;
  users: UserService;
}

/** What was recorded, for the start-up line and the tests. */
export interface PracticeQualityRecorded {
  staff: number;
  sessions: number;
  rounds: { phase: Phase; roundId: number; files: number; moderated: number }[];
  waves: { survey: string; phase: Phase; waveId: number; responses: number }[];
}

const phases: readonly Phase[] = ['baseline', 'comparator'];


function saved<T extends { outcome: string }>(result: T, what: string): T {
  if (result.outcome === 'problems' || result.outcome === 'not_found' || result.outcome === 'forbidden') {
    throw new Error(`the demo could not record ${what}: ${JSON.stringify('problems' in result ? result.problems : result.outcome)}`);
  }
  return result;
}

async function recordTraining(services: RecordPracticeQualityNeeds, lead: Actor, extract: DemoExtract): Promise<{ staff: number; sessions: number }> {
  const plan = planTraining(extract.seed, extract.today);
  const staffIds = new Map<string, string>();
  for (const person of plan.staff) {
    const { key, ...details } = person;
    const result = saved(await services.training.addStaff(lead, { ...details, username: '' }), `${person.name} on the staff register`);
    if (result.outcome === 'saved') staffIds.set(key, result.id);
  }
  const courseIds = new Map<string, string>();
  for (const [key, course] of Object.entries(demoCourses)) {
    const result = saved(await services.training.addCourse(lead, course), `the course ${course.title}`);
    if (result.outcome === 'saved') courseIds.set(key, result.id);
  }
  for (const session of plan.sessions) {
    const added = saved(await services.training.addSession(lead, { courseId: courseIds.get(session.course)!, venue: session.venue, trainer: session.trainer, dates: session.dates }), 'a training session');
    if (added.outcome !== 'saved') continue;
    const ticks = new Set(session.attendance.flatMap((a) => a.days.map((d) => `${staffIds.get(a.staffKey)!}|${d}`)));
    saved(await services.training.recordAttendance(lead, added.id, ticks), 'a session’s attendance');
  }
  return { staff: plan.staff.length, sessions: plan.sessions.length };
}

/** One round: drawn, shared between the two auditors, every file graded, then about one in ten moderated. */
async function recordRound(services: RecordPracticeQualityNeeds, auditors: { lead: SignedInUser; manager: SignedInUser }, extract: DemoExtract, phase: Phase, roundSeed: number): Promise<PracticeQualityRecorded['rounds'][number] | undefined> {
  const audits = services.caseFileAudits;
  const rubric = (await audits.rubrics()).find((r) => r.name === 'Signs of Safety practice' && r.version === 1);
  if (!rubric) return undefined;
  const period = practiceQualityDates(extract.today)[phase];
  const name = `${phase === 'baseline' ? 'Baseline' : 'Comparator'} audit, ${monthOf(period.start)} to ${monthOf(period.end)}`;
  const created = await audits.createRound(auditors.lead, { name, rubricId: rubric.rubricId, periodStart: period.start, periodEnd: period.end, sampleSize: 120, stratified: true, seed: roundSeed });
  if (created.outcome !== 'created') return undefined;
  const { roundId } = created;
  saved(await audits.allocate(auditors.lead, roundId, [auditors.manager.userId, auditors.lead.userId]), 'the allocation of audit files');
  const byId = new Map([auditors.lead, auditors.manager].map((u) => [u.userId, u]));
  const questions = rubric.questions.map((q) => ({ key: q.key, scale: q.scale }));
  for (const file of await audits.files(roundId)) {
    const grades = auditGrades(extract.seed, phase, file.caseId, 'audit', questions);
    saved(await audits.grade(byId.get(file.auditorId!)!, file.fileId, 'audit', { grades, ...auditNotes(extract.seed, phase, file.caseId) }), 'an audit grade');
  }
  const toModerate = Math.max(1, Math.round(created.drawn / 10));
  saved(await audits.setModeration(auditors.lead, roundId, { count: toModerate, moderatorIds: [auditors.lead.userId, auditors.manager.userId] }), 'the moderation sample');
  let moderated = 0;
  for (const file of (await audits.files(roundId)).filter((f) => f.moderatorId)) {
    const grades = auditGrades(extract.seed, phase, file.caseId, 'moderation', questions);
    saved(await audits.grade(byId.get(file.moderatorId!)!, file.fileId, 'moderation', { grades, strengths: '', actions: '' }), 'a moderation');
    moderated += 1;
  }
  return { phase, roundId, files: created.drawn, moderated };
}

/** Each survey built, then per wave: opened, a link per respondent, each link answered as a respondent would, closed. */
async function recordSurveys(services: RecordPracticeQualityNeeds, lead: Actor, extract: DemoExtract): Promise<PracticeQualityRecorded['waves']> {
  const surveys = services.surveys;
  const dates = practiceQualityDates(extract.today);
  const recorded: PracticeQualityRecorded['waves'] = [];
  for (const planned of demoSurveys) {
    const created = saved(await surveys.create(lead, { title: planned.title, audience: planned.audience, intro: planned.intro }), `the survey ${planned.title}`);
    if (created.outcome !== 'done') continue;
    for (const q of planned.questions) {
      await surveys.addQuestion(lead, created.surveyId, {
        kind: q.kind, text: q.text, hint: q.hint, scale: q.scale ? [...likertScales[q.scale]] : [], asksPersonalData: false, required: q.kind === 'likert',
      });
    }
    const questionIds = (await surveys.show(lead, created.surveyId)).questions.map((q) => q.questionId);
    for (const phase of phases) {
      // Each wave runs for the month after its audit period ends (30 September to 30 October).
      const name = `${phase === 'baseline' ? 'Baseline' : 'Comparator'}, autumn ${dates[phase].end.slice(0, 4)}`;
      const wave = saved(await surveys.openWave(lead, created.surveyId, name, dates[phase].end), `a wave of ${planned.title}`);
      if (wave.outcome !== 'done') continue;
      const responses = planResponses(extract.seed, planned, phase);
      const tokens = await surveys.issueLinks(lead, wave.waveId, responses.length);
      for (const [index, response] of responses.entries()) {
        const answers: Answers = new Map();
        response.forEach((answer, position) => { if (answer) answers.set(questionIds[position]!, answer); });
        if ((await surveys.respond(tokens[index]!, answers)) !== 'recorded') throw new Error('the demo could not record a survey response');
      }
      await surveys.closeWave(lead, wave.waveId, `${dates[phase].end.slice(0, 4)}-10-30`);
      recorded.push({ survey: planned.title, phase, waveId: wave.waveId, responses: responses.length });
    }
  }
  return recorded;
}

/**
 * Record the practice-quality story as the demo's service manager (quality lead, second auditor) and Family First
 * team manager (auditor). Nothing is recorded without both accounts, or when the service already has training,
 * audit rounds or surveys (so a second `cairn demo` adds nothing twice). Returns what was recorded.
 * @example const recorded = await recordPracticeQuality(services, extract) // { staff: 61, sessions: 13, rounds: [...], waves: [...] }
 */
export async function recordPracticeQuality(services: RecordPracticeQualityNeeds, extract: DemoExtract): Promise<PracticeQualityRecorded | undefined> {
  const users = await services.users.list();
  const lead = users.find((u) => u.username === 'service.manager' && u.role === 'service_manager');
  const manager = users.find((u) => u.username === 'manager' && u.role === 'team_manager');
  if (!lead || !manager) return undefined;
  const leadActor: Actor = { kind: 'user', user: lead };
  const [staff, rounds, surveys] = await Promise.all([services.training.staff(), services.caseFileAudits.rounds(), services.surveys.list(leadActor)]);
  if (staff.length || rounds.length || surveys.length) return undefined;

  const training = await recordTraining(services, leadActor, extract);
  const recordedRounds: PracticeQualityRecorded['rounds'] = [];
  for (const phase of phases) {
    // The draw's seed comes from the demo's, so the same demo draws the same files.
    const round = await recordRound(services, { lead, manager }, extract, phase, (extract.seed * 7919 + (phase === 'baseline' ? 17 : 29)) >>> 1);
    if (round) recordedRounds.push(round);
  }
  return { ...training, rounds: recordedRounds, waves: await recordSurveys(services, leadActor, extract) };
}

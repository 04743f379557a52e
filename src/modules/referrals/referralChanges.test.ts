/**
 * @module Changing referrals (issue 12): two managers working one referral at once are merged field by field, a clash
 * on the same field shows both values; decisions and allocations are corrected as amendments with a reason (record
 * updated, history, audit, chronology, figures recomputed); withdrawing one recorded in error asks first. Every
 * path taking a referral id is refused to a manager of another team.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { statsService } from '../reporting/statsService.js';

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const team = 'Family First';

describe(`changing, correcting and withdrawing referrals (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let manager: { cookie: string; user: SignedInUser };
  let colleague: { cookie: string; user: SignedInUser };
  let outsider: { cookie: string; user: SignedInUser };
  let lead: { cookie: string; user: SignedInUser };

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aUser(database.db, 'practitioner', { team, workerId: 'RW1' });
    await aUser(database.db, 'practitioner', { team, workerId: 'RW2' });
    app = await buildApp(services, { logger: false });
    manager = await signInAs(app, services, 'team_manager', { team });
    colleague = await signInAs(app, services, 'team_manager', { team });
    outsider = await signInAs(app, services, 'team_manager', { team: 'Children and Families North' });
    lead = await signInAs(app, services, 'service_manager');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function aReferral(forename: string): Promise<{ referralId: string; childId: string }> {
    const recorded = await services.referrals.record(manager.user, {
      receivedDate: '2022-03-01', source: 'education', reason: 'Attendance has fallen', schoolCluster: 'Belmont', team,
      children: [{ kind: 'new', forename, surname: 'Fictional', dateOfBirth: '2015-04-05' }],
    });
    if (recorded.outcome !== 'recorded') throw new Error('not recorded');
    const [row] = await database.db.query<{ child_id: string }>('select child_id from referral_intake where referral_id = $1', [recorded.referralIds[0]]);
    return { referralId: recorded.referralIds[0]!, childId: row!.child_id };
  }

  /** Open a page's form (the first one posting to `action`) as this session; send it with some fields changed. */
  async function opened(cookie: string, page: string, action = page) {
    const shown = await openForm(app, page, cookie);
    const form = postForms(shown.html, page).find((candidate) => candidate.action === action);
    if (!form) throw new Error(`no form posting to ${action} on ${page}`);
    return {
      html: shown.html,
      cookie: shown.cookie,
      send: (changes: Record<string, string>) => app.inject({ method: 'POST', url: action, headers: urlencoded(shown.cookie), payload: encode({ ...form.hidden, ...form.shown, ...changes }) }),
    };
  }

  const intake = async (referralId: string) =>
    (await database.db.query<Record<string, unknown>>('select source, reason, screening_notes, pathway, decision_reason, version, withdrawn_reason from referral_intake where referral_id = $1', [referralId]))[0]!;

  const familyFirstChildren = async () => {
    const { rows } = await statsService(database.db).compute({ years: { first: 2021, last: 2021 }, from: '2022-03-01', to: '2022-03-31' });
    return rows.filter((row) => row.indicator === 'referrals.children' && row.school_cluster === 'Belmont')
      .reduce<Record<string, number>>((byPathway, row) => ({ ...byPathway, [String(row.pathway)]: row.value }), {});
  };

  it('merges two managers changing different details, and shows both values when they change the same one', async () => {
    const { referralId } = await aReferral('Isla');
    const url = paths.referrals.details({ referralId });
    const mine = await opened(manager.cookie, url);
    const theirs = await opened(colleague.cookie, url);
    expect((await mine.send({ source: 'health' })).statusCode).toBe(303);
    const merged = await theirs.send({ reason: 'Attendance has fallen; missed health visits' });
    expect(merged.statusCode).toBe(303);
    expect(await intake(referralId)).toMatchObject({ source: 'health', reason: 'Attendance has fallen; missed health visits' });

    const third = await opened(manager.cookie, url);
    const fourth = await opened(colleague.cookie, url);
    expect((await third.send({ reason: 'Attendance, checked with school' })).statusCode).toBe(303);
    const clash = await fourth.send({ reason: 'Attendance, checked with the family' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Reason: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: Attendance, checked with school');
    expect(clash.body).toContain('Use mine: Attendance, checked with the family');
    expect((await intake(referralId)).reason).toBe('Attendance, checked with school');
    // Choosing theirs on the re-shown form saves theirs; nothing of mine overwrote it meanwhile.
    const reshown = postForms(clash.body, url).find((f) => f.action === url)!;
    const chose = await app.inject({ method: 'POST', url, headers: urlencoded(sessionCookie(clash, fourth.cookie)), payload: encode({ ...reshown.hidden, ...reshown.shown, reason: 'Attendance, checked with the family', '_keep-reason': 'theirs' }) });
    expect(chose.statusCode).toBe(303);
    expect((await intake(referralId)).reason).toBe('Attendance, checked with school');
    // Each save is audited on the child's record with what it said before and after.
    const audited = await database.db.query<{ before: string; after: string }>(
      "select details->'before'->>'Referred by' as before, details->'after'->>'Referred by' as after from audit_events where action = 'referral.changed' and subject = $1 order by event_id", [referralId]);
    expect(audited).toHaveLength(4);
    expect(audited[0]).toEqual({ before: 'Education', after: 'Health' });
  });

  it('screening by two managers at once: a clash on the notes shows both, nothing is overwritten', async () => {
    const { referralId } = await aReferral('Rory');
    const page = paths.referrals.show({ referralId });
    const screen = paths.referrals.screen({ referralId });
    const mine = await opened(manager.cookie, page, screen);
    const theirs = await opened(colleague.cookie, page, screen);
    expect((await mine.send({ screeningNotes: 'School nurse spoken to' })).statusCode).toBe(303);
    const clash = await theirs.send({ screeningNotes: 'Parents spoken to' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Keep theirs: School nurse spoken to');
    expect(clash.body).toContain('Use mine: Parents spoken to');
    expect((await intake(referralId)).screening_notes).toBe('School nurse spoken to');
  });

  it('corrects a decision with a reason: the record, its history, the audit, the chronology and the figures use it', async () => {
    const { referralId, childId } = await aReferral('Cara');
    const before = await familyFirstChildren();
    expect(await services.referrals.decide(manager.user, referralId, { pathway: 'family_first', reason: 'Early help fits', decidedDate: '2022-03-03' })).toEqual({ outcome: 'decided' });
    expect(await familyFirstChildren()).toEqual({ ...before, family_first: (before.family_first ?? 0) + 1 });

    const url = paths.referrals.correctDecision({ referralId });
    const form = await opened(manager.cookie, url);
    const noReason = await form.send({ pathway: 'signposted' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Enter why this is being corrected');
    expect((await intake(referralId)).pathway).toBe('family_first');

    const saved = await form.send({ pathway: 'signposted', decisionReason: 'School support is enough', correctionReason: 'the wrong pathway was chosen' });
    expect(saved.statusCode).toBe(303);
    expect(await familyFirstChildren()).toEqual({ ...before, signposted: (before.signposted ?? 0) + 1 });
    expect(await database.db.query('select pathway, closed_date::text from referrals where referral_id = $1', [referralId])).toEqual([{ pathway: 'signposted', closed_date: '2022-03-03' }]);

    const shown = await app.inject({ url: paths.referrals.show({ referralId }), headers: { cookie: sessionCookie(saved, manager.cookie) } });
    expect(shown.body).toContain('Decision corrected');
    expect(shown.body).toMatch(/Amended by Test team_manager \d+ on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} because the wrong pathway was chosen/);
    expect(shown.body).toContain('Pathway: was Family First, now Signposted');
    const audited = await database.db.query<{ reason: string; child_id: string }>("select reason, child_id from audit_events where action = 'referral.amended' and subject = $1", [referralId]);
    expect(audited).toEqual([{ reason: 'the wrong pathway was chosen', child_id: childId }]);
    const amended = await database.db.query<{ n: number }>("select count(*)::int as n from amendments where record_kind = 'referral' and record_id = $1", [referralId]);
    expect(amended).toEqual([{ n: 1 }]);
    const chronology = await app.inject({ url: paths.children.chronology({ childId }), headers: { cookie: lead.cookie } });
    expect(chronology.statusCode).toBe(200);
    expect(chronology.body).toContain('A referral was corrected');
    expect(chronology.body).toContain('the wrong pathway was chosen');
  });

  it('two managers correcting one decision: different fields merged, the same field a clash', async () => {
    const { referralId } = await aReferral('Euan');
    await services.referrals.decide(manager.user, referralId, { pathway: 'social_work_assessment', reason: 'Needs assessing', decidedDate: '2022-03-04' });
    const url = paths.referrals.correctDecision({ referralId });
    const mine = await opened(manager.cookie, url);
    const theirs = await opened(colleague.cookie, url);
    expect((await mine.send({ 'decided-day': '5', correctionReason: 'date mistyped' })).statusCode).toBe(303);
    expect((await theirs.send({ decisionReason: 'Needs a full assessment', correctionReason: 'reason unclear' })).statusCode).toBe(303);
    expect(await database.db.query('select decided_date::text, decision_reason from referral_intake where referral_id = $1', [referralId]))
      .toEqual([{ decided_date: '2022-03-05', decision_reason: 'Needs a full assessment' }]);

    const third = await opened(manager.cookie, url);
    const fourth = await opened(colleague.cookie, url);
    expect((await third.send({ pathway: 'family_first', correctionReason: 'early help after all' })).statusCode).toBe(303);
    const clash = await fourth.send({ pathway: 'signposted', correctionReason: 'signposting fits' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Pathway: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: Family First');
    expect(clash.body).toContain('Use mine: Signposted');
    expect((await intake(referralId)).pathway).toBe('family_first');
  });

  it('corrects an allocation: the case moves to the other worker, with the history kept', async () => {
    const { referralId } = await aReferral('Finn');
    await services.referrals.decide(manager.user, referralId, { pathway: 'family_first', reason: 'Early help fits', decidedDate: '2022-03-03' });
    const allocated = await services.referrals.allocate(manager.user, referralId, { workerId: 'RW1', openedDate: '2022-03-04' });
    if (allocated.outcome !== 'allocated') throw new Error(allocated.outcome);
    const url = paths.referrals.correctAllocation({ referralId });
    const form = await opened(manager.cookie, url);
    const same = await form.send({ workerId: 'RW1', correctionReason: 'checking' });
    expect(same.statusCode).toBe(422);
    expect(same.body).toContain('Select a different worker');
    const saved = await form.send({ workerId: 'RW2', correctionReason: 'allocated to the wrong worker' });
    expect(saved.statusCode).toBe(303);
    expect(await database.db.query('select worker_id from cases where case_id = $1', [allocated.caseId])).toEqual([{ worker_id: 'RW2' }]);
    const shown = await app.inject({ url: paths.referrals.show({ referralId }), headers: { cookie: manager.cookie } });
    expect(shown.body).toMatch(/Allocated to: was [^,]+ \(RW1\), now [^,]+ \(RW2\)/);
    // A case is open: the referral is not withdrawn, and its pathway is not changed here.
    expect((await app.inject({ url: paths.referrals.withdraw({ referralId }), headers: { cookie: manager.cookie } })).statusCode).toBe(409);
    expect(await services.referrals.correctDecision(manager.user, referralId, { pathway: 'signposted', reason: 'x', decidedDate: '2022-03-03' }, 'y', 4))
      .toEqual({ outcome: 'problems', problems: { pathway: expect.stringContaining('close the case') } });
  });

  it('withdrawing a referral recorded in error asks first, then takes it out of the tray and every figure', async () => {
    const { referralId, childId } = await aReferral('Mhairi');
    const uncounted = await familyFirstChildren();
    await services.referrals.decide(manager.user, referralId, { pathway: 'no_further_action', reason: 'Duplicate of a call', decidedDate: '2022-03-02' });
    expect(await familyFirstChildren()).toEqual({ ...uncounted, no_further_action: (uncounted.no_further_action ?? 0) + 1 });
    const url = paths.referrals.withdraw({ referralId });
    const form = await opened(manager.cookie, url);
    const asked = await form.send({ withdrawReason: 'recorded against the wrong child' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Withdraw the referral for Mhairi Fictional?');
    expect(asked.body).toContain('Yes, withdraw it');
    expect((await intake(referralId)).withdrawn_reason).toBeNull();

    const confirmForm = postForms(asked.body, url).find((f) => f.action === url)!;
    const done = await app.inject({ method: 'POST', url, headers: urlencoded(sessionCookie(asked, form.cookie)), payload: encode({ ...confirmForm.hidden, ...confirmForm.shown }) });
    expect(done.statusCode).toBe(303);
    expect((await intake(referralId)).withdrawn_reason).toBe('recorded against the wrong child');
    expect(await database.db.query('select 1 from referrals where referral_id = $1', [referralId])).toEqual([]);
    expect(await familyFirstChildren()).toEqual(uncounted);
    // An undecided one leaves the tray.
    const undecided = await aReferral('Morag');
    const trayIds = async () => (await services.referrals.tray(manager.user)).map((r) => r.referralId);
    expect(await trayIds()).toContain(undecided.referralId);
    expect(await services.referrals.withdraw(manager.user, undecided.referralId, 'entered twice', 1)).toEqual({ outcome: 'amended' });
    expect(await trayIds()).not.toContain(undecided.referralId);
    const audited = await database.db.query<{ child_id: string }>("select child_id from audit_events where action = 'referral.withdrawn' and subject = $1", [referralId]);
    expect(audited).toEqual([{ child_id: childId }]);
    const shown = await app.inject({ url: paths.referrals.show({ referralId }), headers: { cookie: manager.cookie } });
    expect(shown.body).toContain('because recorded against the wrong child');
    expect(shown.body).not.toContain('Withdraw the referral (recorded in error)');
  });

  it('refuses every change path to a manager of another team, and writes nothing', async () => {
    const { referralId } = await aReferral('Neil');
    await services.referrals.decide(manager.user, referralId, { pathway: 'family_first', reason: 'Early help fits', decidedDate: '2022-03-03' });
    const before = await intake(referralId);
    const ids = { referralId };
    for (const url of [paths.referrals.details(ids), paths.referrals.correctDecision(ids), paths.referrals.correctAllocation(ids), paths.referrals.withdraw(ids), paths.referrals.group(ids)]) {
      expect((await app.inject({ url, headers: { cookie: outsider.cookie } })).statusCode, url).toBe(403);
      const page = await openForm(app, paths.referrals.tray(), outsider.cookie);
      const posted = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: encode({ _csrf: page.token, pathway: 'signposted', decisionReason: 'x', correctionReason: 'y', withdrawReason: 'z', confirmed: 'yes', workerId: 'RW2' }) });
      expect(posted.statusCode, url).toBe(403);
    }
    expect(await intake(referralId)).toEqual(before);
  });
});

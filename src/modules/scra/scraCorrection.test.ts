/**
 * @module Correcting and withdrawing Reporter records (issue 12): referrals, the Reporter's decision and hearing outcomes
 * are corrected with a reason as amendments (audited, in the chronology and the Reporter page's history), every figure
 * uses the corrected record (scra.children, scra.offence_children), withdrawals ask to confirm, two corrections at once
 * are merged field by field, and every path is refused outside the child's team.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import { statsService } from '../reporting/statsService.js';
import type { SignedInUser } from '../../platform/access/user.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`correcting and withdrawing Reporter records (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let worker: string;
  let colleague: string;
  let outsider: string;
  let workerUser: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'RC1', forename: 'Morag', surname: 'Fraser' });
    await aCase(database.db, 'RC1', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    ({ cookie: worker, user: workerUser } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    ({ cookie: colleague } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    ({ cookie: outsider } = await signInAs(app, services, 'team_manager', { team: 'North' }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** The figure for a financial year ending in March of `year`. */
  async function figure(indicator: string, year: number): Promise<number | undefined> {
    const { rows } = await statsService(database.db).compute({ years: { first: year, last: year } });
    return rows.find((row) => row.indicator === indicator)?.value;
  }
  async function referral(referralDate: string, ground: string): Promise<string> {
    const before = await services.scra.referralsOf(workerUser, 'RC1');
    await services.scra.refer(workerUser, 'RC1', { referralDate, ground });
    const after = await services.scra.referralsOf(workerUser, 'RC1');
    if (before.outcome !== 'found' || after.outcome !== 'found') throw new Error('no access');
    return after.referrals.find((r) => !before.referrals.some((b) => b.scraReferralId === r.scraReferralId))!.scraReferralId;
  }
  async function opened(url: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const found = postForms(page.html, url).find((candidate) => candidate.action === url);
    return { page, send: (changes: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...found!.hidden, ...found!.shown, ...changes }) }) };
  }
  /** Post a withdrawal with its reason, then say yes on the confirmation page. */
  async function withdraw(url: string, reason: string) {
    const start = await opened(url, worker);
    const asked = await start.send({ reason });
    if (asked.statusCode !== 200 || !asked.body.includes('Yes, withdraw it')) return asked;
    const confirmation = postForms(asked.body, url).find((candidate) => candidate.action === url && candidate.hidden.confirmed === 'yes');
    return app.inject({ method: 'POST', url, headers: urlencoded(start.page.cookie), payload: form(confirmation!.hidden) });
  }

  it('corrects a referral’s date and ground with a reason: the Reporter figures move with it, the original stays in the history', async () => {
    const referralId = await referral('2024-04-02', 'a');
    expect(await figure('scra.children', 2025)).toBe(1);
    expect(await figure('scra.offence_children', 2024)).toBe(0);
    const url = paths.care.correctScraReferral({ childId: 'RC1', referralId });
    const correction = await opened(url, worker);
    const noReason = await correction.send({ 'referralDate-day': '28', 'referralDate-month': '3' });
    expect(noReason.statusCode).toBe(200);
    expect(noReason.body).toContain('Enter why the referral is being corrected');
    expect(await figure('scra.children', 2025)).toBe(1);

    const saved = await correction.send({ 'referralDate-day': '28', 'referralDate-month': '3', ground: 'j', reason: 'the Reporter’s letter gives 28 March' });
    expect(saved.statusCode).toBe(303);
    expect(await figure('scra.children', 2025)).toBe(0);
    expect(await figure('scra.children', 2024)).toBe(1);
    expect(await figure('scra.offence_children', 2024)).toBe(1);

    const page = await app.inject({ url: paths.care.scra({ childId: 'RC1' }), headers: { cookie: sessionCookie(saved, correction.page.cookie) } });
    expect(page.body).toContain('Referral to the Reporter corrected');
    expect(page.body).toMatch(/A referral: Amended by Test team_manager \d+ on [^<]+ because the Reporter’s letter gives 28 March/);
    expect(page.body).toContain('Date of referral: was 2 April 2024, now 28 March 2024');
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'scra.amended' and subject = $1", [referralId]);
    expect(audited).toEqual([{ reason: 'the Reporter’s letter gives 28 March' }]);
    const chronology = await app.inject({ url: paths.children.chronology({ childId: 'RC1' }), headers: { cookie: worker } });
    expect(chronology.body).toContain('A referral to the Children’s Reporter was corrected or withdrawn');
  });

  it('corrects and withdraws hearing outcomes and the Reporter’s decision, each asked to confirm; a referral with hearings is withdrawn last', async () => {
    const referralId = await referral('2024-06-03', 'b');
    await services.scra.decide(workerUser, 'RC1', referralId, { decision: 'hearing_arranged', decisionDate: '2024-06-10' });
    await services.scra.recordHearing(workerUser, 'RC1', referralId, { hearingDate: '2024-07-01', outcome: 'deferred', reviewDate: null });
    const found = await services.scra.referralsOf(workerUser, 'RC1');
    const hearingId = found.outcome === 'found' ? found.referrals.find((r) => r.scraReferralId === referralId)!.hearings[0]!.hearingId : '';
    const ref = { childId: 'RC1', referralId, hearingId };

    const hearing = await opened(paths.care.correctScraHearing(ref), worker);
    const tooLate = await hearing.send({ outcome: 'cso_made', reason: 'an order was made' });
    expect(tooLate.body).toContain('Enter the date the order must be reviewed by');
    const corrected = await hearing.send({ outcome: 'cso_made', 'reviewDate-day': '1', 'reviewDate-month': '1', 'reviewDate-year': '2025', reason: 'an order was made' });
    expect(corrected.statusCode).toBe(303);
    const [row] = await database.db.query<{ outcome: string; review_date: string }>('select outcome, review_date::text from scra_hearings where hearing_id = $1', [hearingId]);
    expect(row).toEqual({ outcome: 'cso_made', review_date: '2025-01-01' });

    const refused = await withdraw(paths.care.withdrawScraReferral(ref), 'recorded against the wrong child');
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('This referral has hearing outcomes recorded. Withdraw them first.');
    expect(await figure('scra.children', 2025)).toBe(1);

    const asked = await (await opened(paths.care.withdrawScraHearing(ref), worker)).send({ reason: 'recorded against the wrong child' });
    expect(asked.body).toContain('Withdraw a hearing outcome?');
    expect((await database.db.query('select 1 from scra_hearings where hearing_id = $1', [hearingId])).length).toBe(1);
    expect((await withdraw(paths.care.withdrawScraHearing(ref), 'recorded against the wrong child')).statusCode).toBe(303);
    expect((await withdraw(paths.care.withdrawScraDecision(ref), 'recorded against the wrong child')).statusCode).toBe(303);
    const [decision] = await database.db.query<{ reporter_decision: string | null }>('select reporter_decision from scra_referrals where scra_referral_id = $1', [referralId]);
    expect(decision).toEqual({ reporter_decision: null });
    expect((await withdraw(paths.care.withdrawScraReferral(ref), 'recorded against the wrong child')).statusCode).toBe(303);
    expect(await figure('scra.children', 2025)).toBe(0);

    const page = await app.inject({ url: paths.care.scra({ childId: 'RC1' }), headers: { cookie: worker } });
    expect(page.body).toContain('Status: was Recorded, now Withdrawn');
    expect(page.body).toContain('Outcome: was Decision deferred, now Compulsory Supervision Order made');
    const audited = await database.db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'scra.withdrawn' and child_id = 'RC1'");
    expect(audited[0]!.n).toBe(3);
  });

  it('merges two corrections of a referral’s different fields, and shows both values for the same field', async () => {
    const referralId = await referral('2024-09-02', 'c');
    const url = paths.care.correctScraReferral({ childId: 'RC1', referralId });
    const first = await opened(url, worker);
    const second = await opened(url, colleague);
    expect((await first.send({ 'referralDate-day': '3', reason: 'date mistyped' })).statusCode).toBe(303);
    expect((await second.send({ ground: 'd', reason: 'ground mistyped' })).statusCode).toBe(303);
    const [row] = await database.db.query<{ referral_date: string; ground: string }>('select referral_date::text, trim(ground) as ground from scra_referrals where scra_referral_id = $1', [referralId]);
    expect(row).toEqual({ referral_date: '2024-09-03', ground: 'd' });

    const third = await opened(url, worker);
    const fourth = await opened(url, colleague);
    expect((await third.send({ 'referralDate-day': '4', reason: 'letter checked' })).statusCode).toBe(303);
    const clash = await fourth.send({ 'referralDate-day': '5', reason: 'my reading' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Date of referral (day): someone else changed this too');
    expect(clash.body).toContain('Keep theirs: 4');
    expect(clash.body).toContain('Use mine: 5');
  });

  it('refuses every correction and withdrawal to someone outside the child’s team, and writes nothing', async () => {
    const referralId = await referral('2024-10-01', 'a');
    await services.scra.recordHearing(workerUser, 'RC1', referralId, { hearingDate: '2024-10-20', outcome: 'deferred', reviewDate: null });
    const found = await services.scra.referralsOf(workerUser, 'RC1');
    const hearingId = found.outcome === 'found' ? found.referrals.find((r) => r.scraReferralId === referralId)!.hearings[0]!.hearingId : '';
    const ref = { childId: 'RC1', referralId, hearingId };
    const urls = [paths.care.correctScraReferral(ref), paths.care.withdrawScraReferral(ref), paths.care.withdrawScraDecision(ref), paths.care.correctScraHearing(ref), paths.care.withdrawScraHearing(ref)];
    const { token, cookie } = await openForm(app, paths.care.hub(), outsider);
    const amendmentsBefore = await database.db.query('select 1 from amendments');
    for (const url of urls) {
      expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode).toBe(403);
      const posted = await app.inject({ method: 'POST', url, headers: urlencoded(cookie), payload: form({ _csrf: token, reason: 'x', confirmed: 'yes', outcome: 'deferred', ground: 'a' }) });
      expect(posted.statusCode).toBe(403);
    }
    expect((await database.db.query('select 1 from amendments')).length).toBe(amendmentsBefore.length);
    expect((await app.inject({ url: paths.care.correctScraHearing({ ...ref, hearingId: 'H-nope' }), headers: { cookie: worker } })).statusCode).toBe(404);
  });
});

/**
 * @module Every form keeps what was typed (issue 12, item 1): walks the site as each demo user, finds every POST
 * form on a GET page, sends it after the session has timed out (as a browser without JavaScript would), signs in
 * again and checks the person lands back on the same page with every typed field given back, until saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../composition.js';
import { buildApp } from './app.js';
import { demoPassword } from '../modules/demo/demoUsers.js';
import { engineUnderTest, type TestDatabase } from '../../test/support/testDatabase.js';
import { createDemoTestDatabase } from '../../test/support/demoTemplate.js';
import { testConfig } from '../../test/support/testConfig.js';
import { sessionCookie, signIn } from '../../test/support/signIn.js';
import { aged } from '../../test/support/idleSession.js';
import { paths } from '../platform/http/paths.js';
import { pageLinks, patternMatcher, postForms, type PageForm } from '../../test/support/pageForms.js';
import { aCase, aChild } from '../../test/support/factories.js';
import type { SignedInUser } from '../platform/access/user.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;

/** A page with a form found by walking the site, and who found it. */
interface FoundForm {
  username: string;
  page: string;
  form: PageForm;
  postPattern: string;
}

const found = new Map<string, FoundForm>();
/** POST routes whose only forms are buttons (nothing to type, so nothing to keep). */
const buttonsOnly = new Set<string>();
/** Every form's submission token seen on the walk, and the forms drawn without one or with one drawn before (ADR 0085). */
const submissionTokens = new Set<string>();
const withoutOwnToken: string[] = [];
const origin = 'http://localhost:80';
const pagesPerPattern = 4;
const walkedAs = ['practitioner', 'manager', 'service.manager', 'admin'];

/** The route pattern a path belongs to: of the patterns it matches, the one with fewest parameters (as the router picks). */
function patternOf(patterns: string[], path: string): string | undefined {
  const matching = patterns.filter((pattern) => patternMatcher(pattern).test(path));
  return matching.sort((a, b) => (a.match(/:/g)?.length ?? 0) - (b.match(/:/g)?.length ?? 0))[0];
}

/** Visit one page of each GET route this person can reach from the start page, noting its POST forms. */
async function walk(username: string, getPatterns: string[], postPatterns: string[], starts: string[]): Promise<void> {
  const cookie = await signIn(app, username, demoPassword);
  const visits = new Map<string, number>();
  const seen = new Set<string>();
  // The site as the demo shows it first; then the pages of the records made for the walk, whatever the count so far.
  const queue = ['/'];
  const later = [...starts];
  while (queue.length || later.length) {
    const started = queue.length === 0;
    const page = queue.shift() ?? later.shift()!;
    const pattern = patternOf(getPatterns, page);
    // A few records of each kind: one referral may be decided already, the next still waiting for a decision.
    const limit = started ? Infinity : pattern?.includes(':') ? pagesPerPattern : 1;
    if (!pattern || seen.has(page) || (visits.get(pattern) ?? 0) >= limit) continue;
    seen.add(page);
    visits.set(pattern, (visits.get(pattern) ?? 0) + 1);
    const response = await app.inject({ method: 'GET', url: page, headers: { cookie } });
    if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
    for (const form of postForms(response.body, page)) {
      const postPattern = patternOf(postPatterns, form.action);
      const token = form.hidden._submission;
      if (!token || submissionTokens.has(token)) withoutOwnToken.push(`${form.action} on ${page}: ${token ? 'a token drawn before' : 'no token'}`);
      if (token) submissionTokens.add(token);
      if (!postPattern || form.notKept) continue;
      if (form.typed.length === 0) buttonsOnly.add(postPattern);
      else if (!found.has(postPattern)) found.set(postPattern, { username, page, form, postPattern });
    }
    queue.push(...pageLinks(response.body));
  }
}

/** The demo has no safety map and no survey still being built: add one of each, so their forms are walked too. */
async function recordsTheDemoLacks(): Promise<string[]> {
  const users = await services.users.list();
  const practitioner = (await services.users.findById(users.find((user) => user.username === 'practitioner')!.userId))!;
  const lead = (await services.users.findById(users.find((user) => user.username === 'service.manager')!.userId))!;
  const [child] = await database.db.query<{ child_id: string }>(
    'select child_id from cases where worker_id = $1 and closed_date is null order by child_id limit 1', [practitioner.workerId]);
  const started = await services.safety.startMap(practitioner, child!.child_id, { title: 'Walked map', siblingIds: [], fromLast: false });
  if (started.outcome !== 'started') throw new Error('could not start a safety map');
  const pair = { dangerStatement: 'Dad drinks', safetyGoal: 'Children safe', saidBy: 'Mum', saidOn: '2022-10-01' };
  await services.safety.changeMap(practitioner, child!.child_id, started.mapId, 1, { kind: 'pair', pair });
  // One of every other part of a map, and a key person, so their change forms are walked too.
  await services.safety.changeMap(practitioner, child!.child_id, started.mapId, 2, { kind: 'item', item: { category: 'existing_strength', words: 'Gran visits', saidBy: 'Gran', saidOn: '2022-10-01' } });
  await services.safety.changeMap(practitioner, child!.child_id, started.mapId, 3, { kind: 'member', member: { name: 'Gran', relationship: 'Gran', agreedToDo: 'Visit' } });
  await services.safety.changeMap(practitioner, child!.child_id, started.mapId, 4, { kind: 'rule', rule: { rule: 'No drinking', whoDoesWhat: 'Dad', ifBroken: 'Call Gran' } });
  await services.keyPeople.add(practitioner, child!.child_id, { name: 'Walked Person', relationship: 'Health visitor', inHousehold: false, agency: null, contact: null });
  const survey = await services.surveys.create({ kind: 'user', user: lead }, { title: 'Walked survey', audience: 'staff', intro: '' });
  if (survey.outcome !== 'done') throw new Error('could not build a survey');
  for (const text of ['What went well?', 'Anything else?']) {
    await services.surveys.addQuestion({ kind: 'user', user: lead }, survey.surveyId, { kind: 'free_text', text, hint: '', scale: [], asksPersonalData: false, required: false });
  }
  // The demo records no child protection planning meetings: one, so its correct and withdraw forms are walked.
  await services.protection.recordMeeting(practitioner, child!.child_id, { meetingDate: '2022-09-01', kind: 'initial', decision: 'do_not_register' });
  // A booking's page (a resource's page lists only this month's stays), and a Reporter referral with a decision and a
  // hearing (the demo has none), so that changing a booking and correcting or withdrawing Reporter records are walked.
  const [booking] = await database.db.query<{ booking_id: string; child_id: string }>('select booking_id, child_id from place_bookings order by start_date desc, booking_id limit 1');
  await services.scra.refer(practitioner, child!.child_id, { referralDate: '2099-01-05', ground: 'a' });
  const scra = await services.scra.referralsOf(practitioner, child!.child_id);
  const referralId = scra.outcome === 'found' ? scra.referrals.find((r) => r.referralDate === '2099-01-05')!.scraReferralId : '';
  await services.scra.decide(practitioner, child!.child_id, referralId, { decision: 'hearing_arranged', decisionDate: '2099-01-10' });
  await services.scra.recordHearing(practitioner, child!.child_id, referralId, { hearingDate: '2099-02-01', outcome: 'deferred', reviewDate: null });
  // The demo has no supervision order: one, so correcting and withdrawing an order are walked.
  const order = await services.supervisionOrders.record(practitioner, child!.child_id, { kind: 'cso_home', madeDate: '2099-02-01', measures: 'Walked measures', residence: null, hearingId: null, reviewDueDate: '2100-01-31' });
  if (order.outcome !== 'done') throw new Error('could not record an order');
  // Walked from the map's own page too: the walk samples only a few children, perhaps not this one.
  return [
    paths.safety.map({ childId: child!.child_id, mapId: started.mapId }),
    paths.care.booking({ childId: booking!.child_id, bookingId: booking!.booking_id }),
    paths.care.scra({ childId: child!.child_id }),
    paths.supervisionOrders.child({ childId: child!.child_id }),
    paths.care.protection({ childId: child!.child_id }),
    paths.children.keyPeople({ childId: child!.child_id }),
    ...(await recordsInEveryState(practitioner, lead)),
  ];
}

/** Fail the setup loudly when a service refuses what the walk needs. */
function expectOutcome<T extends { outcome: string }, O extends T['outcome']>(result: T, outcome: O, what: string): Extract<T, { outcome: O }> {
  if (result.outcome !== outcome) throw new Error(`could not ${what}: ${JSON.stringify(result)}`);
  return result as Extract<T, { outcome: O }>;
}

/**
 * Records in the states that show the forms the demo data never does (a referral waiting to be screened, one
 * waiting for allocation, an open Family First involvement, an open case to close, a supervision order with no
 * placement yet, an open survey wave, an audit file not yet graded, a task to do), made through the services, and
 * the pages that show those forms, to walk from.
 */
async function recordsInEveryState(practitioner: SignedInUser, lead: SignedInUser): Promise<string[]> {
  const team = practitioner.team!;
  const worker = practitioner.workerId!;
  for (const childId of ['WALK1', 'WALK2', 'WALK3', 'WALK4', 'WALK5']) {
    await aChild(database.db, { childId, forename: 'Walked', surname: `Child ${childId.slice(-1)}` });
  }
  const openCase = await aCase(database.db, 'WALK1', { team, workerId: worker, openedDate: '2026-01-05' });
  await aCase(database.db, 'WALK4', { team, workerId: worker, openedDate: '2026-01-05' });
  const referral = async (childId: string) => {
    const recorded = await services.referrals.record(lead, { receivedDate: '2026-11-02', source: 'education', reason: 'Walked referral', schoolCluster: null, team, children: [{ kind: 'existing', childId }] });
    return expectOutcome(recorded, 'recorded', 'record a referral').referralIds[0]!;
  };
  const decided = async (childId: string, pathway: 'family_first' | 'social_work_assessment') => {
    const referralId = await referral(childId);
    expectOutcome(await services.referrals.screen(lead, referralId, 'Screened for the walk'), 'decided', 'screen a referral');
    expectOutcome(await services.referrals.decide(lead, referralId, { pathway, reason: 'For the walk', decidedDate: '2026-11-03' }), 'decided', 'decide a referral');
    return referralId;
  };
  const toScreen = await referral('WALK2');
  const toAllocate = await decided('WALK3', 'social_work_assessment');
  const allocatedReferral = await decided('WALK2', 'family_first');
  const familyFirst = expectOutcome(await services.referrals.allocate(lead, allocatedReferral, { workerId: worker, openedDate: '2026-11-04' }), 'allocated', 'allocate a referral');
  const order = expectOutcome(await services.supervisionOrders.record(lead, 'WALK4', {
    kind: 'cso_away', madeDate: '2026-10-01', measures: 'To live with foster carers', residence: 'Foster carers', hearingId: null, reviewDueDate: '2027-10-01',
  }), 'done', 'record a supervision order');
  expectOutcome(await services.caseloads.addTask(practitioner, { caseId: openCase, kind: 'visit', description: 'Walked visit', dueDate: '2026-12-20' }) === 'added' ? { outcome: 'added' } : { outcome: 'refused' }, 'added', 'add a task');
  const survey = expectOutcome(await services.surveys.create({ kind: 'user', user: lead }, { title: 'Walked wave', audience: 'families', intro: '' }), 'done', 'build a survey');
  await services.surveys.addQuestion({ kind: 'user', user: lead }, survey.surveyId, { kind: 'free_text', text: 'How was it?', hint: '', scale: [], asksPersonalData: false, required: false });
  const wave = expectOutcome(await services.surveys.openWave({ kind: 'user', user: lead }, survey.surveyId, 'Walked wave'), 'done', 'open a wave');
  const rubricId = (await services.caseFileAudits.rubrics())[0]!.rubricId;
  const round = expectOutcome(await services.caseFileAudits.createRound(lead, { name: 'Walked round', rubricId, periodStart: '2026-01-01', periodEnd: '2026-11-30', sampleSize: 3, stratified: false, seed: 12 }), 'created', 'start an audit round');
  const auditor = (await services.caseFileAudits.auditors())[0]!;
  expectOutcome(await services.caseFileAudits.allocate(lead, round.roundId, [auditor.userId]), 'allocated', 'allocate audit files');
  const [file] = await services.caseFileAudits.files(round.roundId);
  // Forms added in the same round as the walk: a sibling group still undecided (two children on one referral), the
  // corrections of a decision and an allocation (on the referrals decided and allocated above), a Family First
  // session to correct or withdraw, and a retired list entry to restore.
  await aChild(database.db, { childId: 'WALK6', forename: 'Walked', surname: 'Child 6' });
  const group = expectOutcome(await services.referrals.record(lead, { receivedDate: '2026-11-02', source: 'police', reason: 'Walked siblings', schoolCluster: null, team, children: [{ kind: 'existing', childId: 'WALK5' }, { kind: 'existing', childId: 'WALK6' }] }), 'recorded', 'record a sibling group');
  expectOutcome(await services.familyFirst.addSession(practitioner, familyFirst.involvementId!, { sessionDate: '2026-11-10', who: 'Parent', whatWasDone: 'Walked session' }), 'changed', 'record a Family First session');
  // A registration since ended, so withdrawing a de-registration is walked too.
  const meeting = expectOutcome(await services.protection.recordMeeting(practitioner, 'WALK1', { meetingDate: '2026-03-02', kind: 'initial', decision: 'register' }), 'done', 'record a planning meeting');
  expectOutcome(await services.protection.register(practitioner, 'WALK1', { meetingId: meeting.meetingId!, registeredDate: '2026-03-02', concerns: ['neglect'] }), 'done', 'register a child');
  expectOutcome(await services.protection.deregister(practitioner, 'WALK1', { deregisteredDate: '2026-09-01', reason: 'improved_home_situation' }), 'done', 'de-register a child');
  const admin = (await services.users.list()).find((user) => user.username === 'admin')!;
  // A disabled account and a role waiting for a second administrator (asked by another one), so that enabling an
  // account and approving or cancelling a role grant are walked too (issue 16 item 4).
  const analyst = (await services.users.list()).find((user) => user.username === 'analyst')!;
  expectOutcome(await services.accounts.disable({ kind: 'user', user: admin }, analyst.userId), 'done', 'disable an account');
  const otherAdmin = await services.users.add({ kind: 'system', name: 'walk' }, { username: 'other.admin', displayName: 'Other Admin', role: 'admin', password: 'another walked password' });
  const manager = (await services.users.list()).find((user) => user.username === 'manager')!;
  expectOutcome(await services.accounts.changeRole({ kind: 'user', user: otherAdmin }, manager.userId, 'service_manager'), 'waiting_for_approval', 'ask for a role');
  const [agency] = await services.references.entries('partner_agency');
  expectOutcome(await services.references.retire(admin, 'partner_agency', agency!.entryId, '2026-11-01'), 'done', 'retire a list entry');
  // Two records restricted to the service manager (issue 16): one to break the glass on, one already opened that way
  // (so the review list has an opening to mark), and the restriction page with its "Remove the restriction" button.
  for (const childId of ['WALK7', 'WALK8']) {
    await aChild(database.db, { childId, forename: 'Walked', surname: `Child ${childId.slice(-1)}` });
    await aCase(database.db, childId, { team, workerId: worker, openedDate: '2026-01-05' });
    expectOutcome(await services.restrictions.restrict(lead, childId, { reason: 'Walked restriction', userIds: [lead.userId] }), 'restricted', 'restrict a record');
  }
  await services.restrictions.breakGlass(practitioner, 'WALK8', 'Walked opening');
  return [
    paths.referrals.group({ referralId: group.referralIds[0]! }), paths.referrals.show({ referralId: allocatedReferral }),
    paths.admin.list({ list: 'partner-agencies' }), paths.care.protection({ childId: 'WALK1' }),
    paths.admin.user({ userId: analyst.userId }), paths.admin.user({ userId: manager.userId }),
    paths.referrals.show({ referralId: toScreen }), paths.referrals.show({ referralId: toAllocate }), paths.familyFirst.show({ involvementId: familyFirst.involvementId! }),
    paths.referrals.closeCase({ caseId: openCase }),
    paths.care.place({ childId: 'WALK4' }), paths.supervisionOrders.review({ childId: 'WALK4', orderId: order.orderId }), paths.supervisionOrders.end({ childId: 'WALK4', orderId: order.orderId }),
    paths.surveys.links(wave), paths.caseFileAudits.fileAuditor({ fileId: file!.fileId }),
    paths.children.breakGlass({ childId: 'WALK7' }), paths.children.restriction({ childId: 'WALK7' }), paths.restrictedRecords.breakGlassUses(),
  ];
}

beforeAll(async () => {
  // The demo authority, loaded once per run (ADR 0063).
  database = await createDemoTestDatabase();
  // The walk sends every page and form from one address, faster than any person: the per-address limit (which has
  // its own test) would answer 429 part-way through on a fast engine.
  services = buildServices(testConfig({ rateLimitPerMinute: 100_000 }), database.db);
  const starts = await recordsTheDemoLacks();
  app = await buildApp(services);
  await app.ready();
  const routes = app.routeTable.filter((route) => !route.url.startsWith('/assets/'));
  const getPatterns = routes.filter((route) => route.method === 'GET').map((route) => route.url);
  const postPatterns = routes.filter((route) => route.method === 'POST').map((route) => route.url);
  for (const username of walkedAs) await walk(username, getPatterns, postPatterns, starts);
}, 600_000);

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** What a person types into a field: different for every field of every form, so each must come back to its place. */
const typedInto = (index: number, field: string) => `kept ${index} ${field} words`;

describe(`every form keeps what was typed when the session ends (${engineUnderTest})`, () => {
  it('finds the forms of every route that takes typed fields from a page', () => {
    const routes = app.routeTable.filter((route) => route.method === 'POST').map((route) => route.url);
    // Reached from no page by the demo users: JSON routes of the page script, sign-in, the command line, and
    // the anonymous survey form (a respondent has no session to time out).
    // Sign out (everywhere) is a button that ends sessions: never kept as a draft (data-idle-no-draft).
    const notPageForms = ['/session/keep-alive', '/session/draft', '/session/draft/discard', '/sign-in', '/sign-out', '/sign-out/everywhere', '/admin/users/:userId/sign-out-everywhere', '/survey/:token'];
    const commandLine = (route: string) => route.startsWith('/cli/');
    // Asked on the confirmation page only (platform/forms/confirmation.ts): nothing typed there, and never kept
    // as a draft (data-idle-no-draft), so that a late "yes" is never replayed after signing in.
    const confirmationOnly = ['/surveys/waves/:waveId/close'];
    // Buttons on an account's page that act and type nothing (issue 16 item 4): disabling and enabling (then asked on
    // the confirmation page), and approving or cancelling a role grant; never kept as a draft (data-idle-no-draft).
    const accountButtons = ['/admin/users/:userId/disable', '/admin/users/:userId/enable', '/admin/role-grants/:grantId/approve', '/admin/role-grants/:grantId/cancel'];
    // Buttons on the data quality pages that act and type nothing (issue 17): "Check now", and withdrawing a
    // "checked, correct" mark (then asked on the confirmation page); never kept as a draft (data-idle-no-draft). The
    // mark's own form, which takes a typed reason, is walked like any other.
    const dataQualityButtons = ['/data-quality/check', '/data-quality/checked/:markId/withdraw'];
    // Adding a child: the form to type into is the answer to a search by name and date of birth (a GET carrying
    // them in its query), which the walk does not make; src/modules/children/childAddDraft.test.ts proves it keeps
    // and gives back what was typed there.
    const answersASearch = ['/children/new'];
    const notYetReached: string[] = [];
    const unreached = routes.filter((route) => !found.has(route) && !buttonsOnly.has(route) && !notPageForms.includes(route) && !commandLine(route) && !confirmationOnly.includes(route) && !accountButtons.includes(route) && !dataQualityButtons.includes(route) && !answersASearch.includes(route) && !notYetReached.includes(route));
    expect(found.size).toBeGreaterThan(30);
    expect(unreached).toEqual([]);
  });

  it('draws every form it finds with a submission token of its own, so that a form sent twice is saved once (ADR 0085)', () => {
    expect(submissionTokens.size).toBeGreaterThan(100);
    expect(withoutOwnToken).toEqual([]);
  });

  it('keeps a form sent after the timeout, lands back on its page after sign-in and gives back every typed field', async () => {
    const failures: string[] = [];
    let index = 0;
    for (const { username, page, form: pageForm, postPattern } of found.values()) {
      index += 1;
      const opened = await app.inject({ method: 'GET', url: page, headers: { cookie: await signIn(app, username, demoPassword) } });
      const fresh = postForms(opened.body, page).find((candidate) => candidate.action === pageForm.action && candidate.typed.join() === pageForm.typed.join());
      if (!fresh) {
        failures.push(`${postPattern}: the form is no longer on ${page}`);
        continue;
      }
      const typed = Object.fromEntries(fresh.typed.map((field) => [field, typedInto(index, field)]));
      const late = await app.inject({
        method: 'POST',
        url: fresh.action,
        headers: { cookie: await aged(database.db, app, sessionCookie(opened), 31 * 60_000), 'content-type': 'application/x-www-form-urlencoded', referer: origin + page },
        payload: form({ ...fresh.hidden, ...typed }),
      });
      if (late.statusCode !== 303 || late.headers.location !== '/sign-in') {
        failures.push(`${postPattern}: a late form answered ${late.statusCode} ${late.headers.location ?? ''}`);
        continue;
      }
      const back = await signIn(app, username, demoPassword, { cookie: sessionCookie(late) });
      const given = await app.inject({ method: 'GET', url: page, headers: { cookie: back } });
      if (!given.body.includes('What you were typing has been kept')) failures.push(`${postPattern}: ${page} does not say the draft was kept`);
      for (const [field, value] of Object.entries(typed)) {
        const shown = given.body.includes(`value="${escaped(value)}"`) || given.body.includes(`>${escaped(value)}</textarea>`);
        if (!shown) failures.push(`${postPattern}: ${page} does not give back ${field}`);
      }
      await services.drafts.useUp((await services.users.list()).find((user) => user.username === username)!.userId, page);
    }
    expect(failures).toEqual([]);
  }, 900_000); // a hundred forms, each signed in twice with argon2: minutes on a busy 2-core machine
});

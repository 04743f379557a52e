/**
 * @module Issue 16, restricted records in every list that names children: the referral sibling group, the protection
 * register, a resource's bookings and the children behind a cluster figure keep a restricted child's row but show
 * "Restricted record" and the id to people not named on it; the people named on it see the name (ADR 0044).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { addRestrictedChild, inside, openProbe, restricted, type Person, type Probe } from './support.js';
import { paths } from '../../src/platform/http/paths.js';

let probe: Probe;
let manager: Person;
let named: Person;

const namesTheChild = (body: string) => /Ysolde|Pettigrew/.test(body);
const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const hidesTheName = (body: string) => {
  expect(namesTheChild(body)).toBe(false);
  expect(main(body)).toContain(`Restricted record (${restricted.childId})`);
};

let firstReferralId = '';
let groupPage = '';
let resourcePage = '';
const clusterChildren = paths.clusters.children({ from: '2022-01-01', to: '2022-12-31', cluster: 'Belmont', others: 'no', indicator: 'referrals.children', dimension: 'signposted' });

beforeAll(async () => {
  probe = await openProbe();
  manager = await probe.as('team_manager');
  named = await probe.as('team_manager');
  await addRestrictedChild(probe, [named]);
  const { services } = probe;
  // Brother and sister referred together, by the manager named on the restricted record.
  const recorded = await services.referrals.record(named.user, {
    receivedDate: '2022-03-01', source: 'education', reason: 'Attendance', schoolCluster: 'Belmont', team: 'Family First',
    children: [{ kind: 'existing', childId: inside.childId }, { kind: 'existing', childId: restricted.childId }],
  });
  if (recorded.outcome !== 'recorded') throw new Error('could not record the referrals');
  firstReferralId = recorded.referralIds[0]!;
  groupPage = paths.referrals.group({ referralId: firstReferralId });
  // On the protection register.
  const meeting = await services.protection.recordMeeting(named.user, restricted.childId, { meetingDate: '2024-04-20', kind: 'initial', decision: 'register' });
  expect(meeting.outcome).toBe('done');
  const [decided] = await probe.database.db.query<{ id: string }>('select meeting_id as id from cp_planning_meetings where child_id = $1', [restricted.childId]);
  const registered = await services.protection.register(named.user, restricted.childId, { meetingId: decided!.id, registeredDate: '2024-05-01', concerns: ['neglect'] });
  expect(registered.outcome).toBe('done');
  // Booked into a short break.
  const resource = await services.resources.add({ kind: 'user', user: named.user }, { name: 'Seabank House flat', kind: 'short_break', places: ['Flat'] });
  const booked = await services.resources.book(named.user, restricted.childId, { placeId: resource.places[0]!.placeId, startDate: '2024-03-04', endDate: '2024-03-06', reason: 'Respite', avoidedOutOfAuthority: false });
  expect(booked.outcome).toBe('booked');
  resourcePage = paths.care.resource({ resourceId: resource.resourceId }, { year: '2024', month: '3' });
});
afterAll(async () => probe?.close());

describe(`restricted records in lists (${engineUnderTest})`, () => {
  it('shows "Restricted record" and the id in the referral group, to a manager not named on it; the named manager sees the name', async () => {
    const page = await manager.send('GET', groupPage);
    expect(page.statusCode).toBe(200);
    hidesTheName(page.body);
    expect(main(page.body)).toContain(inside.forename);
    expect(namesTheChild((await named.send('GET', groupPage)).body)).toBe(true);
  });

  it('shows "Restricted record" in the sibling list of a referral once the restricted child is decided', async () => {
    const group = await probe.services.referrals.group(named.user, firstReferralId);
    if (group.outcome !== 'shown') throw new Error('no group');
    const decided = await probe.services.referrals.decideGroup(named.user, group.referral.referralId, {
      screeningNotes: null, decidedDate: '2022-03-03', openedDate: null,
      children: group.members.map((m) => ({ referralId: m.referralId, version: m.version, pathway: 'signposted' as const, reason: 'Universal services', workerId: null })),
    });
    expect(decided.outcome).toBe('decided');
    const referralPage = paths.referrals.show({ referralId: group.members.find((m) => m.childId === inside.childId)!.referralId });
    const page = await manager.send('GET', referralPage);
    expect(page.statusCode).toBe(200);
    hidesTheName(page.body);
    expect(namesTheChild((await named.send('GET', referralPage)).body)).toBe(true);
  });

  it('shows "Restricted record" in the children behind a cluster figure', async () => {
    const page = await manager.send('GET', clusterChildren);
    expect(page.statusCode).toBe(200);
    hidesTheName(page.body);
    expect(main(page.body)).toContain(inside.forename);
    expect(namesTheChild((await named.send('GET', clusterChildren)).body)).toBe(true);
  });

  it('shows "Restricted record" on the child protection register', async () => {
    const page = await manager.send('GET', paths.care.protectionRegister());
    expect(page.statusCode).toBe(200);
    hidesTheName(page.body);
    expect(main(page.body)).not.toContain('Neglect');
    expect(namesTheChild((await named.send('GET', paths.care.protectionRegister())).body)).toBe(true);
  });

  it('shows "Restricted record" for a booking of a resource', async () => {
    const page = await manager.send('GET', resourcePage);
    expect(page.statusCode).toBe(200);
    hidesTheName(page.body);
    expect(namesTheChild((await named.send('GET', resourcePage)).body)).toBe(true);
  });
});

/**
 * @module Issue 16, restricted records: breaking the glass (a reason required, the record opened to that person only,
 * audited), the service managers' review list, restricting and removing a restriction (asked first, audited), and
 * the lists that name children (search, My work, the referral tray) showing "Restricted record" instead of the name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { addRestrictedChild, auditCount, inside, openProbe, restricted, type Person, type Probe } from './support.js';
import { paths } from '../../src/platform/http/paths.js';

let probe: Probe;
let worker: Person;
let manager: Person;
let serviceManager: Person;
let named: Person;

beforeAll(async () => {
  probe = await openProbe();
  worker = await probe.as('practitioner');
  manager = await probe.as('team_manager');
  serviceManager = await probe.as('service_manager');
  named = await probe.as('team_manager');
  await addRestrictedChild(probe, [named]);
});
afterAll(async () => probe?.close());

const childPage = paths.children.show({ childId: restricted.childId });
const breakGlassPage = paths.children.breakGlass({ childId: restricted.childId });
const namesTheChild = (body: string) => /Ysolde|Pettigrew/.test(body);
const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

describe(`restricted records (${engineUnderTest})`, () => {
  it('shows "Restricted record" instead of the name in search, My work and the referral tray, to those not named on it', async () => {
    // The named manager records a referral for the child, so it is in the tray.
    const referral = await named.send('POST', paths.referrals.new(), {
      'child1-id': restricted.childId, 'received-day': '1', 'received-month': '3', 'received-year': '2022', source: 'education', reason: 'Attendance', schoolCluster: '', team: 'Family First',
    });
    expect(referral.statusCode).toBe(303);
    const search = await worker.send('GET', `${paths.children.search()}?name=${restricted.childId}`);
    expect(search.body).toContain('Restricted record');
    expect(namesTheChild(search.body)).toBe(false);
    const myWork = await worker.send('GET', paths.caseloads.mine());
    expect(myWork.statusCode).toBe(200);
    expect(main(myWork.body)).toContain('Restricted record');
    expect(namesTheChild(myWork.body)).toBe(false);
    expect(main(myWork.body)).toContain(inside.forename);
    const tray = await manager.send('GET', paths.referrals.tray());
    expect(main(tray.body)).toContain('Restricted record');
    expect(namesTheChild(tray.body)).toBe(false);
    // The person named on it sees the name.
    expect(namesTheChild((await named.send('GET', `${paths.children.search()}?name=${restricted.childId}`)).body)).toBe(true);
    expect(namesTheChild((await named.send('GET', paths.referrals.tray())).body)).toBe(true);
  });

  it('sends a referral of a restricted child, opened from the tray, to the break-glass page', async () => {
    const [row] = await probe.database.db.query<{ referral_id: string }>('select referral_id from referral_intake where child_id = $1', [restricted.childId]);
    const page = await manager.send('GET', paths.referrals.show({ referralId: row!.referral_id }));
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(breakGlassPage);
  });

  it('refuses a referral by the id of a restricted record from someone not named on it, recording nothing', async () => {
    const before = await probe.database.db.query('select 1 from referral_intake');
    const refused = await worker.send('POST', paths.referrals.new(), {
      'child1-id': restricted.childId, 'received-day': '2', 'received-month': '3', 'received-year': '2022', source: 'education', reason: 'Attendance', schoolCluster: '', team: 'Family First',
    });
    expect(refused.statusCode).toBe(422);
    expect(namesTheChild(refused.body)).toBe(false);
    expect(await probe.database.db.query('select 1 from referral_intake')).toHaveLength(before.length);
  });

  it('asks for a reason to break the glass, in plain words, keeping nothing partial', async () => {
    const before = await auditCount(probe.database.db);
    const page = await worker.send('POST', breakGlassPage, { reason: '   ', next: childPage });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Enter why you need to open this record');
    expect(page.body).toContain('href="#reason"');
    expect(await probe.database.db.query('select 1 from break_glass_openings')).toHaveLength(0);
    expect(await auditCount(probe.database.db)).toBe(before);
    expect((await worker.send('GET', childPage)).statusCode).toBe(303);
  });

  it('opens the record to that person alone once they give a reason, audited with it', async () => {
    const opened = await worker.send('POST', breakGlassPage, { reason: 'Duty call from the police', next: `${childPage}/chronology` });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`${childPage}/chronology`);
    const page = await worker.send('GET', childPage);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ysolde');
    const [event] = await probe.database.db.query<{ reason: string; user_id: string }>(
      `select reason, user_id from audit_events where action = 'child.break_glass' and child_id = $1`, [restricted.childId]);
    expect(event).toEqual({ reason: 'Duty call from the police', user_id: worker.user.userId });
    // Still closed to everyone else.
    expect((await manager.send('GET', childPage)).statusCode).toBe(303);
    // A next page that is not this child's is not followed.
    const elsewhere = await manager.send('POST', breakGlassPage, { reason: 'Checking', next: '//evil.example/' });
    expect(elsewhere.headers.location).toBe(childPage);
  });

  it('lists every opening for service managers, who mark each reviewed (audited)', async () => {
    expect((await worker.send('GET', paths.restrictedRecords.breakGlassUses())).statusCode).toBe(403);
    const list = await serviceManager.send('GET', paths.restrictedRecords.breakGlassUses());
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Duty call from the police');
    expect(list.body).toContain(worker.user.username);
    expect(list.body).toContain(restricted.childId);
    expect(namesTheChild(list.body)).toBe(false);
    const [opening] = await probe.database.db.query<{ opening_id: string }>(`select opening_id from break_glass_openings where reason = 'Duty call from the police'`);
    const marked = await serviceManager.send('POST', paths.restrictedRecords.markReviewed({ openingId: opening!.opening_id }));
    expect(marked.statusCode).toBe(303);
    expect(await auditCount(probe.database.db, { action: 'child.break_glass_reviewed', childId: restricted.childId })).toBe(1);
    expect((await serviceManager.send('GET', paths.restrictedRecords.breakGlassUses())).body).toContain(`Reviewed by`);
  });

  it('lets a service manager restrict a record to people chosen from the accounts, refusing an incomplete form whole', async () => {
    const restriction = paths.children.restriction({ childId: inside.childId });
    expect((await worker.send('GET', restriction)).statusCode).toBe(403);
    const form = await serviceManager.send('GET', restriction);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${named.user.userId}"`);
    const incomplete = await serviceManager.send('POST', restriction, { reason: 'Staff child' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain('Choose the people who may open this record');
    expect(incomplete.body).toContain('Staff child');
    expect(await probe.database.db.query('select 1 from restricted_records where child_id = $1', [inside.childId])).toHaveLength(0);
    const done = await serviceManager.send('POST', restriction, { reason: 'Staff child', people: named.user.userId });
    expect(done.statusCode).toBe(303);
    expect(await auditCount(probe.database.db, { action: 'child.restricted', childId: inside.childId })).toBe(1);
    expect((await worker.send('GET', paths.children.show({ childId: inside.childId }))).statusCode).toBe(303);
    expect((await named.send('GET', paths.children.show({ childId: inside.childId }))).statusCode).toBe(200);
    // The manager who restricted it can still open it.
    expect((await serviceManager.send('GET', paths.children.show({ childId: inside.childId }))).statusCode).toBe(200);
  });

  it('asks before removing a restriction, then removes it (audited)', async () => {
    const remove = paths.children.removeRestriction({ childId: inside.childId });
    const asked = await serviceManager.send('POST', remove);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Remove the restriction on this record?');
    expect(await probe.database.db.query('select 1 from restricted_records where child_id = $1', [inside.childId])).toHaveLength(1);
    const removed = await serviceManager.send('POST', remove, { confirmed: 'yes' });
    expect(removed.statusCode).toBe(303);
    expect(await probe.database.db.query('select 1 from restricted_records where child_id = $1', [inside.childId])).toHaveLength(0);
    expect(await auditCount(probe.database.db, { action: 'child.restriction_removed', childId: inside.childId })).toBe(1);
    expect((await worker.send('GET', paths.children.show({ childId: inside.childId }))).statusCode).toBe(200);
  });
});

/**
 * @module Sibling groups (issue 13, item 4; ADR 0022): the children referred together are screened, decided and
 * allocated in one pass, with a per-child exception; one transaction (any problem writes nothing); each child
 * audited; a sibling the person may not open is not named.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const team = 'Family First';

describe(`sibling groups screened, decided and allocated together (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let manager: { cookie: string; user: SignedInUser };
  let colleague: { cookie: string; user: SignedInUser };

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aUser(database.db, 'practitioner', { team, workerId: 'SW1' });
    await aUser(database.db, 'practitioner', { team, workerId: 'SW2' });
    await aUser(database.db, 'practitioner', { team: 'Children and Families North', workerId: 'SWN' });
    app = await buildApp(services, { logger: false });
    manager = await signInAs(app, services, 'team_manager', { team });
    colleague = await signInAs(app, services, 'team_manager', { team });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Three siblings referred together; their referral ids, eldest first. */
  async function threeSiblings(surname: string): Promise<string[]> {
    const recorded = await services.referrals.record(manager.user, {
      receivedDate: '2022-03-01', source: 'police', reason: 'Domestic incident at home', schoolCluster: 'Belmont', team,
      children: [
        { kind: 'new', forename: 'Ava', surname, dateOfBirth: '2012-01-01' },
        { kind: 'new', forename: 'Ben', surname, dateOfBirth: '2014-01-01' },
        { kind: 'new', forename: 'Cal', surname, dateOfBirth: '2016-01-01' },
      ],
    });
    if (recorded.outcome !== 'recorded') throw new Error('not recorded');
    return recorded.referralIds;
  }

  async function groupForm(cookie: string, referralId: string) {
    const url = paths.referrals.group({ referralId });
    const page = await openForm(app, url, cookie);
    const form = postForms(page.html, url).find((f) => f.action === url)!;
    return {
      html: page.html,
      send: (fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: encode({ ...form.hidden, ...fields }) }),
    };
  }

  const decision = { screeningNotes: 'Police and school spoken to', pathway: 'family_first', decisionReason: 'Early help for the family', 'decided-day': '3', 'decided-month': '3', 'decided-year': '2022', workerId: 'SW1', 'opened-day': '4', 'opened-month': '3', 'opened-year': '2022' };
  const intake = async (ids: string[]) =>
    database.db.query<{ referral_id: string; pathway: string | null; screening_notes: string | null; worker_id: string | null }>(
      `select i.referral_id, i.pathway, i.screening_notes, k.worker_id from referral_intake i left join cases k on k.case_id = i.case_id
        where i.referral_id = any($1) order by i.referral_id`, [ids]);
  const actions = async (ids: string[]) =>
    database.db.query<{ subject: string; action: string }>(
      "select subject, action from audit_events where subject = any($1) and action in ('referral.screened', 'referral.decided', 'referral.allocated') order by subject, action", [ids]);

  it('screens, decides and allocates three siblings in one pass, one of them decided differently, each audited', async () => {
    const [ava, ben, cal] = await threeSiblings('Quill');
    const form = await groupForm(manager.cookie, ava!);
    for (const name of ['Ava Quill', 'Ben Quill', 'Cal Quill']) expect(form.html).toContain(name);
    const saved = await form.send({ ...decision, 'child2-except': 'yes', 'child2-pathway': 'signposted', 'child2-decisionReason': 'Ben’s needs are met at school' });
    expect(saved.statusCode).toBe(303);
    const rows = await intake([ava!, ben!, cal!]);
    const byId = Object.fromEntries(rows.map((r) => [r.referral_id, r]));
    expect(byId[ava!]).toMatchObject({ pathway: 'family_first', screening_notes: 'Police and school spoken to', worker_id: 'SW1' });
    expect(byId[ben!]).toMatchObject({ pathway: 'signposted', screening_notes: 'Police and school spoken to', worker_id: null });
    expect(byId[cal!]).toMatchObject({ pathway: 'family_first', worker_id: 'SW1' });
    expect(await database.db.query('select referral_id, closed_date::text from referrals where referral_id = any($1) order by referral_id', [[ava, ben, cal]]))
      .toEqual([ava, ben, cal].sort().map((id) => ({ referral_id: id, closed_date: id === ben ? '2022-03-03' : null })));
    expect(await database.db.query<{ n: number }>('select count(*)::int as n from family_first_involvements where referral_id = any($1)', [[ava, ben, cal]])).toEqual([{ n: 2 }]);
    const audited = await actions([ava!, ben!, cal!]);
    const expected = [ava!, ben!, cal!].flatMap((id) => [
      ...(id === ben ? [] : [{ subject: id, action: 'referral.allocated' }]),
      { subject: id, action: 'referral.decided' }, { subject: id, action: 'referral.screened' },
    ]).sort((a, b) => a.subject.localeCompare(b.subject) || a.action.localeCompare(b.action));
    expect(audited).toEqual(expected);
  });

  it('writes nothing for any child when one child’s part is wrong (one transaction)', async () => {
    const ids = await threeSiblings('Rusk');
    const form = await groupForm(manager.cookie, ids[0]!);
    // A worker from another team for the excepted child: refused, and the other two are not decided either.
    const refused = await form.send({ ...decision, 'child3-except': 'yes', 'child3-pathway': 'social_work_assessment', 'child3-workerId': 'SWN' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Select a worker in Family First for Cal Rusk');
    expect(refused.body).toContain('>Early help for the family</textarea>');
    expect((await intake(ids)).map((r) => r.pathway)).toEqual([null, null, null]);
    expect(await actions(ids)).toEqual([]);
  });

  it('refuses the whole group when a colleague decided one child meanwhile, and names who', async () => {
    const ids = await threeSiblings('Stott');
    const form = await groupForm(manager.cookie, ids[0]!);
    expect(await services.referrals.decide(colleague.user, ids[1]!, { pathway: 'no_further_action', reason: 'Known to police only', decidedDate: '2022-03-02' })).toEqual({ outcome: 'decided' });
    const stale = await form.send(decision);
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('The children still to decide have changed since you opened this page');
    expect((await intake(ids)).filter((r) => r.pathway !== null).map((r) => r.referral_id)).toEqual([ids[1]]);
    // The same race inside the service (both forms showed the same children): refused, nothing written.
    const ids2 = await threeSiblings('Tait');
    const group = await services.referrals.group(manager.user, ids2[0]!);
    if (group.outcome !== 'shown') throw new Error(group.outcome);
    await services.referrals.screen(colleague.user, ids2[2]!, 'Colleague screened Cal');
    const plan = { screeningNotes: null, decidedDate: '2022-03-03', openedDate: null, children: group.members.map((m) => ({ referralId: m.referralId, version: m.version, pathway: 'signposted' as const, reason: 'School support', workerId: null })) };
    expect(await services.referrals.decideGroup(manager.user, ids2[0]!, plan)).toEqual({ outcome: 'problems', problems: { [ids2[2]!]: 'Someone else changed Cal Tait’s referral meanwhile. Check it and save again.' } });
    expect((await intake(ids2)).map((r) => r.pathway)).toEqual([null, null, null]);
  });

  it('does not name a sibling whose referral went to a team the person does not oversee', async () => {
    const ids = await threeSiblings('Urie');
    const moved = await services.referrals.current(manager.user, ids[2]!);
    if (moved.outcome !== 'shown') throw new Error(moved.outcome);
    expect(await services.referrals.changeDetails(manager.user, ids[2]!, { source: 'police', reason: 'Domestic incident at home', schoolCluster: 'Belmont', team: 'Children and Families North' }, moved.referral.version)).toEqual({ outcome: 'amended' });
    const form = await groupForm(manager.cookie, ids[0]!);
    expect(form.html).toContain('Ava Urie');
    expect(form.html).toContain('Ben Urie');
    expect(form.html).not.toContain('Cal Urie');
    expect(form.html).toContain('Another child, whose record you cannot open');
    const shown = await app.inject({ url: paths.referrals.show({ referralId: ids[0]! }), headers: { cookie: manager.cookie } });
    expect(shown.body).not.toContain('Cal Urie');
    // Posting the moved child's referral as if it were on the form is refused for the whole group.
    const sneaked = await form.send({ ...decision, 'child3-ref': ids[2]!, 'child3-version': '2' });
    expect(sneaked.statusCode).toBe(422);
    expect((await intake(ids)).map((r) => r.pathway)).toEqual([null, null, null]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';

describe(`referrals to the Children's Reporter (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let outsider: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'H1', forename: 'Ewan', surname: 'Baird' });
    await aCase(database.db, 'H1', { team: 'Family First', workerId: 'W1' });
    worker = await aUser(database.db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    outsider = await aUser(database.db, 'practitioner', { team: 'North', workerId: 'W9' });
  });
  afterAll(() => database?.drop());

  it('records a referral with its ground, the Reporter’s decision and a hearing that makes an order with a review date', async () => {
    expect(await services.scra.refer(worker, 'H1', { referralDate: '2024-04-02', ground: 'j' })).toEqual({ outcome: 'done' });
    const found = await services.scra.referralsOf(worker, 'H1');
    const referralId = found.outcome === 'found' ? found.referrals[0]!.scraReferralId : '';
    expect(await services.scra.decide(worker, 'H1', referralId, { decision: 'hearing_arranged', decisionDate: '2024-04-01' })).toEqual({
      outcome: 'problems', problems: { decisionDate: 'The decision must be on or after the referral (2 April 2024)' },
    });
    expect(await services.scra.decide(worker, 'H1', referralId, { decision: 'hearing_arranged', decisionDate: '2024-04-20' })).toEqual({ outcome: 'done' });
    expect(await services.scra.recordHearing(worker, 'H1', referralId, { hearingDate: '2024-05-10', outcome: 'cso_made', reviewDate: null })).toEqual({
      outcome: 'problems', problems: { reviewDate: 'Enter the date the order must be reviewed by' },
    });
    expect(await services.scra.recordHearing(worker, 'H1', referralId, { hearingDate: '2024-05-10', outcome: 'cso_made', reviewDate: '2025-05-11' })).toEqual({
      outcome: 'problems', problems: { reviewDate: 'An order must be reviewed within a year of the hearing' },
    });
    expect(await services.scra.recordHearing(worker, 'H1', referralId, { hearingDate: '2024-05-10', outcome: 'cso_made', reviewDate: '2025-05-10' })).toEqual({ outcome: 'done' });
    const after = await services.scra.referralsOf(worker, 'H1');
    expect(after.outcome === 'found' && after.referrals).toEqual([{
      scraReferralId: referralId, childId: 'H1', referralDate: '2024-04-02', ground: 'j', decision: 'hearing_arranged', decisionDate: '2024-04-20', version: 1,
      hearings: [{ hearingId: expect.stringMatching(/^H-/), hearingDate: '2024-05-10', outcome: 'cso_made', reviewDate: '2025-05-10', version: 1 }],
    }]);
    const audit = await database.db.query<{ action: string }>("select action from audit_events where child_id = 'H1' order by event_id");
    expect(audit.map((a) => a.action)).toEqual(['scra.referred', 'scra.decided', 'scra.hearing_recorded']);
  });

  it('the database refuses a ground outside a to q and a decision without its date', async () => {
    await expect(database.db.query(`insert into scra_referrals (scra_referral_id, child_id, referral_date, ground) values ('SR-x', 'H1', '2024-01-01', 'r')`)).rejects.toThrow();
    await expect(database.db.query(`insert into scra_referrals (scra_referral_id, child_id, referral_date, ground, reporter_decision) values ('SR-y', 'H1', '2024-01-01', 'a', 'other')`)).rejects.toThrow();
  });

  it('refuses someone who may not access the child', async () => {
    expect(await services.scra.refer(outsider, 'H1', { referralDate: '2024-04-02', ground: 'a' })).toEqual({ outcome: 'forbidden' });
  });
});

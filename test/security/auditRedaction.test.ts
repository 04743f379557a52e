/**
 * @module Issue 16 item 6: administrators do not read children's names through the audit trail. Search words and free
 * text in events read "[redacted]" to them; a service manager investigating a child sees them; a practitioner sees no trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { inside, openProbe, outside, type Probe } from './support.js';
import { paths } from '../../src/platform/http/paths.js';

let probe: Probe;
const cli = { kind: 'system', name: 'cli' } as const;

beforeAll(async () => {
  probe = await openProbe();
  const { audit } = probe.services;
  await audit.record(cli, { action: 'child.searched', details: { text: outside.surname, dateOfBirth: outside.dateOfBirth, results: 1 } });
  await audit.record(cli, { action: 'referral.amended', childId: inside.childId, subject: `${inside.forename}'s referral`, reason: `${inside.forename} ${inside.surname} was allocated to the wrong worker` });
  await audit.record(cli, { action: 'import.completed', subject: 'extract-2026-11', details: { rows: 12 } });
});
afterAll(async () => probe?.close());

describe(`the audit trail's free text (${engineUnderTest})`, () => {
  it('reads "[redacted]" to an administrator, with the rest of each event as it was', async () => {
    const admin = await probe.as('admin');
    const page = await admin.send('GET', paths.admin.audit());
    expect(page.statusCode).toBe(200);
    for (const name of [outside.surname, outside.dateOfBirth, inside.forename, inside.surname]) expect(page.body).not.toContain(name);
    expect(page.body).toContain('Searched for [redacted]');
    expect(page.body).toContain('Reason: [redacted]');
    expect(page.body).toContain(inside.childId);
    expect(page.body).toContain('extract-2026-11');
    expect(page.body).toContain('12 rows');
    expect(page.body).toContain('shown as [redacted]');
  });

  it('reads in full to a service manager investigating a child', async () => {
    const manager = await probe.as('service_manager');
    const page = await manager.send('GET', `${paths.admin.audit()}?child=${inside.childId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`was allocated to the wrong worker`);
    expect(page.body).toContain(inside.surname);
    expect(page.body).not.toContain('[redacted]');
    const all = await manager.send('GET', paths.admin.audit());
    expect(all.body).toContain(`Searched for &quot;${outside.surname}&quot;`);
  });

  it('is not open to a practitioner at all', async () => {
    const practitioner = await probe.as('practitioner');
    expect((await practitioner.send('GET', paths.admin.audit())).statusCode).toBe(403);
  });
});

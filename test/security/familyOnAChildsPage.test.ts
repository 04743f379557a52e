/**
 * @module A child's brothers and sisters on their summary (issue 16's rule, as for a referral's siblings): named, with
 * their date of birth and a link, only where the reader may open their record; "Restricted record" and the id, linked
 * to the page that says so, where it is restricted to others; otherwise counted in one line with nothing that says who
 * they are. Found by following every link the demo's practitioner is shown: the family list linked brothers and
 * sisters on other teams' caseloads (each answering 403) and named a restricted one with their date of birth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { aCase, aChild } from '../support/factories.js';
import { addRestrictedChild, inside, openProbe, outside, restricted, type Person, type Probe } from './support.js';
import { paths } from '../../src/platform/http/paths.js';

let probe: Probe;
let worker: Person;
let named: Person;
let lead: Person;

/** A brother on the worker's team's caseload, whom they may open. */
const brother = { childId: 'C000102', forename: 'Callum', surname: 'Lennie', dateOfBirth: '2013-08-09' };
const familyId = 'F-PROBE';
/** The family section of a child's summary, from its heading to the next. */
const familySection = (body: string) => {
  const start = body.indexOf('id="family"');
  return body.slice(start, body.indexOf('<h2', start + 1));
};
const linksIn = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);

beforeAll(async () => {
  probe = await openProbe();
  worker = await probe.as('practitioner');
  named = await probe.as('team_manager');
  lead = await probe.as('service_manager');
  await addRestrictedChild(probe, [named]);
  const { db } = probe.database;
  await aChild(db, { ...brother, familyId, schoolCluster: 'Belmont' });
  await aCase(db, brother.childId, { team: 'Family First', workerId: 'W2' });
  // The probes' children, made without a family, become brothers and sisters of the one above.
  await db.query('update children set family_id = $1 where child_id = any($2::text[])', [familyId, [inside.childId, outside.childId, restricted.childId]]);
});
afterAll(async () => probe?.close());

describe(`a child's family as the reader may see it (${engineUnderTest})`, () => {
  it('names and links only the brothers and sisters the practitioner may open, and says the others exist without saying who', async () => {
    const page = await worker.send('GET', paths.children.show({ childId: inside.childId }));
    expect(page.statusCode).toBe(200);
    const family = familySection(page.body);
    expect(family).toContain(`>${brother.forename} ${brother.surname}</a>, born 9 August 2013`);
    expect(family).toContain(`Restricted record (${restricted.childId})`);
    expect(family).toContain('One other child in this family, whose record you cannot open');
    for (const hidden of [outside.forename, outside.surname, outside.childId, '13 July 2009', restricted.forename, restricted.surname, '17 May 2010']) {
      expect(page.body, hidden).not.toContain(hidden);
    }
    expect(linksIn(family).sort()).toEqual([paths.children.show({ childId: brother.childId }), paths.children.show({ childId: restricted.childId })].sort());
  });

  it('leads every family link somewhere the reader may go: the brother’s record, and the restricted record’s page that offers break-glass', async () => {
    const page = await worker.send('GET', paths.children.show({ childId: inside.childId }));
    for (const link of linksIn(familySection(page.body))) {
      const opened = await worker.send('GET', link);
      if (link.endsWith(restricted.childId)) {
        expect(opened.statusCode).toBe(303);
        const breakGlass = await worker.send('GET', String(opened.headers.location));
        expect(breakGlass.statusCode).toBe(200);
        expect(breakGlass.body).toContain('This record is restricted');
        expect(breakGlass.body).not.toContain(restricted.forename);
      } else {
        expect(opened.statusCode, link).toBe(200);
      }
    }
  });

  it('names the restricted sister to the manager named on her record, and everyone to a service manager', async () => {
    const toNamed = familySection((await named.send('GET', paths.children.show({ childId: inside.childId }))).body);
    expect(toNamed).toContain(`${restricted.forename} ${restricted.surname}</a>, born 17 May 2010`);
    expect(toNamed).toContain('One other child in this family, whose record you cannot open');
    const toLead = familySection((await lead.send('GET', paths.children.show({ childId: brother.childId }))).body);
    expect(toLead).toContain(`${outside.forename} ${outside.surname}</a>, born 13 July 2009`);
    expect(toLead).toContain(`${inside.forename} ${inside.surname}</a>`);
    expect(toLead).not.toContain('whose record');
  });

  it('counts two or more it may not open in one line', async () => {
    await aChild(probe.database.db, { childId: 'C000778', forename: 'Tamsin', surname: 'Quintrell', dateOfBirth: '2015-01-01', familyId, schoolCluster: 'Belmont' });
    const family = familySection((await worker.send('GET', paths.children.show({ childId: inside.childId }))).body);
    expect(family).toContain('2 other children in this family, whose records you cannot open');
    expect(family).not.toContain('Tamsin');
  });
});

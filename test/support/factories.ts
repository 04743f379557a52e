/** @module Test data factories: small fictional records (en_GB fakes) written straight to a test database. */
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Queryable } from '../../src/db/database.js';
import type { SignedInUser } from '../../src/platform/access/user.js';
import type { Role } from '../../src/platform/access/roles.js';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}${++sequence}`;

export async function aChild(db: Queryable, fields: Partial<{ childId: string; familyId: string | null; forename: string; surname: string; dateOfBirth: string; schoolCluster: string | null }> = {}) {
  const child = {
    childId: fields.childId ?? nextId('CH'),
    familyId: fields.familyId ?? null,
    forename: fields.forename ?? faker.person.firstName(),
    surname: fields.surname ?? faker.person.lastName(),
    dateOfBirth: fields.dateOfBirth ?? '2012-05-06',
    schoolCluster: fields.schoolCluster === undefined ? 'Northfield' : fields.schoolCluster,
  };
  if (child.familyId) await db.query('insert into families (family_id) values ($1) on conflict do nothing', [child.familyId]);
  await db.query(
    'insert into children (child_id, family_id, forename, surname, date_of_birth, school_cluster) values ($1, $2, $3, $4, $5, $6)',
    [child.childId, child.familyId, child.forename, child.surname, child.dateOfBirth, child.schoolCluster],
  );
  return child;
}

export async function aCase(db: Queryable, childId: string, fields: Partial<{ team: string; workerId: string | null; openedDate: string; closedDate: string | null }> = {}) {
  const caseId = nextId('K');
  await db.query(
    'insert into cases (case_id, child_id, team, worker_id, opened_date, closed_date) values ($1, $2, $3, $4, $5, $6)',
    [caseId, childId, fields.team ?? 'Family First', fields.workerId ?? null, fields.openedDate ?? '2021-01-01', fields.closedDate ?? null],
  );
  return caseId;
}

export async function anEpisode(db: Queryable, childId: string, fields: Partial<{ episodeId: string; startDate: string; endDate: string | null; legalReason: string }> = {}) {
  const episodeId = fields.episodeId ?? nextId('E');
  await db.query(
    'insert into looked_after_episodes (episode_id, child_id, start_date, end_date, legal_reason) values ($1, $2, $3, $4, $5)',
    [episodeId, childId, fields.startDate ?? '2020-01-01', fields.endDate ?? null, fields.legalReason ?? 'cso_away'],
  );
  return episodeId;
}

export async function aPlacement(db: Queryable, episodeId: string, childId: string, fields: Partial<{ startDate: string; endDate: string | null; placementType: string }> = {}) {
  const placementId = nextId('P');
  await db.query(
    'insert into placements (placement_id, episode_id, child_id, start_date, end_date, placement_type) values ($1, $2, $3, $4, $5, $6)',
    [placementId, episodeId, childId, fields.startDate ?? '2020-01-01', fields.endDate ?? null, fields.placementType ?? 'foster_la'],
  );
  return placementId;
}

/** A signed-in user as the services see one (the account row is created so audit events can refer to it). */
export async function aUser(db: Queryable, role: Role, fields: Partial<{ team: string | null; workerId: string | null; username: string }> = {}): Promise<SignedInUser> {
  const username = fields.username ?? `${role.replace('_', '.')}${++sequence}`;
  const rows = await db.query<{ user_id: string }>(
    'insert into users (username, display_name, role, team, worker_id) values ($1, $2, $3, $4, $5) returning user_id',
    [username, faker.person.fullName(), role, fields.team ?? null, fields.workerId ?? null],
  );
  return { userId: rows[0]!.user_id, username, displayName: username, role, team: fields.team ?? null, workerId: fields.workerId ?? null };
}

/**
 * Glenmuir with population for 2020 and 2021 and one child, K1, with a case open since 2019 and looked after since
 * 2020: the least an authority needs for every census figure to count someone (kept and stored results' tests).
 */
export async function aSmallAuthority(db: Queryable): Promise<void> {
  await db.query(`insert into authority (authority_code, authority_name) values ('S12000999', 'Glenmuir')`);
  await db.query(`insert into population (year, age_0_17) values (2020, 20000), (2021, 20100)`);
  await aChild(db, { childId: 'K1', dateOfBirth: '2012-03-04' });
  await aCase(db, 'K1', { openedDate: '2019-01-01' });
  await anEpisode(db, 'K1', { startDate: '2020-01-01' });
}

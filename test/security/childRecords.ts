/**
 * @module One record of every kind a child's pages open (a safety map and each of its parts, a drawing, a key
 * person, a looked after episode and placement, a short break, a planning meeting and registration, a Reporter
 * referral and hearing, a supervision order, a referral, a Family First involvement and session, an open case,
 * another referral waiting in the tray, undecided), made for one child through the services, and the ids a route's parameters take to open them.
 */
import sharp from 'sharp';
import { aPlacement, anEpisode, aUser } from '../support/factories.js';
import type { Probe } from './support.js';

/** A route parameter's name and the id of this child's record it names. */
export type RecordIds = Record<string, string>;

/** Stop the setup loudly when a service refuses what the walk needs. */
function made<T extends { outcome: string }>(result: T, outcome: string, what: string): T {
  if (result.outcome !== outcome) throw new Error(`could not ${what}: ${JSON.stringify(result)}`);
  return result;
}

/** The first id one query finds, for the walk's records (the test reads the tables directly, as auditCount does). */
async function firstId(probe: Probe, sql: string, params: string[]): Promise<string> {
  const [row] = await probe.database.db.query<{ id: string }>(sql, params);
  if (!row) throw new Error(`no record for ${sql}`);
  return row.id;
}

/**
 * Make every kind of record for a child on the team manager's team, and say which id each route parameter takes.
 * @example const ids = await recordsOfEveryKind(probe, inside.childId); ids.mapId // 'SM…'
 */
export async function recordsOfEveryKind(probe: Probe, childId: string, team: string): Promise<RecordIds> {
  const { services } = probe;
  const manager = await aUser(probe.database.db, 'service_manager', { team, username: `maker.${childId.toLowerCase()}` });
  const worker = await aUser(probe.database.db, 'practitioner', { team, workerId: `WK${childId}`, username: `worker.${childId.toLowerCase()}` });
  const map = made(await services.safety.startMap(manager, childId, { title: 'Walked map', siblingIds: [], fromLast: false }), 'started', 'start a map') as { mapId: string };
  const { mapId } = map;
  made(await services.safety.changeMap(manager, childId, mapId, 1, { kind: 'pair', pair: { dangerStatement: 'Dad drinks', safetyGoal: 'Children safe', saidBy: 'Mum', saidOn: '2022-10-01' } }), 'saved', 'change a map');
  made(await services.safety.changeMap(manager, childId, mapId, 2, { kind: 'item', item: { category: 'harm', words: 'A fall', saidBy: 'Gran', saidOn: '2022-10-01' } }), 'saved', 'change a map');
  made(await services.safety.changeMap(manager, childId, mapId, 3, { kind: 'member', member: { name: 'Gran', relationship: 'Gran', agreedToDo: 'Visit' } }), 'saved', 'change a map');
  made(await services.safety.changeMap(manager, childId, mapId, 4, { kind: 'rule', rule: { rule: 'No drinking', whoDoesWhat: 'Dad', ifBroken: 'Call Gran' } }), 'saved', 'change a map');
  const picture = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } }).png().toBuffer();
  const drawing = made(await services.safety.recordDrawing(manager, childId, { tool: 'worries', description: 'A house', drawnOn: '2022-10-01', picture }), 'saved', 'record a drawing') as { drawingId: string };
  await services.keyPeople.add(manager, childId, { name: 'Walked Person', relationship: 'Health visitor', inHousehold: false, agency: null, contact: null });
  const episodeId = await anEpisode(probe.database.db, childId, { startDate: '2021-01-04' });
  await aPlacement(probe.database.db, episodeId, childId, { startDate: '2021-01-04' });
  await services.resources.add({ kind: 'user', user: manager }, { name: `Walked flat ${childId}`, kind: 'short_break', places: ['Room 1'] });
  const placeId = await firstId(probe, "select p.place_id::text as id from resource_places p join resources r using (resource_id) where r.name = $1", [`Walked flat ${childId}`]);
  made(await services.resources.book(manager, childId, { placeId, startDate: '2099-03-01', endDate: '2099-03-03', reason: 'Walked break', avoidedOutOfAuthority: false }), 'booked', 'book a short break');
  const meeting = made(await services.protection.recordMeeting(manager, childId, { meetingDate: '2022-03-02', kind: 'initial', decision: 'register' }), 'done', 'record a planning meeting') as { meetingId?: string };
  made(await services.protection.register(manager, childId, { meetingId: meeting.meetingId!, registeredDate: '2022-03-02', concerns: ['neglect'] }), 'done', 'register a child');
  await services.scra.refer(manager, childId, { referralDate: '2099-01-05', ground: 'a' });
  const reporterReferral = await firstId(probe, 'select scra_referral_id::text as id from scra_referrals where child_id = $1', [childId]);
  await services.scra.decide(manager, childId, reporterReferral, { decision: 'hearing_arranged', decisionDate: '2099-01-10' });
  await services.scra.recordHearing(manager, childId, reporterReferral, { hearingDate: '2099-02-01', outcome: 'deferred', reviewDate: null });
  const order = made(await services.supervisionOrders.record(manager, childId, { kind: 'cso_home', madeDate: '2099-02-01', measures: 'Walked measures', residence: null, hearingId: null, reviewDueDate: '2100-01-31' }), 'done', 'record an order') as { orderId: string };
  const recorded = made(await services.referrals.record(manager, { receivedDate: '2026-11-02', source: 'education', reason: 'Walked referral', schoolCluster: null, team, children: [{ kind: 'existing', childId }] }), 'recorded', 'record a referral') as { referralIds: string[] };
  const referralId = recorded.referralIds[0]!;
  await services.referrals.screen(manager, referralId, 'Screened for the walk');
  await services.referrals.decide(manager, referralId, { pathway: 'family_first', reason: 'For the walk', decidedDate: '2026-11-03' });
  const allocated = made(await services.referrals.allocate(manager, referralId, { workerId: worker.workerId!, openedDate: '2026-11-04' }), 'allocated', 'allocate a referral') as { involvementId?: string };
  made(await services.familyFirst.addSession(manager, allocated.involvementId!, { sessionDate: '2026-11-10', who: 'Parent', whatWasDone: 'Walked session' }), 'changed', 'record a Family First session');
  // A second referral still waiting in the team's tray: undecided, so its details, withdrawal and group pages open.
  const waiting = made(await services.referrals.record(manager, { receivedDate: '2026-11-20', source: 'police', reason: 'Walked tray', schoolCluster: null, team, children: [{ kind: 'existing', childId }] }), 'recorded', 'record a referral for the tray') as { referralIds: string[] };
  const ids = (sql: string) => firstId(probe, sql, [childId]);
  const onMap = (sql: string) => firstId(probe, sql, [mapId]);
  return {
    childId, mapId, category: 'harm', drawingId: drawing.drawingId, episodeId, bookingId: await ids('select booking_id::text as id from place_bookings where child_id = $1'),
    pairId: await onMap('select pair_id::text as id from safety_pairs where map_id = $1'),
    itemId: await onMap('select item_id::text as id from safety_map_items where map_id = $1'),
    memberId: await onMap('select member_id::text as id from safety_network_members where map_id = $1'),
    ruleId: await onMap('select rule_id::text as id from safety_plan_rules where map_id = $1'),
    personId: await ids('select person_id::text as id from key_people where child_id = $1'),
    placementId: await ids('select placement_id::text as id from placements where child_id = $1'),
    registrationId: await ids('select registration_id::text as id from cp_registrations where child_id = $1'),
    meetingId: meeting.meetingId!, orderId: order.orderId,
    hearingId: await ids('select h.hearing_id::text as id from scra_hearings h join scra_referrals r using (scra_referral_id) where r.child_id = $1'),
    scraReferralId: reporterReferral, referralId, undecidedReferralId: waiting.referralIds[0]!, involvementId: allocated.involvementId!,
    sessionId: await ids('select s.session_id::text as id from family_first_sessions s join family_first_involvements i using (involvement_id) where i.child_id = $1'),
    caseId: await ids('select case_id::text as id from cases where child_id = $1 and closed_date is null'),
  };
}

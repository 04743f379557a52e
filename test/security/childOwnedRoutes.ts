/**
 * @module Which GET routes open one child's record, read from the route table: those whose first parameter is a
 * child's id or the id of a record that belongs to one child. Every other first parameter is listed here with why
 * it names no single child, so a route with a new kind of id fails the walk until someone says which it is.
 */
import type { RegisteredRoute } from '../../src/platform/http/fastifyTypes.js';
import { roleDefinition } from '../../src/platform/access/roles.js';
import type { RecordIds } from './childRecords.js';

/** First parameters that name one child's record: the child, or a referral, case or Family First involvement of theirs. */
const ownedByAChild = ['childId', 'referralId', 'caseId', 'involvementId'];

/** First parameters that name no single child, and why (a page listing many children is walked in its own test). */
const notOneChild: Record<string, string> = {
  resourceId: 'a house or flat: its stays list many children, each name shown only to those who may open the child',
  homeId: 'a provider home: rates, no child',
  tableFile: 'a dashboard table: counts, or children named in a download audited on its own',
  chartFile: 'a dashboard chart: counts only',
  edition: 'a board paper edition: aggregate figures only',
  staffId: 'a member of staff in the training records',
  courseId: 'a training course',
  sessionId: 'a training session (a Family First session is reached by its involvement first)',
  surveyId: 'a survey: answers are anonymous',
  waveId: 'a survey wave: answers are anonymous',
  token: 'an anonymous survey link',
  rubricId: 'a case file audit rubric: questions only',
  roundId: 'a case file audit round: its files are opened one by one',
  fileId: 'a case file audit file: audited as a view of the child by caseFileAuditService, walked in its own tests',
  format: 'the quality report: aggregate figures only',
  list: 'a reference list',
  userId: 'a staff account',
  kind: "a statutory return's file (CLAS or CP): many children by id, each download audited as an export (test/returns/dataQualityPage.test.ts)",
  markId: 'a "checked, correct" mark on a data quality query (its withdrawal is asked on the confirmation page)',
  openingId: 'a break-glass opening under review (the review list names records by id)',
  grantId: 'a role grant waiting for a second administrator',
};

/** A GET route that opens one child's record, and whether only a service manager holds its permission. */
export interface OwnedRoute {
  url: string;
  leadOnly: boolean;
}

/** The route's first parameter, if any. */
const firstParameter = (url: string): string | undefined => /:([A-Za-z]+)/.exec(url)?.[1];

/**
 * The GET routes that open one child's record; throws on a first parameter neither list knows.
 * @example childOwnedRoutes(app.routeTable).map((route) => route.url) // ['/children/:childId', …]
 */
export function childOwnedRoutes(table: readonly RegisteredRoute[]): OwnedRoute[] {
  const managerMay = roleDefinition('team_manager').permissions;
  const owned: OwnedRoute[] = [];
  for (const route of table) {
    const first = firstParameter(route.url);
    if (route.method !== 'GET' || !first || route.url.startsWith('/assets/') || first in notOneChild) continue;
    if (!ownedByAChild.includes(first)) throw new Error(`${route.url}: say whether :${first} names one child's record`);
    const permission = route.access && 'permission' in route.access ? route.access.permission : undefined;
    owned.push({ url: route.url, leadOnly: permission !== undefined && !managerMay.includes(permission) });
  }
  return owned;
}

/** Referral pages that open only while the referral is undecided (its details, withdrawing it, deciding its group). */
const whileUndecided = /^\/referrals\/:referralId\/(details|withdraw|group)$/;

/** The id a route's parameter takes: a Reporter referral under `/scra/`, an undecided referral where only one opens. */
function idFor(pattern: string, name: string, ids: RecordIds): string | undefined {
  if (name === 'format') return 'pdf';
  if (name === 'referralId' && pattern.includes('/scra/')) return ids.scraReferralId;
  if (name === 'referralId' && whileUndecided.test(pattern)) return ids.undecidedReferralId;
  return ids[name];
}

/**
 * A route's pattern filled with one child's records' ids (a Reporter referral under `/scra/`, a family copy as PDF).
 * @example fillWith('/children/:childId/care/orders/:orderId/end', ids) // '/children/C000101/care/orders/SO1/end'
 */
export function fillWith(pattern: string, ids: RecordIds): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const id = idFor(pattern, name, ids);
    if (id === undefined) throw new Error(`${pattern}: the walk makes no record for :${name}`);
    return encodeURIComponent(id);
  });
}

/**
 * @module Where each kind of record a rule names is corrected: one screen per table, so every issue on the data
 * quality page is one click from its fix. The population comes only from the extract, so it has no screen.
 */
import { paths } from '../../../platform/http/paths.js';
import type { Permission } from '../../../platform/access/permissions.js';
import type { TableName } from '../records.js';

/** A link to the screen that corrects a record, and the permission that screen needs. */
export interface FixScreen {
  href: string;
  /** The link's words: what the screen changes. */
  text: string;
  permission: Permission;
}

interface Named {
  table: TableName;
  recordId: string;
  childId: string | null;
}

type ScreenOf = (record: Named & { childId: string }) => FixScreen;

const childScreens: { [T in Exclude<TableName, 'providers' | 'population'>]: ScreenOf } = {
  children: ({ childId }) => ({ href: paths.children.edit({ childId }), text: 'Change the child’s details', permission: 'child:record' }),
  // A case's team and worker are set where the case is allocated; the child's summary shows the case and links there.
  cases: ({ childId }) => ({ href: paths.children.show({ childId }), text: 'Open the child’s case', permission: 'child:view' }),
  episodes: ({ childId, recordId }) => ({ href: paths.care.correctEpisode({ childId, episodeId: recordId }), text: 'Correct the looked after episode', permission: 'care:record' }),
  placements: ({ childId, recordId }) => ({ href: paths.care.correctPlacement({ childId, placementId: recordId }), text: 'Correct the placement', permission: 'care:record' }),
  registrations: ({ childId, recordId }) => ({ href: paths.care.correctRegistration({ childId, registrationId: recordId }), text: 'Correct the registration', permission: 'care:record' }),
  planningMeetings: ({ childId, recordId }) => ({ href: paths.care.correctCpMeeting({ childId, meetingId: recordId }), text: 'Correct the planning meeting', permission: 'care:record' }),
  reporterReferrals: ({ childId, recordId }) => ({ href: paths.care.correctScraReferral({ childId, referralId: recordId }), text: 'Correct the referral to the Reporter', permission: 'care:record' }),
};

/**
 * The screen that corrects the record an issue names, or undefined for the population (corrected by importing the
 * extract again).
 * @example fixScreen({ table: 'placements', recordId: 'P1', childId: 'C1' })?.href // '/children/C1/care/placements/P1/correct'
 */
export function fixScreen(record: Named): FixScreen | undefined {
  if (record.table === 'providers') return { href: paths.care.providers(), text: 'Open the providers', permission: 'commissioning:view' };
  if (record.table === 'population' || record.childId === null) return undefined;
  return childScreens[record.table]({ ...record, childId: record.childId });
}

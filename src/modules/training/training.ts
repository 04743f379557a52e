/**
 * @module Training records: staff groups, the staff register, courses, sessions and attendance, and the rule for
 * who counts as trained (coverage). Pure: no SQL, no I/O.
 *
 * The rule: a person is trained on a date when they attended EVERY day of at least one session of a course that
 * counts as trained, and that session's last day is on or before the date. Coverage of a group on a date is the
 * people of that group active on the date (active from ≤ date ≤ active to, or no end) who are trained on it.
 */
import { percentage } from '../reporting/rounding.js';
import type { TrainingCoverageRow } from '../quality/qualityContracts.js';

export const staffGroups = ['social_work', 'family_support', 'childrens_panel', 'head_teachers', 'education', 'health', 'police', 'admin', 'other'] as const;
export type StaffGroup = (typeof staffGroups)[number];
export const staffGroupLabels: Record<StaffGroup, string> = {
  social_work: 'Social work',
  family_support: 'Family support',
  childrens_panel: 'Children’s Hearing panel members',
  head_teachers: 'Head teachers',
  education: 'Education staff',
  health: 'Health staff',
  police: 'Police',
  admin: 'Administrative staff',
  other: 'Other staff',
};

export interface StaffMember {
  staffId: string;
  name: string;
  staffGroup: StaffGroup;
  team: string;
  activeFrom: string;
  activeTo: string | null;
  userId: string | null;
}
export type NewStaffMember = Omit<StaffMember, 'staffId'>;

export interface Course {
  courseId: string;
  title: string;
  days: number;
  countsAsTrained: boolean;
  intendedGroups: StaffGroup[];
}
export type NewCourse = Omit<Course, 'courseId'>;

export interface SessionDay {
  dayNumber: number;
  date: string;
}

export interface TrainingSession {
  sessionId: string;
  courseId: string;
  courseTitle: string;
  countsAsTrained: boolean;
  venue: string;
  trainer: string;
  /** Day 1 first. */
  days: SessionDay[];
  /** Set once the session is withdrawn: it stays on record but counts for nobody's training. */
  withdrawn: { on: string; by: string; reason: string } | null;
}
export interface NewSession {
  courseId: string;
  venue: string;
  trainer: string;
  /** One date per day of the course, day 1 first. */
  dates: string[];
}

/** One person's presence on one day of one session. */
export interface AttendanceMark {
  sessionId: string;
  dayNumber: number;
  staffId: string;
  attended: boolean;
}

/** @example isActiveOn({ activeFrom: '2023-01-01', activeTo: null }, '2024-01-01') // true */
export const isActiveOn = (staff: Pick<StaffMember, 'activeFrom' | 'activeTo'>, date: string) =>
  staff.activeFrom <= date && (staff.activeTo === null || staff.activeTo >= date);

/**
 * The date each person completed a session of a coverage course (attended every day of it): the session's last
 * day. The earliest such date per person.
 * @example completionDates([{ sessionId: 'S', countsAsTrained: true, days: [{ dayNumber: 1, date: '2024-03-04' }], … }], [{ sessionId: 'S', dayNumber: 1, staffId: 'A', attended: true }]) // Map { 'A' => '2024-03-04' }
 */
export function completionDates(sessions: readonly Pick<TrainingSession, 'sessionId' | 'countsAsTrained' | 'days'>[], marks: readonly AttendanceMark[]): Map<string, string> {
  const attended = new Set(marks.filter((m) => m.attended).map((m) => `${m.sessionId}|${m.dayNumber}|${m.staffId}`));
  const people = new Set(marks.map((m) => m.staffId));
  const completed = new Map<string, string>();
  for (const session of sessions) {
    if (!session.countsAsTrained || session.days.length === 0) continue;
    const lastDay = session.days.reduce((last, day) => (day.date > last ? day.date : last), session.days[0]!.date);
    for (const staffId of people) {
      if (!session.days.every((day) => attended.has(`${session.sessionId}|${day.dayNumber}|${staffId}`))) continue;
      const earlier = completed.get(staffId);
      if (!earlier || lastDay < earlier) completed.set(staffId, lastDay);
    }
  }
  return completed;
}

/**
 * Coverage on `onDate`: one row per staff group, in the list's order, every group shown (a group with no
 * active staff has a null percentage).
 * @example coverageOn(staff, sessions, marks, '2024-03-31')[0] // { staffGroup: 'social_work', label: 'Social work', staff: 3, trained: 1, percentTrained: 33.3 }
 */
export function coverageOn(
  staff: readonly Pick<StaffMember, 'staffId' | 'staffGroup' | 'activeFrom' | 'activeTo'>[],
  sessions: readonly Pick<TrainingSession, 'sessionId' | 'countsAsTrained' | 'days'>[],
  marks: readonly AttendanceMark[],
  onDate: string,
): TrainingCoverageRow[] {
  const completed = completionDates(sessions, marks);
  return staffGroups.map((group) => {
    const active = staff.filter((s) => s.staffGroup === group && isActiveOn(s, onDate));
    const trained = active.filter((s) => (completed.get(s.staffId) ?? '9999-12-31') <= onDate).length;
    return { staffGroup: group, label: staffGroupLabels[group], staff: active.length, trained, percentTrained: percentage(trained, active.length, 1) ?? null };
  });
}


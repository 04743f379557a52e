/**
 * @module Training records' use cases: the staff register, courses, sessions and their registers, and coverage.
 * Every change is written in one transaction with its audit event.
 */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { Actor } from '../../platform/access/user.js';
import type { TrainingCoverageRow } from '../quality/qualityContracts.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { coverageOn, isActiveOn, type AttendanceMark, type Course, type NewCourse, type NewSession, type NewStaffMember, type StaffMember, type TrainingSession } from './training.js';
import type { TrainingRepository } from './trainingRepository.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { longDateOf } from '../../platform/dates/formats.js';

export type Saved = { outcome: 'saved'; id: string } | { outcome: 'problems'; problems: Record<string, string> } | { outcome: 'not_found' };

/** A session's register: who is listed (the course's staff groups, active on any day of it, and anyone already marked). */
export interface Register {
  session: TrainingSession;
  course: Course;
  people: StaffMember[];
  marks: AttendanceMark[];
}

/** A session's details as corrected: its course, venue, trainer and one date per day. */
export type SessionCorrection = NewSession;

/** A session as its amendments record it, in words, by label. */
const sessionInWords = (session: Pick<TrainingSession, 'venue' | 'trainer' | 'days'>, courseTitle: string): Record<string, string> => ({
  Course: courseTitle,
  ...Object.fromEntries(session.days.map((d) => [`Day ${d.dayNumber}`, longDateOf(d.date)])),
  Venue: session.venue,
  Trainer: session.trainer,
});

/** Who attended each day of a register, in words, by label ("Day 1, 4 March 2024": "Ann Bell, Ruth Dow"). */
function attendanceInWords(register: Register, marks: readonly AttendanceMark[]): Record<string, string> {
  const names = new Map(register.people.map((p) => [p.staffId, p.name]));
  return Object.fromEntries(register.session.days.map((d) => {
    const there = marks.filter((m) => m.attended && m.dayNumber === d.dayNumber).map((m) => names.get(m.staffId) ?? m.staffId).sort();
    return [`Day ${d.dayNumber}, ${longDateOf(d.date)}`, there.length ? there.join(', ') : 'No one'];
  }));
}

/** The staff register's details as typed: a Cairn username instead of the account's id. */
export type StaffInput = Omit<NewStaffMember, 'userId'> & { username: string };

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.user.userId : null);

export function trainingService(db: Database, repository: TrainingRepository, audit: AuditService, amendments: AmendmentRepository, today: () => string = todayIso) {
  async function linkedUser(username: string): Promise<{ userId: string | null } | { problem: string }> {
    if (!username) return { userId: null };
    const userId = await repository.userIdByUsername(db, username);
    return userId ? { userId } : { problem: 'There is no Cairn account with this username. Leave it blank if they have none.' };
  }

  /** A session's register, or undefined when there is no such session. */
  async function registerOf(sessionId: string): Promise<Register | undefined> {
    const [session] = await repository.sessions(db, { sessionId });
    if (!session) return undefined;
    const course = (await repository.courses(db)).find((c) => c.courseId === session.courseId)!;
    const marks = await repository.attendance(db, { sessionId });
    const marked = new Set(marks.map((m) => m.staffId));
    const first = session.days[0]!.date;
    const last = session.days.at(-1)!.date;
    const people = (await repository.staff(db)).filter((s) => marked.has(s.staffId)
      || (course.intendedGroups.includes(s.staffGroup) && s.activeFrom <= last && (s.activeTo === null || s.activeTo >= first)));
    return { session, course, people, marks };
  }

  return {
    /** @example await training.staff() // everyone on the register, by group and name */
    staff: () => repository.staff(db),
    staffMember: (staffId: string) => repository.staffMember(db, staffId),

    /**
     * Add someone to the staff register, linked to their Cairn account when a username is given.
     * @example await training.addStaff(actor, { name: 'Morag Innes', staffGroup: 'childrens_panel', team: 'Glenmuir panel', activeFrom: '2022-01-01', activeTo: null, username: '' })
     */
    async addStaff(actor: Actor, input: StaffInput): Promise<Saved> {
      const link = await linkedUser(input.username);
      if ('problem' in link) return { outcome: 'problems', problems: { username: link.problem } };
      const staffId = newRecordId('ST');
      await db.transaction(async (tx) => {
        await repository.insertStaff(tx, { ...input, staffId, userId: link.userId });
        await audit.record(actor, { action: 'training.staff_added', subject: staffId, details: { staffGroup: input.staffGroup, activeFrom: input.activeFrom } }, tx);
      });
      return { outcome: 'saved', id: staffId };
    },

    /** Change someone's details, for example the date they left. */
    async changeStaff(actor: Actor, staffId: string, input: StaffInput): Promise<Saved> {
      const link = await linkedUser(input.username);
      if ('problem' in link) return { outcome: 'problems', problems: { username: link.problem } };
      return db.transaction(async (tx) => {
        const before = await repository.staffMember(tx, staffId);
        if (!before) return { outcome: 'not_found' } as const;
        await repository.updateStaff(tx, { ...input, staffId, userId: link.userId });
        await audit.record(actor, {
          action: 'training.staff_changed', subject: staffId,
          details: { staffGroup: input.staffGroup, activeFrom: input.activeFrom, activeTo: input.activeTo, groupChanged: before.staffGroup !== input.staffGroup },
        }, tx);
        return { outcome: 'saved', id: staffId } as const;
      });
    },

    courses: () => repository.courses(db),

    /** @example await training.addCourse(actor, { title: 'Signs of Safety 4-day', days: 4, countsAsTrained: true, intendedGroups: ['social_work'] }) */
    async addCourse(actor: Actor, input: NewCourse): Promise<Saved> {
      const courseId = newRecordId('TC');
      return db.transaction(async (tx) => {
        if (await repository.courseTitleTaken(tx, input.title)) return { outcome: 'problems', problems: { title: 'There is already a course with this title' } } as const;
        await repository.insertCourse(tx, { ...input, courseId });
        await audit.record(actor, { action: 'training.course_added', subject: courseId, details: { title: input.title, days: input.days, countsAsTrained: input.countsAsTrained } }, tx);
        return { outcome: 'saved', id: courseId } as const;
      });
    },

    sessions: () => repository.sessions(db),

    /**
     * Add a session of a course: one date per day of the course, each after the one before.
     * @example await training.addSession(actor, { courseId, venue: 'Glenmuir Academy', trainer: 'A. Trainer', dates: ['2024-03-04', '2024-03-05'] })
     */
    async addSession(actor: Actor, input: NewSession): Promise<Saved> {
      const course = (await repository.courses(db)).find((c) => c.courseId === input.courseId);
      if (!course) return { outcome: 'not_found' };
      if (input.dates.length !== course.days) return { outcome: 'problems', problems: { day1: `Enter a date for each of the course’s ${course.days} days` } };
      for (let n = 1; n < input.dates.length; n += 1) {
        if (input.dates[n]! <= input.dates[n - 1]!) return { outcome: 'problems', problems: { [`day${n + 1}`]: `Day ${n + 1} must be after day ${n}` } };
      }
      const sessionId = newRecordId('TS');
      await db.transaction(async (tx) => {
        await repository.insertSession(tx, { ...input, sessionId });
        await audit.record(actor, { action: 'training.session_added', subject: sessionId, details: { courseId: course.courseId, firstDay: input.dates[0], days: input.dates.length } }, tx);
      });
      return { outcome: 'saved', id: sessionId };
    },

    register: registerOf,

    /**
     * Record the register: `attended` holds `staffId|dayNumber` for each tick; everyone listed is marked absent
     * on the days not ticked. Refused for a day that has not happened yet, or someone not active on that day.
     * @example await training.recordAttendance(actor, sessionId, new Set(['ST-1|1', 'ST-1|2']))
     */
    async recordAttendance(actor: Actor, sessionId: string, attended: ReadonlySet<string>, reason = ''): Promise<Saved> {
      const register = await registerOf(sessionId);
      if (!register) return { outcome: 'not_found' };
      if (register.session.withdrawn) return { outcome: 'problems', problems: { attendance: 'This session has been withdrawn, so its register cannot change' } };
      // Once taken, the register is corrected, not overwritten: why is kept with who attended before and after.
      const correcting = register.marks.length > 0;
      if (correcting && !reason.trim()) return { outcome: 'problems', problems: { reason: 'Enter why you are correcting the register' } };
      const userId = userOf(actor);
      if (correcting && !userId) return { outcome: 'problems', problems: { reason: 'Only a signed-in person can correct a register' } };
      const problems: Record<string, string> = {};
      const marks: AttendanceMark[] = [];
      for (const person of register.people) {
        for (const day of register.session.days) {
          const ticked = attended.has(`${person.staffId}|${day.dayNumber}`);
          if (ticked && day.date > today()) problems.attendance ??= `Day ${day.dayNumber} has not happened yet: record who attended it on or after the day`;
          if (ticked && !isActiveOn(person, day.date)) problems.attendance ??= `${person.name} was not on the staff register on day ${day.dayNumber}`;
          marks.push({ sessionId, dayNumber: day.dayNumber, staffId: person.staffId, attended: ticked });
        }
      }
      if (Object.keys(problems).length) return { outcome: 'problems', problems };
      await db.transaction(async (tx) => {
        await repository.replaceAttendance(tx, sessionId, marks, userOf(actor));
        const changed = changedFields(attendanceInWords(register, register.marks), attendanceInWords(register, marks));
        if (correcting && Object.keys(changed.after).length) {
          await amendments.add(tx, { childId: null, recordKind: 'training_session', recordId: sessionId, reason: reason.trim(), ...changed, userId: userId! });
          await audit.record(actor, { action: 'training.attendance_amended', subject: sessionId, reason: reason.trim(), details: { ...changed } }, tx);
          return;
        }
        await audit.record(actor, {
          action: 'training.attendance_recorded', subject: sessionId,
          details: { people: register.people.length, attendedDays: marks.filter((m) => m.attended).length },
        }, tx);
      });
      return { outcome: 'saved', id: sessionId };
    },

    /**
     * Correct a session as recorded (its course, dates, venue, trainer), with a reason. The session holds the
     * corrected values, so coverage uses them; what it said before is kept as an amendment, and audited. The course
     * may change only to one of as many days; a day with attendance recorded may not move into the future.
     * @example await training.correctSession(actor, 'TS-1', { courseId, venue, trainer, dates: ['2024-03-11'] }, 'Held a week later')
     */
    async correctSession(actor: Actor, sessionId: string, corrected: SessionCorrection, reason: string): Promise<Saved> {
      const userId = userOf(actor);
      if (!userId) return { outcome: 'problems', problems: { reason: 'Only a signed-in person can correct a session' } };
      const [session] = await repository.sessions(db, { sessionId });
      if (!session) return { outcome: 'not_found' };
      if (session.withdrawn) return { outcome: 'problems', problems: { reason: 'This session has been withdrawn, so it cannot be corrected' } };
      const course = (await repository.courses(db)).find((c) => c.courseId === corrected.courseId);
      if (!course) return { outcome: 'problems', problems: { courseId: 'Select the course' } };
      if (course.days !== session.days.length) {
        return { outcome: 'problems', problems: { courseId: `${course.title} lasts ${course.days === 1 ? '1 day' : `${course.days} days`} but this session has ${session.days.length}. Withdraw this session and add one of that course instead.` } };
      }
      for (let n = 1; n < corrected.dates.length; n += 1) {
        if (corrected.dates[n]! <= corrected.dates[n - 1]!) return { outcome: 'problems', problems: { [`day${n + 1}`]: `Day ${n + 1} must be after day ${n}` } };
      }
      const marks = await repository.attendance(db, { sessionId });
      const future = session.days.find((d, i) => corrected.dates[i]! > today() && marks.some((m) => m.attended && m.dayNumber === d.dayNumber));
      if (future) return { outcome: 'problems', problems: { [`day${future.dayNumber}`]: `Day ${future.dayNumber} has attendance recorded, so it must be on or before today` } };
      const after = { ...session, courseId: course.courseId, venue: corrected.venue, trainer: corrected.trainer, days: session.days.map((d, i) => ({ ...d, date: corrected.dates[i]! })) };
      const changed = changedFields(sessionInWords(session, session.courseTitle), sessionInWords(after, course.title));
      if (!Object.keys(changed.after).length) return { outcome: 'problems', problems: { courseId: 'Nothing has been changed. Change what was recorded wrongly, or go back.' } };
      await db.transaction(async (tx) => {
        await repository.correctSession(tx, { sessionId, courseId: course.courseId, venue: corrected.venue, trainer: corrected.trainer, dates: corrected.dates });
        await amendments.add(tx, { childId: null, recordKind: 'training_session', recordId: sessionId, reason, ...changed, userId });
        await audit.record(actor, { action: 'training.session_amended', subject: sessionId, reason, details: { ...changed } }, tx);
      });
      return { outcome: 'saved', id: sessionId };
    },

    /**
     * Withdraw a session recorded by mistake (it never ran, or was entered twice), with a reason: it stays on
     * record, marked withdrawn, and no longer counts for anyone's training.
     * @example await training.withdrawSession(actor, 'TS-1', 'Entered twice')
     */
    async withdrawSession(actor: Actor, sessionId: string, reason: string): Promise<Saved> {
      const userId = userOf(actor);
      if (!userId) return { outcome: 'problems', problems: { reason: 'Only a signed-in person can withdraw a session' } };
      const [session] = await repository.sessions(db, { sessionId });
      if (!session) return { outcome: 'not_found' };
      return db.transaction(async (tx) => {
        if (!(await repository.withdrawSession(tx, sessionId, reason, userId))) return { outcome: 'problems', problems: { reason: 'This session has already been withdrawn' } } as const;
        const change = { before: { Status: 'On record' }, after: { Status: 'Withdrawn' } };
        await amendments.add(tx, { childId: null, recordKind: 'training_session', recordId: sessionId, reason, ...change, userId });
        await audit.record(actor, { action: 'training.session_withdrawn', subject: sessionId, reason, details: { courseId: session.courseId } }, tx);
        return { outcome: 'saved', id: sessionId } as const;
      });
    },

    /** A session's corrections and withdrawal, oldest first. */
    amendments: (sessionId: string): Promise<Amendment[]> => amendments.forRecords(db, 'training_session', [sessionId]),

    /**
     * Training coverage on a date, per staff group (the rule is in training.ts).
     * @example await training.coverage(actor, '2024-03-31') // [{ staffGroup: 'social_work', label: 'Social work', staff: 40, trained: 31, percentTrained: 77.5 }, …]
     */
    async coverage(_actor: Actor, onDate: string): Promise<TrainingCoverageRow[]> {
      const [staff, sessions, marks] = await Promise.all([repository.staff(db), repository.sessions(db, { coverageOnly: true }), repository.attendance(db, { coverageOnly: true })]);
      return coverageOn(staff, sessions, marks, onDate);
    },
  };
}
export type TrainingService = ReturnType<typeof trainingService>;

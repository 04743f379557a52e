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

export type Saved = { outcome: 'saved'; id: string } | { outcome: 'problems'; problems: Record<string, string> } | { outcome: 'not_found' };

/** A session's register: who is listed (the course's staff groups, active on any day of it, and anyone already marked). */
export interface Register {
  session: TrainingSession;
  course: Course;
  people: StaffMember[];
  marks: AttendanceMark[];
}

/** The staff register's details as typed: a Cairn username instead of the account's id. */
export type StaffInput = Omit<NewStaffMember, 'userId'> & { username: string };

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.user.userId : null);

export function trainingService(db: Database, repository: TrainingRepository, audit: AuditService, today: () => string = todayIso) {
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
    async recordAttendance(actor: Actor, sessionId: string, attended: ReadonlySet<string>): Promise<Saved> {
      const register = await registerOf(sessionId);
      if (!register) return { outcome: 'not_found' };
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
        await audit.record(actor, {
          action: 'training.attendance_recorded', subject: sessionId,
          details: { people: register.people.length, attendedDays: marks.filter((m) => m.attended).length },
        }, tx);
      });
      return { outcome: 'saved', id: sessionId };
    },

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

/** @module SQL for training records: the staff register, courses and their staff groups, sessions and their days, attendance. */
import type { Queryable } from '../../db/database.js';
import { staffGroups, type AttendanceMark, type Course, type NewCourse, type NewStaffMember, type StaffGroup, type StaffMember, type TrainingSession } from './training.js';

interface StaffRow {
  staff_id: string; name: string; staff_group: StaffGroup; team: string; active_from: string; active_to: string | null; user_id: string | null;
}
const toStaff = (r: StaffRow): StaffMember => ({
  staffId: r.staff_id, name: r.name, staffGroup: r.staff_group, team: r.team, activeFrom: r.active_from, activeTo: r.active_to, userId: r.user_id,
});
const staffColumns = 'staff_id, name, staff_group, team, active_from, active_to, user_id';

export function trainingRepository() {
  return {
    async staff(db: Queryable): Promise<StaffMember[]> {
      return (await db.query<StaffRow>(`select ${staffColumns} from training_staff order by lower(name), staff_id`)).map(toStaff);
    },

    async staffMember(db: Queryable, staffId: string): Promise<StaffMember | undefined> {
      const rows = await db.query<StaffRow>(`select ${staffColumns} from training_staff where staff_id = $1`, [staffId]);
      return rows[0] && toStaff(rows[0]);
    },

    async insertStaff(db: Queryable, staff: NewStaffMember & { staffId: string }): Promise<void> {
      await db.query(
        'insert into training_staff (staff_id, name, staff_group, team, active_from, active_to, user_id) values ($1, $2, $3, $4, $5, $6, $7)',
        [staff.staffId, staff.name, staff.staffGroup, staff.team, staff.activeFrom, staff.activeTo, staff.userId]);
    },

    async updateStaff(db: Queryable, staff: StaffMember): Promise<void> {
      await db.query(
        'update training_staff set name = $2, staff_group = $3, team = $4, active_from = $5, active_to = $6, user_id = $7 where staff_id = $1',
        [staff.staffId, staff.name, staff.staffGroup, staff.team, staff.activeFrom, staff.activeTo, staff.userId]);
    },

    /** The user account's id for a username, if there is one. */
    async userIdByUsername(db: Queryable, username: string): Promise<string | undefined> {
      const rows = await db.query<{ user_id: string }>('select user_id from users where lower(username) = lower($1)', [username]);
      return rows[0]?.user_id;
    },

    async courses(db: Queryable): Promise<Course[]> {
      const rows = await db.query<{ course_id: string; title: string; days: number; counts_as_trained: boolean; staff_group: StaffGroup | null }>(
        `select c.course_id, c.title, c.days, c.counts_as_trained, g.staff_group
           from training_courses c left join training_course_groups g on g.course_id = c.course_id
          order by lower(c.title), c.course_id, g.staff_group`);
      const byId = new Map<string, Course>();
      for (const row of rows) {
        let course = byId.get(row.course_id);
        if (!course) {
          course = { courseId: row.course_id, title: row.title, days: row.days, countsAsTrained: row.counts_as_trained, intendedGroups: [] };
          byId.set(row.course_id, course);
        }
        if (row.staff_group) course.intendedGroups.push(row.staff_group);
      }
      for (const course of byId.values()) course.intendedGroups.sort((a, b) => staffGroups.indexOf(a) - staffGroups.indexOf(b));
      return [...byId.values()];
    },

    async courseTitleTaken(db: Queryable, title: string): Promise<boolean> {
      return (await db.query('select 1 from training_courses where lower(title) = lower($1)', [title])).length > 0;
    },

    async insertCourse(db: Queryable, course: NewCourse & { courseId: string }): Promise<void> {
      await db.query('insert into training_courses (course_id, title, days, counts_as_trained) values ($1, $2, $3, $4)',
        [course.courseId, course.title, course.days, course.countsAsTrained]);
      await db.query('insert into training_course_groups (course_id, staff_group) select $1, unnest($2::text[])', [course.courseId, course.intendedGroups]);
    },

    /** Sessions with their days, newest first; only those of coverage courses with `coverageOnly`. */
    async sessions(db: Queryable, options: { sessionId?: string; coverageOnly?: boolean } = {}): Promise<TrainingSession[]> {
      const rows = await db.query<{
        session_id: string; course_id: string; title: string; counts_as_trained: boolean; venue: string; trainer: string; day_number: number; day_date: string;
        withdrawn_at: Date | string | null; withdrawn_by: string | null; withdrawn_reason: string | null;
      }>(
        `select s.session_id, s.course_id, c.title, c.counts_as_trained, s.venue, s.trainer, d.day_number, d.day_date,
                s.withdrawn_at, u.display_name as withdrawn_by, s.withdrawn_reason
           from training_sessions s
           join training_courses c on c.course_id = s.course_id
           join training_session_days d on d.session_id = s.session_id
           left join users u on u.user_id = s.withdrawn_by
          where ($1::text is null or s.session_id = $1) and (not $2::boolean or (c.counts_as_trained and s.withdrawn_at is null))
          order by (select min(first.day_date) from training_session_days first where first.session_id = s.session_id) desc, s.session_id, d.day_number`,
        [options.sessionId ?? null, options.coverageOnly ?? false]);
      const byId = new Map<string, TrainingSession>();
      for (const row of rows) {
        let session = byId.get(row.session_id);
        if (!session) {
          const withdrawn = row.withdrawn_at ? { on: new Date(row.withdrawn_at).toISOString(), by: row.withdrawn_by ?? '', reason: row.withdrawn_reason ?? '' } : null;
          session = { sessionId: row.session_id, courseId: row.course_id, courseTitle: row.title, countsAsTrained: row.counts_as_trained, venue: row.venue, trainer: row.trainer, days: [], withdrawn };
          byId.set(row.session_id, session);
        }
        session.days.push({ dayNumber: row.day_number, date: row.day_date });
      }
      return [...byId.values()];
    },

    async insertSession(db: Queryable, session: { sessionId: string; courseId: string; venue: string; trainer: string; dates: string[] }): Promise<void> {
      await db.query('insert into training_sessions (session_id, course_id, venue, trainer) values ($1, $2, $3, $4)',
        [session.sessionId, session.courseId, session.venue, session.trainer]);
      await db.query(
        `insert into training_session_days (session_id, day_number, day_date)
         select $1, day.n, day.d from unnest($2::date[]) with ordinality as day(d, n)`,
        [session.sessionId, session.dates]);
    },

    /** Correct a session's course, venue, trainer and dates (one per day, day 1 first); its register stays. */
    async correctSession(db: Queryable, session: { sessionId: string; courseId: string; venue: string; trainer: string; dates: string[] }): Promise<void> {
      await db.query('update training_sessions set course_id = $2, venue = $3, trainer = $4 where session_id = $1',
        [session.sessionId, session.courseId, session.venue, session.trainer]);
      // One date per day is checked at commit (0035), so days may swap dates here.
      await db.query(
        `update training_session_days d set day_date = day.d
           from unnest($2::date[]) with ordinality as day(d, n) where d.session_id = $1 and d.day_number = day.n`,
        [session.sessionId, session.dates]);
    },

    /** Withdraw a session not withdrawn already; false when it was. */
    async withdrawSession(db: Queryable, sessionId: string, reason: string, userId: string): Promise<boolean> {
      const rows = await db.query(
        'update training_sessions set withdrawn_at = now(), withdrawn_by = $3, withdrawn_reason = $2 where session_id = $1 and withdrawn_at is null returning session_id',
        [sessionId, reason, userId]);
      return rows.length > 0;
    },

    /** Attendance marks, of one session or (for coverage) of every session of a coverage course. */
    async attendance(db: Queryable, options: { sessionId?: string; coverageOnly?: boolean } = {}): Promise<AttendanceMark[]> {
      const rows = await db.query<{ session_id: string; day_number: number; staff_id: string; attended: boolean }>(
        `select a.session_id, a.day_number, a.staff_id, a.attended
           from training_attendance a
           join training_sessions s on s.session_id = a.session_id
           join training_courses c on c.course_id = s.course_id
          where ($1::text is null or a.session_id = $1) and (not $2::boolean or (c.counts_as_trained and s.withdrawn_at is null))
          order by a.session_id, a.staff_id, a.day_number`,
        [options.sessionId ?? null, options.coverageOnly ?? false]);
      return rows.map((r) => ({ sessionId: r.session_id, dayNumber: r.day_number, staffId: r.staff_id, attended: r.attended }));
    },

    /** Replace a session's register with `marks` (every listed person, every day). */
    async replaceAttendance(db: Queryable, sessionId: string, marks: readonly AttendanceMark[], recordedBy: string | null): Promise<void> {
      await db.query('delete from training_attendance where session_id = $1', [sessionId]);
      if (!marks.length) return;
      await db.query(
        `insert into training_attendance (session_id, day_number, staff_id, attended, recorded_by)
         select $1, m.day_number, m.staff_id, m.attended, $5
           from unnest($2::int[], $3::text[], $4::boolean[]) as m(day_number, staff_id, attended)`,
        [sessionId, marks.map((m) => m.dayNumber), marks.map((m) => m.staffId), marks.map((m) => m.attended), recordedBy]);
    },
  };
}
export type TrainingRepository = ReturnType<typeof trainingRepository>;

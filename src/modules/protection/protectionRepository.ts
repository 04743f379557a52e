/** @module SQL for child protection registrations and the register. */
import type { Queryable } from '../../db/database.js';
import type { ProtectionEvent, Registration, RegisteredChild } from './protection.js';

interface RegistrationRow {
  registration_id: string; child_id: string; registered_date: string; deregistered_date: string | null; concerns: string[]; deregistration_reason: string | null;
  meeting_id: string | null; version: number;
}

/** The fields of a registration a correction may change. */
export interface RegistrationFacts { registeredDate: string; concerns: string[]; deregisteredDate: string | null; deregistrationReason: string | null }

export function protectionRepository() {
  return {
    async discussions(db: Queryable, childId: string): Promise<ProtectionEvent[]> {
      const rows = await db.query<{ ird_id: string; discussed_date: string; decision: string }>(
        'select ird_id, discussed_date, decision from inter_agency_discussions where child_id = $1 order by discussed_date desc, ird_id', [childId]);
      // Discussions are not corrected (yet), so they carry no version.
      return rows.map((r) => ({ id: r.ird_id, date: r.discussed_date, kind: null, decision: r.decision, version: 0 }));
    },

    async meetings(db: Queryable, childId: string): Promise<ProtectionEvent[]> {
      const rows = await db.query<{ meeting_id: string; meeting_date: string; kind: string; decision: string; version: number }>(
        'select meeting_id, meeting_date, kind, decision, version from cp_planning_meetings where child_id = $1 order by meeting_date desc, meeting_id', [childId]);
      return rows.map((r) => ({ id: r.meeting_id, date: r.meeting_date, kind: r.kind, decision: r.decision, version: r.version }));
    },

    /** Correct a meeting as recorded, if it is still at `version`; false when someone else changed it first. */
    async correctMeeting(db: Queryable, meetingId: string, meeting: { meetingDate: string; kind: string; decision: string }, version: number): Promise<boolean> {
      const rows = await db.query('update cp_planning_meetings set meeting_date = $2, kind = $3, decision = $4, version = version + 1 where meeting_id = $1 and version = $5 returning meeting_id',
        [meetingId, meeting.meetingDate, meeting.kind, meeting.decision, version]);
      return rows.length > 0;
    },

    /** Take a meeting recorded in error out of the record (its amendment keeps what it said). */
    async removeMeeting(db: Queryable, meetingId: string, version: number): Promise<boolean> {
      return (await db.query('delete from cp_planning_meetings where meeting_id = $1 and version = $2 returning meeting_id', [meetingId, version])).length > 0;
    },

    async insertDiscussion(db: Queryable, ird: { irdId: string; childId: string; discussedDate: string; decision: string; recordedBy: string }): Promise<void> {
      await db.query('insert into inter_agency_discussions (ird_id, child_id, discussed_date, decision, recorded_by) values ($1, $2, $3, $4, $5)',
        [ird.irdId, ird.childId, ird.discussedDate, ird.decision, ird.recordedBy]);
    },

    async insertMeeting(db: Queryable, meeting: { meetingId: string; childId: string; meetingDate: string; kind: string; decision: string; recordedBy: string }): Promise<void> {
      await db.query('insert into cp_planning_meetings (meeting_id, child_id, meeting_date, kind, decision, recorded_by) values ($1, $2, $3, $4, $5, $6)',
        [meeting.meetingId, meeting.childId, meeting.meetingDate, meeting.kind, meeting.decision, meeting.recordedBy]);
    },

    /** The child's name, locking their row so two registrations of one child run one after the other. */
    async lockChild(db: Queryable, childId: string): Promise<boolean> {
      return (await db.query('select 1 from children where child_id = $1 for update', [childId])).length > 0;
    },

    async childName(db: Queryable, childId: string): Promise<string | undefined> {
      const rows = await db.query<{ forename: string | null; surname: string | null }>('select forename, surname from children where child_id = $1', [childId]);
      const row = rows[0];
      return row ? [row.forename, row.surname].filter(Boolean).join(' ') || 'Name not recorded' : undefined;
    },

    async registrations(db: Queryable, childId: string): Promise<Registration[]> {
      const rows = await db.query<RegistrationRow>(
        `select registration_id, child_id, registered_date, deregistered_date, concerns, deregistration_reason, meeting_id, version
           from cp_registrations where child_id = $1 order by registered_date, registration_id`, [childId]);
      return rows.map((r) => ({
        registrationId: r.registration_id, childId: r.child_id, registeredDate: r.registered_date, deregisteredDate: r.deregistered_date,
        concerns: r.concerns, deregistrationReason: r.deregistration_reason, meetingId: r.meeting_id, version: r.version,
      }));
    },

    async insert(db: Queryable, registration: { registrationId: string; childId: string; registeredDate: string; concerns: string[]; meetingId: string }): Promise<void> {
      await db.query('insert into cp_registrations (registration_id, child_id, registered_date, concerns, meeting_id) values ($1, $2, $3, $4::text[], $5)',
        [registration.registrationId, registration.childId, registration.registeredDate, registration.concerns, registration.meetingId]);
    },

    /** Correct a registration (and its de-registration) as recorded, if still at `version`; false when someone else changed it first. */
    async correctRegistration(db: Queryable, registrationId: string, facts: RegistrationFacts, version: number): Promise<boolean> {
      const rows = await db.query(
        `update cp_registrations set registered_date = $2, concerns = $3::text[], deregistered_date = $4, deregistration_reason = $5, version = version + 1
          where registration_id = $1 and version = $6 returning registration_id`,
        [registrationId, facts.registeredDate, facts.concerns, facts.deregisteredDate, facts.deregistrationReason, version]);
      return rows.length > 0;
    },

    /** Take a registration recorded in error out of the record and so out of every figure (its amendment keeps what it said). */
    async removeRegistration(db: Queryable, registrationId: string, version: number): Promise<boolean> {
      return (await db.query('delete from cp_registrations where registration_id = $1 and version = $2 returning registration_id', [registrationId, version])).length > 0;
    },

    async deregister(db: Queryable, registrationId: string, deregisteredDate: string, reason: string): Promise<void> {
      await db.query('update cp_registrations set deregistered_date = $2, deregistration_reason = $3, version = version + 1 where registration_id = $1', [registrationId, deregisteredDate, reason]);
    },

    /** Children on the register on `date`, longest on first, with their latest earlier de-registration. */
    async register(db: Queryable, date: string): Promise<RegisteredChild[]> {
      const rows = await db.query<{ child_id: string; forename: string | null; surname: string | null; registered_date: string; concerns: string[]; previous: string | null }>(
        `select r.child_id, c.forename, c.surname, r.registered_date, r.concerns,
                (select max(e.deregistered_date) from cp_registrations e where e.child_id = r.child_id and e.deregistered_date <= r.registered_date) as previous
           from cp_registrations r join children c on c.child_id = r.child_id
          where r.registered_date <= $1::date and (r.deregistered_date is null or r.deregistered_date > $1::date)
          order by r.registered_date, c.surname, c.forename`, [date]);
      return rows.map((r) => ({
        childId: r.child_id, name: [r.forename, r.surname].filter(Boolean).join(' ') || 'Name not recorded', registeredDate: r.registered_date,
        concerns: r.concerns, previousDeregistration: r.previous,
      }));
    },
  };
}
export type ProtectionRepository = ReturnType<typeof protectionRepository>;

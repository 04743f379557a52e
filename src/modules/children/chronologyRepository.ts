/** @module SQL for a child's chronology: one dated row per event in every table that records something about the child. */
import type { Queryable } from '../../db/database.js';
import type { ChronologyEntry, ChronologyKind } from './chronology.js';

/** @example await chronologyRepository().entries(db, 'A1') */
export function chronologyRepository() {
  return {
    /** Every entry for the child, newest first (ties: the later step of a record first). */
    async entries(db: Queryable, childId: string): Promise<ChronologyEntry[]> {
      const rows = await db.query<{ date: string; kind: ChronologyKind; what: string; details: string | null; step: number }>(
        `select * from (
           select received_date as date, 'referral' as kind, coalesce(source, 'other') as what, reason as details, 1 as step from referrals where child_id = $1
           union all
           select received_date, 'referral', source, reason, 1 from referral_intake i
            where child_id = $1 and not exists (select 1 from referrals r where r.referral_id = i.referral_id)
           union all
           select decided_date, 'referral_decision', pathway, decision_reason, 2 from referral_intake where child_id = $1 and decided_date is not null
           union all
           select k.opened_date, 'case_opened', coalesce(k.team, ''), coalesce(wn.name, k.worker_id), 3 from cases k left join worker_names wn on wn.worker_id = k.worker_id where k.child_id = $1
           union all
           select k.closed_date, 'case_closed', coalesce(cc.reason, ''), cc.notes, 9 from cases k left join case_closures cc on cc.case_id = k.case_id
            where k.child_id = $1 and k.closed_date is not null
           union all
           select start_date, 'looked_after_started', legal_reason, null, 4 from looked_after_episodes where child_id = $1
           union all
           select end_date, 'looked_after_ended', coalesce(reason_ended, ''), null, 8 from looked_after_episodes where child_id = $1 and end_date is not null
           union all
           select start_date, 'placement_started', placement_type, null, 5 from placements where child_id = $1
           union all
           select end_date, 'placement_ended', placement_type, null, 7 from placements where child_id = $1 and end_date is not null
           union all
           select registered_date, 'registered', array_to_string(concerns, ', '), null, 4 from cp_registrations where child_id = $1
           union all
           select deregistered_date, 'deregistered', coalesce(deregistration_reason, ''), null, 8 from cp_registrations where child_id = $1 and deregistered_date is not null
           union all
           select referral_date, 'reporter_referral', ground, null, 4 from scra_referrals where child_id = $1
           union all
           select s.session_date, 'family_first_session', s.who, s.what_was_done, 6 from family_first_sessions s
             join family_first_involvements v on v.involvement_id = s.involvement_id where v.child_id = $1 and s.withdrawn_at is null
           union all
           select f.given_date, 'family_first_feedback', case when f.consent_to_quote then 'quote' else 'no_quote' end, f.words, 6 from family_first_feedback f
             join family_first_involvements v on v.involvement_id = f.involvement_id where v.child_id = $1
           union all
           select ended_date, 'family_first_ended', ending, ending_notes, 8 from family_first_involvements where child_id = $1 and ended_date is not null
           union all
           select event_date, 'significant_event', title, details, 6 from significant_events where child_id = $1
           union all
           select discussed_date, 'ird', decision, null, 4 from inter_agency_discussions where child_id = $1
           union all
           select meeting_date, 'cp_meeting', kind || ':' || decision, null, 4 from cp_planning_meetings where child_id = $1
           union all
           select h.hearing_date, 'hearing', h.outcome, null, 5 from scra_hearings h
             join scra_referrals r on r.scra_referral_id = h.scra_referral_id where r.child_id = $1
           union all
           select made_date, 'supervision_order_made', kind, measures, 5 from supervision_orders where child_id = $1
           union all
           select v.review_date, 'supervision_order_reviewed', v.outcome, v.measures, 5 from supervision_order_reviews v
             join supervision_orders o on o.order_id = v.order_id where o.child_id = $1
           union all
           -- An order terminated at a review hearing already shows as that review.
           select ended_date, 'supervision_order_ended', end_reason, null, 8 from supervision_orders
            where child_id = $1 and ended_date is not null and end_reason <> 'terminated_at_hearing'
           union all
           select m.held_on, 'safety_meeting', m.meeting_type, sm.title, 6 from safety_map_meetings m
             join safety_maps sm on sm.map_id = m.map_id
            where sm.child_id = $1 or exists (select 1 from safety_map_children c where c.map_id = sm.map_id and c.child_id = $1)
           union all
           select recorded_on, 'child_voice', tool, words, 6 from child_voice_entries where child_id = $1
           union all
           select b.start_date, 'short_break', r.name, b.reason, 5 from place_bookings b
             join resource_places p on p.place_id = b.place_id join resources r on r.resource_id = p.resource_id where b.child_id = $1
           union all
           select (amended_at at time zone 'Europe/London')::date, 'amendment', record_kind, reason, 9 from amendments where child_id = $1
         ) chronology
         order by date desc, step desc, kind, what`,
        [childId],
      );
      return rows.map((r) => ({ date: r.date, kind: r.kind, what: r.what, details: r.details }));
    },

    async addSignificantEvent(db: Queryable, event: { eventId: string; childId: string; eventDate: string; title: string; details: string | null; recordedBy: string }): Promise<void> {
      await db.query('insert into significant_events (event_id, child_id, event_date, title, details, recorded_by) values ($1, $2, $3, $4, $5, $6)', [
        event.eventId, event.childId, event.eventDate, event.title, event.details, event.recordedBy,
      ]);
    },

    async name(db: Queryable, childId: string): Promise<{ forename: string | null; surname: string | null } | undefined> {
      const rows = await db.query<{ forename: string | null; surname: string | null }>('select forename, surname from children where child_id = $1', [childId]);
      return rows[0];
    },
  };
}
export type ChronologyRepository = ReturnType<typeof chronologyRepository>;

/**
 * @module Each code list is written once in Cairn's code (src/platform/codes and a few module-local lists); the database
 * repeats it in CHECK constraints so no other writer can store a stray code. This test reads every CHECK that lists codes
 * from the catalogue and holds it against the code list it must equal, so the two can never drift apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { disabilityCodes, sexCodes } from '../../src/platform/codes/childCodes.js';
import { legalReasons, placementTypes, providerTypes, reasonsEnded } from '../../src/platform/codes/careCodes.js';
import { closureReasons, pathways, referralSources } from '../../src/platform/codes/referralCodes.js';
import { concernCodes, deregistrationReasons, irdDecisions, meetingDecisions, meetingKinds } from '../../src/platform/codes/protectionCodes.js';
import { endReasons, hearingOutcomes, orderKinds, reporterDecisions, reviewOutcomes, scraGrounds } from '../../src/platform/codes/reporterCodes.js';
import { staffGroups } from '../../src/modules/training/training.js';
import { resourceKinds } from '../../src/modules/resources/resource.js';
import { audiences, questionKinds } from '../../src/modules/surveys/survey.js';
import { taskKinds } from '../../src/modules/caseloads/caseload.js';
import { grades, scales } from '../../src/modules/caseFileAudits/caseFileAudit.js';
import { itemCategories, meetingTypes, personRoles } from '../../src/platform/codes/safetyCodes.js';
import { voiceTools } from '../../src/platform/codes/safetyCodes.js';
import { involvementEndings } from '../../src/platform/codes/referralCodes.js';
import { editionStatuses } from '../../src/modules/boardPaper/boardPaper.js';
import { paperFormats } from '../../src/modules/boardPaper/boardPaperService.js';
import { sessionEnds } from '../../src/modules/users/sessionRepository.js';
import { referenceLists } from '../../src/modules/references/referenceList.js';
import { runTriggers } from '../../src/modules/returns/dataQuality/dataQualityRepository.js';
import { ruleKinds } from '../../src/modules/returns/rule.js';
import { grantOutcomes } from '../../src/modules/users/roleGrantRepository.js';

/** `table.column` → the code list its CHECK must equal. */
const codeLists: Record<string, readonly string[]> = {
  'children.sex': sexCodes,
  'data_quality_runs.trigger': runTriggers,
  'data_quality_run_counts.kind': ruleKinds,
  'role_grants.outcome': grantOutcomes,
  'children.disability': disabilityCodes,
  'referrals.source': referralSources,
  'referrals.pathway': pathways,
  'referral_intake.source': referralSources,
  'referral_intake.pathway': pathways,
  'case_closures.reason': closureReasons,
  'looked_after_episodes.legal_reason': legalReasons,
  'looked_after_episodes.reason_ended': reasonsEnded,
  'placements.placement_type': placementTypes,
  'providers.provider_type': providerTypes,
  'cp_registrations.concerns': concernCodes,
  'cp_registrations.deregistration_reason': deregistrationReasons,
  'inter_agency_discussions.decision': irdDecisions,
  'cp_planning_meetings.kind': meetingKinds,
  'cp_planning_meetings.decision': meetingDecisions,
  'scra_referrals.reporter_decision': reporterDecisions,
  'scra_hearings.outcome': hearingOutcomes,
  'supervision_orders.kind': orderKinds,
  'supervision_orders.end_reason': endReasons,
  'supervision_order_reviews.outcome': reviewOutcomes,
  'training_staff.staff_group': staffGroups,
  'training_course_groups.staff_group': staffGroups,
  'safety_map_items.category': itemCategories,
  'safety_map_meetings.meeting_type': meetingTypes,
  'safety_scores.person_role': personRoles,
  'child_voice_entries.tool': voiceTools,
  'child_drawings.tool': voiceTools,
  'family_first_involvements.ending': involvementEndings,
  'resources.kind': resourceKinds,
  'surveys.audience': audiences,
  'survey_questions.kind': questionKinds,
  'case_tasks.kind': taskKinds,
  'case_file_audit_questions.scale': scales,
  'case_file_audit_grades.grade': grades,
  'board_paper_editions.status': editionStatuses,
  'board_paper_files.format': paperFormats,
  'sessions.ended_reason': sessionEnds,
  'reference_entries.list': referenceLists,
};

/** CHECKs that list values but are not code lists (a MIME type allow-list, an internal marker, a rule across columns). */
const notCodeLists = new Set(['child_drawings.content_type', 'case_file_audit_reviews.part', 'referral_intake.intake_allocated_when_decided', '-.yes_or_no_check']);

let database: TestDatabase;
let checks: { key: string; codes: string[] }[];

async function listedCodes(db: Database): Promise<{ key: string; codes: string[] }[]> {
  const rows = await db.query<{ tbl: string; conname: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'c' and pg_get_constraintdef(oid) like '%ARRAY[%'`,
  );
  return rows.map((row) => {
    const column = /\(\(?\(?(\w+)\)?(?:::text)? (?:= ANY|<@)/.exec(row.def)?.[1];
    const named = column && row.conname === `${row.tbl}_${column}_check`;
    return { key: `${row.tbl}.${named ? column : row.conname}`, codes: [...row.def.matchAll(/'([^']*)'::/g)].map((m) => m[1]!) };
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  checks = await listedCodes(database.db);
});

afterAll(async () => {
  await database?.drop();
});

describe('code lists against the database CHECK constraints', () => {
  it('finds the CHECK for every code list, listing exactly the same codes', () => {
    for (const [key, codes] of Object.entries(codeLists)) {
      const check = checks.find((c) => c.key === key);
      expect(check, `no CHECK lists the codes of ${key}`).toBeDefined();
      expect([...check!.codes].sort(), key).toEqual([...codes].sort());
    }
  });

  it('has a code list for every CHECK that lists codes, so a new one cannot be added in SQL alone', () => {
    const uncovered = checks.map((c) => c.key).filter((key) => !(key in codeLists) && !notCodeLists.has(key));
    expect(uncovered).toEqual([]);
  });

  it('holds the Reporter grounds a to q, as the ground column’s range CHECK does', async () => {
    expect(scraGrounds.join('')).toBe('abcdefghijklmnopq');
    await expect(database.db.query(`insert into scra_referrals (scra_referral_id, child_id, referral_date, ground) values ('x', 'nobody', '2024-01-01', 'r')`)).rejects.toThrow(/scra_referrals_ground_check/);
  });
});

/**
 * @module The demo's draft board paper: edition 1 for Glenmuir, started by `service.manager` after the rest of the demo
 * is loaded, following the seed paper with every section written and the figures placed — ready to open, adjust a
 * paragraph, publish and download. The years run to the latest complete census year before the demo's reference date,
 * and the meeting is three weeks after it.
 */
import { addDays } from '../../platform/dates/isoDates.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { Actor } from '../../platform/access/user.js';
import type { BoardPaperService } from '../boardPaper/boardPaperService.js';
import type { UserService } from '../users/userService.js';
import type { CoverSheet } from '../boardReport/boardReport.js';
import { demoAuthority, familyFirst } from './authority.js';
import { familyFirstStart, storyYear } from './demoTimeline.js';

/** What recordBoardPaperDraft needs from the composition root. */
export interface RecordBoardPaperDraftNeeds {
  boardPapers: BoardPaperService;
  users: UserService;
}

/**
 * The last census year (31 July) complete on `today`.
 * @example lastCensusYear('2026-12-02') // 2026; lastCensusYear('2026-05-01') // 2025
 */
export const lastCensusYear = (today: string): number => Number(today.slice(0, 4)) - (today.slice(5) >= '07-31' ? 0 : 1);

/** Every section's text, written for Glenmuir after the seed paper. */
function sectionTexts(area: string, lastYear: number, since: string, baseline: number): Record<string, string> {
  return {
    purpose: `The purpose of this report is to inform the Integration Joint Board of the progress made with Children’s Services transformational activity, namely:\n\nthe ${familyFirst.cluster} Family First model; the implementation of the Signs of Safety; and the short-break flat in the council’s own children’s house.`,
    recommendation: 'It is recommended that the Integration Joint Board notes the transformational activity that Children’s Services have engaged in over the past year, the outcomes which have resulted and the change in the balance of care.',
    background: `${area} Health and Social Care Partnership’s Children’s Health, Care and Justice Service supports children and families throughout ${area}, fulfilling the statutory functions of social work, including the protection of children and improving wellbeing by addressing assessed vulnerabilities.\n\nIn ${baseline} too many of ${area}’s children were cared for in costly placements outwith the authority, and there were too few early intervention services. The Partnership invested in three transformational projects: a Family First team in the ${familyFirst.cluster} school cluster, the Signs of Safety practice model, and short-break places in the council’s own children’s house. The tables below show the balance of care on each census day from ${baseline} to ${lastYear}.`,
    report: 'This section sets out the outcomes of each project in turn, with the figures worked out from the case records and the families’ own words where they agreed to be quoted.',
    'family-first': `The Family First team has worked with families in the ${familyFirst.cluster} cluster since ${longDateOf(since)}, offering support at the point of need from people who know the locality. No child referred to Family First has become looked after, and no child from the ${familyFirst.cluster} cluster has come into care since the team started, while the other clusters continued to see children become looked after.\n\nThe comparison below always shows the ${familyFirst.cluster} cluster beside every other cluster over the same period.`,
    'signs-of-safety': 'Signs of Safety has been implemented across the service: practitioners, family support workers and partners have been trained, case file audits before and after implementation were graded against the same rubric, and families and staff were surveyed in both years. The tables below, from the quality report, set out the audit results before and after, the survey results against their base rate and the training coverage.\n\nChild protection registrations are shown first as one measure of the change in practice.',
    'short-breaks': 'The short-break flat in the council’s own children’s house gives a young person and their family a few nights of support in a crisis, close to home, instead of a placement outwith the authority. Its nights used, occupancy, the children it supported and the placements it has helped to avoid are worked out below from the bookings of the flat recorded in Cairn, by financial year.',
    'out-of-authority': `Placements outwith ${area} have fallen since ${baseline}. The cost avoided each year is the reduction in the number of out of authority placements since the baseline year multiplied by their average weekly cost and 52 weeks; the method is printed with the table.`,
    'strategic-context': `The work of Children’s Health, Care and Justice is driven by the strategic priorities of the Integration Joint Board’s Strategic Plan, in particular locality planning: working within school clusters lets families get the right support from the right person, as part of a team around the family.\n\nIt reflects the board’s commitment to changing the balance of care and to keeping ${area}’s children in ${area} and within families or family-type support wherever possible, and the commitment to implement The Promise.`,
    implications: 'This report reflects a changing culture in how children’s services support children, young people and their families: investment made in a community and targeted at the point of need, through relational, strength-based practice, leads both to better use of existing resources and to children being loved and cared for in their families.',
    financial: 'Further reports will be brought to the Integration Joint Board Budget Working Group with proposals for building on this approach. The cost avoided on out of authority placements is shown in section 4.4.',
    'human-resources': 'There are none noted within this report.',
    legal: 'There are none noted within this report.',
    equalities: 'None noted beyond the equality impact assessments completed when these projects began.',
    sustainability: `The ${familyFirst.cluster} Family First team is funded through core budgets. The evidence for extending the approach to further clusters will be brought to a future meeting.`,
    clinical: 'The Chief Social Work Officer has been fully supportive of, and engaged in, the approach to the work with children and young people.',
    consultation: 'The staff group, children and families, wider partners and the portfolio holders have been consulted throughout the projects. All support the approach and consider that it reflects a positive change in direction towards early intervention.',
    risk: 'There are no risks identified in considering the implications of this report. The risk of not continuing the approach is a return to higher numbers of children placed outwith the authority, at greater cost.',
    'background-papers': `Report to the Leadership Panel on funding for three transformational projects.\n\nThe Care Inspectorate’s joint inspection of services for children and young people in Glenmuir (${baseline}).`,
    contact: `Name: Head of Children’s Health, Care and Justice Services (fictional demo author)\n\nPhone number: 01234 567890 (fictional)\n\nEmail address: childrens.services@glenmuir.example`,
  };
}

/**
 * Start and fill the demo's draft edition, unless an edition exists; returns its number.
 * @example await recordBoardPaperDraft(services, '2026-12-02') // 1
 */
export async function recordBoardPaperDraft(services: RecordBoardPaperDraftNeeds, today: string): Promise<number | undefined> {
  const lead = (await services.users.list()).find((user) => user.username === 'service.manager' && user.role === 'service_manager');
  if (!lead || (await services.boardPapers.list()).length > 0) return undefined;
  const actor: Actor = { kind: 'user', user: lead };
  const lastYear = lastCensusYear(today);
  // The story's baseline year (2016 in the seed report) and Family First's start, as told on this demo's dates.
  const baseline = storyYear(2016, today);
  const since = familyFirstStart(today);
  const windowEnd = `${lastYear}-07-31` > since ? `${lastYear}-07-31` : today;
  const options = { years: { first: baseline, last: lastYear }, baseline, from: since, to: windowEnd };
  const number = await services.boardPapers.start(actor, { from: null, options });
  const area = demoAuthority.authority_name;
  const cover: CoverSheet = {
    meeting: `${area} Health and Social Care Partnership Integration Joint Board`,
    heldOn: addDays(today, 21),
    agendaItem: '7',
    title: 'Children’s Services Transformational Activity',
    summary: `To inform the Integration Joint Board of the progress made with Children’s Services transformational activity: the ${familyFirst.cluster} Family First model, the implementation of the Signs of Safety and the short-break flat.`,
    author: 'Head of Children’s Health, Care and Justice Services',
    recommendations: 'It is recommended that the Integration Joint Board notes the transformational activity that Children’s Services have engaged in over the past year, the outcomes which have resulted and the change in the balance of care.',
    directions: ['none'],
    implications: ['Financial', 'Equalities', 'Sustainability'],
  };
  await services.boardPapers.saveCover(actor, number, cover, options);
  const edition = (await services.boardPapers.edition(number))!;
  const choices = (await services.boardPapers.blockChoices(edition)).map((choice) => choice.value);
  const placed: Record<string, string[]> = {
    'family-first': choices.filter((value) => value.startsWith('quote:')).slice(0, 2),
    // The quality report's evidence: audits before and after, each survey's base wave against its comparator, training coverage.
    'signs-of-safety': choices.filter((value) => value.startsWith('quality-')),
    'short-breaks': choices.filter((value) => value === 'short-breaks'),
  };
  for (const [key, body] of Object.entries(sectionTexts(area, lastYear, since, baseline))) {
    const blocks = edition.sections.find((section) => section.key === key)?.blocks ?? [];
    await services.boardPapers.saveSection(actor, number, { key, body, blocks: [...blocks, ...(placed[key] ?? [])] });
  }
  return number;
}

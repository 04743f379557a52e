/** @module Codes for Signs of Safety: the map's analysis categories, the meetings maps are made at, who scores, and the child's voice tools. */
import { codeList } from './codeList.js';

/** What each category is called on the map, in the order practitioners work through it. */
export const itemCategory = codeList({
  harm: 'Past harm',
  complicating_factor: 'Complicating factors',
  existing_strength: 'Existing strengths',
  existing_safety: 'Existing safety',
  next_step: 'Next steps',
});
export const itemCategories = itemCategory.codes;
export type ItemCategory = (typeof itemCategories)[number];
export const categoryNames = itemCategory.labels;

export const meetingType = codeList({ case_conference: 'Case conference', core_group: 'Core group', review: 'Review' });
export const meetingTypes = meetingType.codes;
export type MeetingType = (typeof meetingTypes)[number];
export const meetingTypeNames = meetingType.labels;

export const personRole = codeList({
  worker: 'Social worker',
  parent: 'Parent or carer',
  partner_agency: 'Partner agency',
  child: 'Child or young person',
  family_member: 'Family member',
  other: 'Someone else',
});
export const personRoles = personRole.codes;
export type PersonRole = (typeof personRoles)[number];
export const personRoleNames = personRole.labels;

export const voiceTool = codeList({
  worries: 'House of worries',
  good_things: 'House of good things',
  hopes_and_dreams: 'House of hopes and dreams',
  words_and_pictures: 'Words and Pictures',
});
export const voiceTools = voiceTool.codes;
export type VoiceTool = (typeof voiceTools)[number];
export const voiceToolNames = voiceTool.labels;

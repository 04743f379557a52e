/**
 * @module Familiar forms of given names: the short names, pet names and other spellings a child is known by, so
 * "Katie" on a referral finds "Katherine" in Cairn. Each group is one name as people use it; a name may sit in more
 * than one group (Kay is a Katherine or a Kayleigh).
 */
import { comparableName } from './comparableName.js';

const groups: readonly (readonly string[])[] = [
  ['katherine', 'catherine', 'kathryn', 'katharine', 'cathryn', 'kate', 'katie', 'katy', 'kat', 'kathy', 'cathy', 'cat', 'kay', 'kirsty'],
  ['kayleigh', 'kayley', 'kaylee', 'kayla', 'kay'],
  ['robert', 'rob', 'robbie', 'robby', 'bob', 'bobby', 'rab', 'bert'],
  ['william', 'will', 'willie', 'willy', 'bill', 'billy', 'liam', 'wullie'],
  ['ryan', 'rian', 'ryen', 'rhian'],
  ['james', 'jim', 'jimmy', 'jamie', 'hamish', 'jamesie'],
  ['john', 'johnny', 'jack', 'jock', 'ian', 'iain', 'sean', 'shaun', 'shawn'],
  ['alexander', 'alex', 'alec', 'alistair', 'alasdair', 'ally', 'sandy', 'xander', 'sasha'],
  ['alexandra', 'alex', 'alexa', 'lexi', 'lexie', 'sandra', 'sasha'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'elspeth', 'libby', 'bess'],
  ['margaret', 'maggie', 'meg', 'megan', 'peggy', 'mairead', 'marjorie', 'greta'],
  ['thomas', 'tom', 'tommy', 'tam'],
  ['michael', 'mike', 'mikey', 'mick', 'mickey', 'michel'],
  ['christopher', 'chris', 'kit', 'christy'],
  ['christine', 'christina', 'kristina', 'chris', 'chrissie', 'kirsten', 'kirstin', 'kirsty', 'tina'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davie', 'davy', 'dai'],
  ['joseph', 'joe', 'joey'],
  ['josephine', 'jo', 'josie'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammi', 'sammie'],
  ['nicholas', 'nick', 'nicky', 'nico'],
  ['nicola', 'nikki', 'nicky', 'nicole'],
  ['anthony', 'tony', 'antony'],
  ['andrew', 'andy', 'drew'],
  ['charles', 'charlie', 'chas', 'chuck'],
  ['charlotte', 'charlie', 'lottie', 'lotte'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'ned'],
  ['henry', 'harry', 'hal', 'hank'],
  ['jennifer', 'jenny', 'jen', 'jenna'],
  ['rebecca', 'becky', 'becca', 'bex'],
  ['victoria', 'vicky', 'vikki', 'tori'],
  ['abigail', 'abbie', 'abby', 'gail'],
  ['isabella', 'isabel', 'isobel', 'izzy', 'bella', 'ishbel'],
  ['matthew', 'matt', 'matty'],
  ['benjamin', 'ben', 'benny'],
  ['patrick', 'pat', 'paddy'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['richard', 'rick', 'ricky', 'rich', 'dick'],
  ['callum', 'calum', 'cal'],
  ['mohammed', 'muhammad', 'mohammad', 'mohamed', 'mo'],
];

const groupsOf = new Map<string, Set<number>>();
groups.forEach((names, index) => {
  for (const name of names) groupsOf.set(name, (groupsOf.get(name) ?? new Set()).add(index));
});

/**
 * Are these two given names familiar forms of one name (and not the same name)?
 * @example areFamiliarForms('Katie', 'Katherine') // true
 * @example areFamiliarForms('Katie', 'Robert') // false
 */
export function areFamiliarForms(name: string | null, other: string | null): boolean {
  const [a, b] = [comparableName(name), comparableName(other)];
  if (a === '' || a === b) return false;
  const shared = groupsOf.get(b);
  return shared !== undefined && [...(groupsOf.get(a) ?? [])].some((group) => shared.has(group));
}

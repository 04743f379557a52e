/**
 * @module The side navigation of a child's record (the MoJ side navigation pattern): its sections, each one click from
 * any page of the record, the section of the page shown marked current. Only links: whether the person may open the
 * child is for each page to decide, so this reads nothing.
 */
import type { SignedInUser } from '../../platform/access/user.js';
import { may } from '../../platform/access/access.js';
import type { Permission } from '../../platform/access/permissions.js';
import { paths } from '../../platform/http/paths.js';

interface Section {
  text: string;
  href: (childId: string) => string;
  permission: Permission;
  /** The route patterns of the pages in this section, as prefixes (the longest that fits wins). */
  patterns: string[];
}

const sections: Section[] = [
  { text: 'Summary', href: (childId) => paths.children.show({ childId }), permission: 'child:view', patterns: [paths.children.show.pattern] },
  { text: 'Chronology', href: (childId) => paths.children.chronology({ childId }), permission: 'child:view', patterns: [paths.children.chronology.pattern] },
  { text: 'Signs of Safety', href: (childId) => paths.safety.maps({ childId }), permission: 'safety:view', patterns: [paths.safety.maps.pattern, paths.safety.voice.pattern] },
  { text: 'Protection', href: (childId) => paths.care.protection({ childId }), permission: 'care:record', patterns: [paths.care.protection.pattern] },
  { text: 'Looked after and placements', href: (childId) => paths.care.child({ childId }), permission: 'care:record', patterns: [paths.care.child.pattern] },
  { text: 'Children’s Reporter and orders', href: (childId) => paths.care.scra({ childId }), permission: 'care:record', patterns: [paths.care.scra.pattern, paths.supervisionOrders.child.pattern] },
  { text: 'Family and people', href: (childId) => paths.children.keyPeople({ childId }), permission: 'child:view', patterns: [paths.children.keyPeople.pattern] },
];

/** The link a pattern belongs to: the section with the longest pattern that starts it (so /care/protection is Protection, not Looked after). */
function sectionOf(routePattern: string): Section | undefined {
  let best: { section: Section; length: number } | undefined;
  for (const section of sections) {
    for (const pattern of section.patterns) {
      const fits = routePattern === pattern || routePattern.startsWith(`${pattern}/`);
      if (fits && pattern.length > (best?.length ?? -1)) best = { section, length: pattern.length };
    }
  }
  return best?.section;
}

/**
 * The side navigation for a page of a child's record, or `undefined` for a page that is not one (its route does not
 * start /children/:childId). Sections the person's role cannot open are left out.
 * @example childRecordNavigation('/children/:childId/care/protection', 'A1', user)?.find((s) => s.current)?.text // 'Protection'
 */
export function childRecordNavigation(routePattern: string | undefined, childId: unknown, user: SignedInUser | undefined) {
  if (!routePattern?.startsWith(paths.children.show.pattern) || typeof childId !== 'string' || childId === '') return undefined;
  const current = sectionOf(routePattern);
  return sections
    .filter((section) => may(user, section.permission))
    .map((section) => ({ text: section.text, href: section.href(childId), current: section === current }));
}

/**
 * @module Every permission there is, as resource × action. Roles grant them (roles.ts); routes name the
 * permission they need, and a route that names none is refused (deny by default).
 */

export const permissions = [
  'child:search',
  'child:view',
  'audit:search',
  'user:manage',
  'figures:view',
  // Issue 5: recording care for a child one may access; the register, commissioning and resource pages and booking places are for managers.
  'care:record',
  'care:book',
  'protection:register',
  'commissioning:view',
  'resources:view',
  // Issue 3: referrals (record; manage = tray, decide, allocate), Family First work, the cluster page and its lists of children.
  'referral:record',
  'referral:manage',
  'familyFirst:work',
  'clusters:view',
  'clusters:children',
  'caseload:own',
  'caseload:team',
  'child:merge',
  // Issue 4: Signs of Safety maps, scaling, plans and the child's voice, for children one may access.
  'safety:view',
  'safety:record',
  // Issue 6: building the board report (published figures) is for service managers and analysts; dashboards need figures:view.
  'report:build',
  'benchmarks:import',
  // Issue 7: practice quality. The quality lead (a service manager) runs audit rounds, surveys and the quality report;
  // auditors grade the files allocated to them; training is recorded by the quality lead and administrators.
  'quality:lead',
  'quality:audit',
  'quality:view',
  'training:record',
  'training:view',
  // Issue 16: writes need a write permission of their own, never the permission to read the same page.
  'child:record',
  'resources:manage',
  'commissioning:manage',
  // Issue 13 item 6: the reference lists forms choose from (teams, school clusters, schools, workers, agencies, roles).
  'lists:manage',
  // Issue 16 item 6: the search words and free text in audit events (which may name children); without it they read "[redacted]".
  'audit:readFreeText',
  // Issue 16: restricting a child's record to named people, and reviewing break-glass openings of restricted records.
  'child:restrict',
  // Issue 17: the data quality page (every role that sees it sees the issues its reach allows), marking a query
  // "checked, correct", and the analysts' returns page (its files carry child-level data).
  'dataQuality:view',
  'dataQuality:mark',
  'returns:build',
] as const;
export type Permission = (typeof permissions)[number];

/** What a route needs: a permission, or `public` for pages anyone may reach (sign-in, assets, health). */
export type RouteAccess = { permission: Permission } | { public: true } | { signedIn: true };

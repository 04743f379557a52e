/** @module Plain-English labels for the extract format's codes, as people read them on a child's record. */

export const placementTypeLabels: Record<string, string> = {
  at_home: 'At home with parents',
  kinship: 'With kinship carers: friends or relatives',
  foster_la: 'With foster carers provided by the council',
  foster_purchased: 'With foster carers purchased by the council',
  prospective_adopters: 'With prospective adopters',
  other_community: 'In other community setting',
  la_home: "In the council's own children's house",
  voluntary_home: 'In a voluntary home',
  residential_school: 'In a residential school',
  secure: 'In secure accommodation',
  crisis_care: 'Crisis care',
  other_residential: 'In other residential setting',
};

export const legalReasonLabels: Record<string, string> = {
  cso_home: 'Compulsory Supervision Order (at home)',
  cso_away: 'Compulsory Supervision Order with a residence condition',
  interim_cso: 'Interim Compulsory Supervision Order',
  cpo_or_warrant: 'Child Protection Order or warrant',
  s25_voluntary: 'Voluntary accommodation (section 25)',
  permanence_order: 'Permanence order',
  criminal_justice: 'Criminal justice',
  other: 'Other',
};

export const sexLabels: Record<string, string> = { M: 'Male', F: 'Female', X: 'Other', U: 'Not known' };
export const yesNoLabels: Record<string, string> = { Y: 'Yes', N: 'No', U: 'Not known' };

/** Section 67(2) grounds: `j` is the offence ground, the rest are care and protection grounds. */
export function scraGroundLabel(ground: string): string {
  return ground === 'j' ? `(${ground}) offence by the child` : `(${ground}) care and protection`;
}

/** A code's label, or the code made readable when it has none. */
export function labelFor(labels: Record<string, string>, code: string | null): string {
  if (!code) return '';
  return labels[code] ?? code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/**
 * @module The sections of a board paper edition, in the seed paper's order: what each is called, its number, what
 * the author is asked to write there, and the figures placed in it when an edition is started from scratch.
 */

export interface PaperSection {
  /** Stable key, stored with the section's text. */
  key: string;
  /** The number printed before the heading ('1', '4.2'); empty for the unnumbered end matter. */
  number: string;
  heading: string;
  /** What to write here, shown as the hint on the section's page. */
  hint: string;
  /** The named blocks placed here in a new edition. */
  defaultBlocks: readonly string[];
}

/** Every section, in print order. */
export const paperSections: readonly PaperSection[] = [
  { key: 'purpose', number: '1', heading: 'Purpose of report', hint: 'What the paper asks of the board, in a paragraph or two.', defaultBlocks: [] },
  { key: 'recommendation', number: '2', heading: 'Recommendation', hint: 'What the board is recommended to do.', defaultBlocks: [] },
  { key: 'background', number: '3', heading: 'Background information', hint: 'How the service got here: the strategy, the investment and the balance of care.', defaultBlocks: ['balance-of-care', 'placement-types', 'community'] },
  { key: 'report', number: '4', heading: 'Report', hint: 'A short introduction to the report’s sub-sections.', defaultBlocks: [] },
  { key: 'family-first', number: '4.1', heading: 'Family First cluster outcomes', hint: 'What changed in the Family First cluster against the other clusters, in the families’ own words where they agreed to be quoted.', defaultBlocks: ['cluster-comparison', 'cluster-looked-after', 'family-first'] },
  { key: 'signs-of-safety', number: '4.2', heading: 'Signs of Safety implementation and evidence', hint: 'How the practice model was implemented, and the evidence: case file audits before and after, family and staff surveys, training coverage.', defaultBlocks: ['child-protection'] },
  { key: 'short-breaks', number: '4.3', heading: 'The short-break flat', hint: 'Nights used, occupancy, placements avoided and cost avoided.', defaultBlocks: [] },
  { key: 'out-of-authority', number: '4.4', heading: 'Out of authority placements and cost avoidance', hint: 'Placements outwith the authority and the cost avoided as they reduce, with the method.', defaultBlocks: ['out-of-authority', 'external'] },
  { key: 'strategic-context', number: '5', heading: 'Strategic context', hint: 'How the work serves the Integration Joint Board’s strategic plan and The Promise.', defaultBlocks: [] },
  { key: 'implications', number: '6', heading: 'Implications', hint: 'An opening paragraph on what the report means for the service.', defaultBlocks: [] },
  { key: 'financial', number: '6.1', heading: 'Financial implications', hint: 'Costs, savings and cost avoided.', defaultBlocks: [] },
  { key: 'human-resources', number: '6.2', heading: 'Human resource implications', hint: 'Staffing, posts and training.', defaultBlocks: [] },
  { key: 'legal', number: '6.3', heading: 'Legal implications', hint: 'Statutory duties and legal risk.', defaultBlocks: [] },
  { key: 'equalities', number: '6.4', heading: 'Equalities implications', hint: 'Whether an equality impact assessment was needed, and what it found.', defaultBlocks: [] },
  { key: 'sustainability', number: '6.5', heading: 'Sustainability implications', hint: 'Environmental and long-term effects.', defaultBlocks: [] },
  { key: 'clinical', number: '6.6', heading: 'Clinical/professional assessment', hint: 'The professional view on the practice described.', defaultBlocks: [] },
  { key: 'consultation', number: '7', heading: 'Consultation and partnership working', hint: 'Who was consulted: staff, children and families, partners, portfolio holders.', defaultBlocks: [] },
  { key: 'risk', number: '8', heading: 'Risk assessment', hint: 'The risks of going on, or of stopping, and how they are managed.', defaultBlocks: [] },
  { key: 'background-papers', number: '', heading: 'Background papers', hint: 'Earlier papers and documents the board may read, one to a paragraph.', defaultBlocks: [] },
  { key: 'contact', number: '', heading: 'Report author and person to contact', hint: 'Name, job title, address, telephone and email.', defaultBlocks: [] },
];

/**
 * The section with this key, if there is one.
 * @example paperSectionByKey('risk')?.number // '8'
 */
export function paperSectionByKey(key: string): PaperSection | undefined {
  return paperSections.find((section) => section.key === key);
}

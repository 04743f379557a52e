/**
 * @module The family's own copy of the map and safety plan, as a tagged PDF and a DOCX with real headings:
 * in their words, plain headings, no practice jargon, title and language set for screen readers.
 */
import { printPdf } from '../../platform/documents/pdf.js';
import { printDocx } from '../../platform/documents/docx.js';
import type { PrintableBlock, PrintableDocument } from '../../platform/documents/printable.js';
import type { MapContent } from './safetyMap.js';

interface CopySection { heading: string; intro: string; lines: string[] }

/**
 * The copy's plain-language outline, shared by both formats: everyday headings, the family's own words.
 * @example familyCopyOutline(content).sections[0].heading // 'What has happened'
 */
export function familyCopyOutline(content: MapContent): { title: string; sections: CopySection[] } {
  const said = (words: string, by: string) => `${words} (${by})`;
  const items = (category: MapContent['items'][number]['category']) => content.items.filter((i) => i.category === category).map((i) => said(i.words, i.saidBy));
  return {
    title: `Our safety plan: ${content.title}`,
    sections: [
      { heading: 'What has happened', intro: 'The things that worried people.', lines: items('harm') },
      { heading: 'What everyone is worried about, and what needs to happen', intro: 'Each worry, and what everyone needs to see so they know the children are safe.', lines: content.pairs.flatMap((p, n) => [`Worry ${n + 1}: ${p.dangerStatement}`, `What needs to happen: ${p.safetyGoal}`]) },
      { heading: 'What makes things harder', intro: '', lines: items('complicating_factor') },
      { heading: 'What is going well', intro: '', lines: [...items('existing_strength'), ...items('existing_safety')] },
      { heading: 'The people helping us', intro: 'Who they are and what each person has agreed to do.', lines: content.network.map((m) => `${m.name} (${m.relationship}): ${m.agreedToDo}`) },
      { heading: 'Our rules', intro: 'The rules in our own words, who does what, and what happens if a rule is broken.', lines: content.rules.flatMap((r, n) => [`Rule ${n + 1}: ${r.rule}`, `Who does what: ${r.whoDoesWhat}`, `If the rule is broken: ${r.ifBroken}`]) },
      { heading: 'What happens next', intro: '', lines: items('next_step') },
    ].map((s) => ({ ...s, lines: s.lines.length ? s.lines : ['Nothing written here yet.'] })),
  };
}

/**
 * The copy as a printable document: the family's title, then each section's heading, a line on what it is and the
 * family's own words as a list.
 * @example familyCopyDocument(content).blocks[0] // { kind: 'heading', level: 1, text: 'Our safety plan: …' }
 */
export function familyCopyDocument(content: MapContent): PrintableDocument {
  const outline = familyCopyOutline(content);
  const blocks: PrintableBlock[] = [{ kind: 'heading', level: 1, text: outline.title }];
  for (const section of outline.sections) {
    blocks.push({ kind: 'heading', level: 2, text: section.heading });
    if (section.intro) blocks.push({ kind: 'paragraph', text: section.intro });
    blocks.push({ kind: 'list', items: section.lines });
  }
  return { title: outline.title, author: 'Cairn', subject: 'A family’s own copy of their safety plan', blocks };
}

/**
 * A tagged PDF (headings, paragraphs and lists in the structure tree; title shown; language en-GB).
 * @example const pdf = await familyCopyPdf(content)
 */
export const familyCopyPdf = (content: MapContent): Promise<Buffer> => printPdf(familyCopyDocument(content));

/**
 * A DOCX with real headings (Heading 1 and 2), title and language set.
 * @example const docx = await familyCopyDocx(content)
 */
export const familyCopyDocx = (content: MapContent): Promise<Buffer> => printDocx(familyCopyDocument(content));

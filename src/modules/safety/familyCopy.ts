/**
 * @module The family's own copy of the map and safety plan, as a tagged PDF and a DOCX with real headings:
 * in their words, plain headings, no practice jargon, title and language set for screen readers.
 */
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
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
 * A tagged PDF (headings, paragraphs and lists in the structure tree; title shown; language en-GB).
 * @example const pdf = await familyCopyPdf(content)
 */
export function familyCopyPdf(content: MapContent): Promise<Buffer> {
  const outline = familyCopyOutline(content);
  const doc = new PDFDocument({ tagged: true, lang: 'en-GB', displayTitle: true, pdfVersion: '1.7', size: 'A4', margin: 56, info: { Title: outline.title, Author: 'Cairn' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const root = doc.struct('Document');
  doc.addStructure(root);
  root.add(doc.struct('H1', {}, () => { doc.font('Helvetica-Bold').fontSize(22).text(outline.title).moveDown(0.5); }));
  for (const section of outline.sections) {
    root.add(doc.struct('H2', {}, () => { doc.font('Helvetica-Bold').fontSize(16).text(section.heading).moveDown(0.3); }));
    if (section.intro) root.add(doc.struct('P', {}, () => { doc.font('Helvetica').fontSize(12).text(section.intro).moveDown(0.3); }));
    const list = doc.struct('L');
    root.add(list);
    for (const line of section.lines) list.add(doc.struct('LI', {}, () => { doc.font('Helvetica').fontSize(13).text(`•  ${line}`, { paragraphGap: 4 }); }));
    doc.moveDown(0.6);
  }
  root.end();
  doc.end();
  return done;
}

/**
 * A DOCX with real headings (Heading 1 and 2), title and language set.
 * @example const docx = await familyCopyDocx(content)
 */
export function familyCopyDocx(content: MapContent): Promise<Buffer> {
  const outline = familyCopyOutline(content);
  const document = new Document({
    title: outline.title,
    creator: 'Cairn',
    styles: { default: { document: { run: { font: 'Arial', size: 26, language: { value: 'en-GB' } } } } },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT, children: [new TextRun(outline.title)] }),
        ...outline.sections.flatMap((section) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }),
          ...(section.intro ? [new Paragraph({ children: [new TextRun(section.intro)] })] : []),
          ...section.lines.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line)] })),
        ]),
      ],
    }],
  });
  return Packer.toBuffer(document) as Promise<Buffer>;
}

/**
 * @module A board paper edition printed and read back by real readers: pdfinfo, pdffonts and pdftotext for the PDF,
 * LibreOffice and the WordprocessingML for the DOCX. Tagged, fonts embedded, every section present, no word of the
 * DOCX broken in the PDF, no ISO dates, no missing glyphs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { docxPart, docxText, pdfFonts, pdfInfo, pdfText } from '../../../test/support/documents.js';
import { loadWeeGlen, weeGlenCover } from '../../../test/reports/boardFixture.js';
import { aChild, aUser } from '../../../test/support/factories.js';
import type { Actor } from '../../platform/access/user.js';
import { paperSections } from './paperSections.js';

let database: TestDatabase;
let services: Services;
let pdf: Buffer;
let docx: Buffer;
const author: Actor = { kind: 'system', name: 'paper test' };
const options = { years: { first: 2020, last: 2021 }, baseline: 2020 };

beforeAll(async () => {
  database = await createTestDatabase();
  await loadWeeGlen(database.db);
  services = buildServices(testConfig(), database.db);
  // Training coverage for the quality report (4.2): two of three social workers trained.
  const course = await services.training.addCourse(author, { title: 'Signs of Safety 1-day', days: 1, countsAsTrained: true, intendedGroups: ['social_work'] });
  const staff = await Promise.all(['Morag Innes', 'Ewan Baird', 'Kirsty Shaw'].map((name) => services.training.addStaff(author, { name, staffGroup: 'social_work', team: 'Wee Glen', activeFrom: '2020-01-01', activeTo: null, username: '' })));
  const session = await services.training.addSession(author, { courseId: course.outcome === 'saved' ? course.id : '', venue: 'Wee Glen Academy', trainer: 'A. Trainer', dates: ['2021-01-10'] });
  await services.training.recordAttendance(author, session.outcome === 'saved' ? session.id : '', new Set(staff.slice(0, 2).map((saved) => `${saved.outcome === 'saved' ? saved.id : ''}|1`)));
  // A short-break flat with a week of stays for one child (4.3).
  const manager = await aUser(database.db, 'service_manager', { username: 'paper.manager' });
  const child = await aChild(database.db, { childId: 'SB-PAPER' });
  const flat = await services.resources.add(author, { name: 'Wee Glen short-break flat', kind: 'short_break', places: ['Flat'] });
  await services.resources.book(manager, child.childId, { placeId: flat.places[0]!.placeId, startDate: '2020-11-02', endDate: '2020-11-09', reason: 'Short break', avoidedOutOfAuthority: true });
  const number = await services.boardPapers.start(author, { from: null, options });
  await services.boardPapers.saveCover(author, number, weeGlenCover, options);
  for (const section of paperSections) {
    const edition = (await services.boardPapers.edition(number))!;
    const placed = { 'signs-of-safety': ['quality-training-coverage'], 'short-breaks': ['short-breaks'] }[section.key] ?? [];
    const blocks = [...(edition.sections.find((candidate) => candidate.key === section.key)?.blocks ?? []), ...placed];
    await services.boardPapers.saveSection(author, number, { key: section.key, body: `Written for ${section.heading.toLowerCase()}: the service’s cost avoided is Σ over placements – £109,200 – since 1 July 2021.`, blocks });
  }
  const edition = (await services.boardPapers.edition(number))!;
  pdf = (await services.boardPapers.file(edition, 'pdf')).bytes;
  docx = (await services.boardPapers.file(edition, 'docx')).bytes;
}, 240_000);

afterAll(async () => {
  await database?.drop();
});

const headingOf = (section: (typeof paperSections)[number]) =>
  section.number.includes('.') ? `${section.number} ${section.heading}` : section.number ? `${section.number}. ${section.heading.toUpperCase()}` : section.heading.toUpperCase();
const wordsOf = (text: string) => new Set(text.split(/[\s,;:()“”"]+/).map((word) => word.replace(/[.’']+$/, '')).filter((word) => /^[A-Za-z]{4,}$/.test(word)));

describe(`a board paper edition as PDF (${engineUnderTest})`, () => {
  it('is tagged, titled, with every font embedded', () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(weeGlenCover.title);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded && font.name.includes('NotoSans'))).toBe(true);
  });

  it('has every section of the seed paper and the method annex, dates in words and no missing glyphs', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const section of paperSections) expect(text, section.key).toContain(headingOf(section));
    expect(text).toContain('METHOD ANNEX: HOW THE FIGURES ARE WORKED OUT');
    expect(text).toContain('Definitions, by indicator');
    expect(text).toContain('cost avoided is Σ over placements – £109,200 – since 1 July 2021');
    expect(text).toContain('service’s');
    expect(text).toContain('12 October 2022');
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).not.toMatch(/[\uFFFD\u0000]/);
    expect(text).not.toContain('`');
    expect(text).toMatch(/Children's Services Transformational Activity Page 1 of \d+/);
  });

  it('prints the quality report’s training coverage in 4.2 and the short-break flat’s figures in 4.3, as tables', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    const signsOfSafety = text.slice(text.indexOf('4.2 Signs of Safety'), text.indexOf('4.3 The short-break flat'));
    expect(signsOfSafety).toContain('Staff trained on');
    expect(signsOfSafety).toContain('2 of 3 (66.7%)');
    const shortBreaks = text.slice(text.indexOf('4.3 The short-break flat'), text.indexOf('4.4 Out of authority'));
    expect(shortBreaks).toContain('The short-break flat by financial year');
    // 2020-21: 7 nights of 365, 1.9% full; one child, shown as *.
    expect(shortBreaks).toMatch(/2020-21 7 365 1\.9% \* \*/);
    expect(shortBreaks).toContain('Chart: Nights used at the short-break flat');
  });
});

describe(`a board paper edition as DOCX (${engineUnderTest})`, () => {
  it('uses Word’s heading styles and real tables', () => {
    const xml = docxPart(docx, 'word/document.xml');
    for (const style of ['Heading1', 'Heading2', 'Heading3']) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('has the 4.2 and 4.3 tables as real tables', () => {
    const xml = docxPart(docx, 'word/document.xml');
    const text = docxText(docx);
    expect(text).toContain('The short-break flat by financial year');
    expect(text).toContain('Staff trained on');
    for (const heading of ['Nights used', 'Children supported', 'Staff group']) expect(xml).toMatch(new RegExp(`<w:tc>(?:(?!</w:tc>).)*${heading}`, 's'));
  });

  it('opens in LibreOffice with every section, and no word of it is broken in the PDF', () => {
    const text = docxText(docx);
    for (const section of paperSections) expect(text, section.key).toContain(headingOf(section));
    expect(wordsOf(text).size).toBeGreaterThan(150);
    const pdfWords = wordsOf(pdfText(pdf, 'raw'));
    const missing = [...wordsOf(text)].filter((word) => !pdfWords.has(word));
    expect(missing).toEqual([]);
  });
});

/** @module The quality report's model from hand-made contract values, and its DOCX and PDF read back by LibreOffice and pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePoints, qualityReport, writeChange, type QualityReportInput } from './qualityReport.js';
import { qualityDocument } from './qualityDocument.js';
import { printDocx } from '../../platform/documents/docx.js';
import { printPdf } from '../../platform/documents/pdf.js';
import { auditComparison, coverageAfter, coverageBefore, surveyComparison } from '../../../test/support/qualityFixture.js';

const input: QualityReportInput = {
  authority: 'Glenmuir Council', builtOn: '2023-04-03', audit: auditComparison, surveys: [surveyComparison],
  training: { baselineDate: '2022-03-31', comparatorDate: '2023-03-31', baseline: coverageBefore, comparator: coverageAfter },
};
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").replace(/−/g, '-');

/** What every printing must say, worked out by hand from qualityFixture.ts. */
function expectFigures(text: string) {
  const t = flat(text);
  expect(t).toContain('Practice quality: before and after');
  expect(t).toContain('Before: Spring 2022 audit (Glenmuir practice rubric, version 1), files from 1 October 2021 to 31 March 2022; 16 of 20 sampled files graded.');
  expect(t).toMatch(/Is there a clear danger statement\? 62\.5% of 16 75\.0% of 16 \+12\.5/);
  expect(t).toMatch(/Is the child's voice recorded\? 50\.0% of 16 46\.7% of 15 -3\.3/);
  expect(t).toMatch(/Is there a safety plan the family understands\? None graded 25\.0% of 16 —/);
  expect(t).toMatch(/Cohen's kappa 0\.62 —/);
  expect(t).toContain('Family experience survey (families)');
  expect(t).toMatch(/Agree 50\.0% \(12\) 70\.0% \(21\) \+20\.0/);
  expect(t).toMatch(/Disagree 25\.0% \(6\) 10\.0% \(3\) -15\.0/);
  expect(t).toContain('I understood the safety plan. Answered by 4 before and 28 after. Fewer than 5 people answered in one of the waves, so its figures are withheld.');
  expect(t).toContain('Anything else you want to tell us (written answers)');
  // Training: 12 of 40 (30.0%) → 31 of 42 (73.8%): +43.8 points; all groups 12 of 43 (27.9%) → 32 of 45 (71.1%).
  expect(t).toMatch(/Social work 12 of 40 \(30\.0%\) 31 of 42 \(73\.8%\) \+43\.8/);
  expect(t).toMatch(/Children's Hearing panel members 0 of 3 \(0\.0%\) 1 of 3 \(33\.3%\) \+33\.3/);
  expect(t).toMatch(/All staff groups 12 of 43 \(27\.9%\) 32 of 45 \(71\.1%\) \+43\.2/);
  expect(t).not.toContain('Police');
}

describe('the quality report model', () => {
  it('works out change in points exactly, and writes it with its sign', () => {
    expect(changePoints(62.5, 75)).toBe(12.5);
    expect(changePoints(0.3, 0.1)).toBe(-0.2);
    expect(changePoints(null, 75)).toBeNull();
    expect([writeChange(12.5), writeChange(-3), writeChange(0), writeChange(null)]).toEqual(['+12.5', '−3.0', '0.0', '—']);
  });

  it('puts audits, each survey and training side by side: before | after | change', () => {
    const report = qualityReport(input);
    expect(report.sections.map((s) => [s.level, s.heading])).toEqual([
      [2, 'About this report'], [2, 'Case file audits'], [2, 'Surveys'], [3, 'Family experience survey (families)'], [2, 'Training in Signs of Safety'],
    ]);
    const text = [report.title, ...report.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : [b.table.caption, ...b.table.headings, ...b.table.rows.flat()].join(' ')))])].join(' ');
    expectFigures(text);
  });

  it('says plainly what is missing rather than failing: no rounds, no waves, no staff', () => {
    const report = qualityReport({
      authority: 'Glenmuir Council', builtOn: '2023-04-03', audit: null, auditNote: 'No case file audit rounds have been recorded yet.', surveys: [], surveyNote: 'No survey has two waves to compare yet.',
      training: { baselineDate: '2022-03-31', comparatorDate: '2023-03-31', baseline: coverageBefore.map((r) => ({ ...r, staff: 0, trained: 0, percentTrained: null })), comparator: coverageBefore.map((r) => ({ ...r, staff: 0, trained: 0, percentTrained: null })) },
    });
    const paragraphs = report.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])));
    expect(paragraphs).toEqual(expect.arrayContaining(['No case file audit rounds have been recorded yet.', 'No survey has two waves to compare yet.']));
    expect(paragraphs.some((p) => p.startsWith('No one is on the staff register on either date'))).toBe(true);
    expect(report.sections.some((s) => s.blocks.some((b) => b.kind === 'table'))).toBe(false);
  });
});

describe('the quality report printed', () => {
  let folder: string;
  beforeAll(() => { folder = mkdtempSync(join(tmpdir(), 'cairn-quality-')); });
  afterAll(() => { if (folder) rmSync(folder, { recursive: true, force: true }); });

  it('as a DOCX that LibreOffice opens, with real headings and the same figures', async () => {
    const bytes = await printDocx(qualityDocument(qualityReport(input)));
    const file = join(folder, 'quality.docx');
    writeFileSync(file, bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(folder, 'lo-profile')}`, '--convert-to', 'txt:Text', '--outdir', folder, file], { stdio: 'pipe', timeout: 120_000 });
    expectFigures(readFileSync(join(folder, 'quality.txt'), 'utf8'));
    const documentXml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(documentXml).toContain('<w:tblHeader/>');
  }, 180_000);

  it('as a tagged PDF that pdftotext reads, with the same figures, headings in its structure and its language set', async () => {
    const bytes = await printPdf(qualityDocument(qualityReport(input)));
    const file = join(folder, 'quality.pdf');
    writeFileSync(file, bytes);
    expectFigures(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain('Practice quality: before and after');
    const raw = bytes.toString('latin1');
    for (const role of ['/H1', '/H2', '/H3', '/Table', '/TH', '/TD']) expect(raw).toContain(`/S ${role}`);
    expect(raw).toContain('/Lang (en-GB)');
  });
});

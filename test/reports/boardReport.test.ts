/** @module The board report read back by real readers (LibreOffice for DOCX, pdftotext for PDF) and its figures compared with `cairn stats`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../src/composition.js';
import type { StatsResult } from '../../src/modules/reporting/statsTypes.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { loadWeeGlen, weeGlenCover } from './boardFixture.js';

let database: TestDatabase;
let services: Services;
let stats: StatsResult;
let folder: string;
const options = { years: { first: 2020, last: 2021 }, from: '2021-01-01', to: '2021-07-31' };

beforeAll(async () => {
  database = await createTestDatabase();
  await loadWeeGlen(database.db);
  services = buildServices(testConfig(), database.db);
  stats = await services.stats.compute(options);
  folder = mkdtempSync(join(tmpdir(), 'cairn-board-'));
});
afterAll(async () => {
  await database?.drop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A figure from `cairn stats`, as the report writes it. */
function statsValue(indicator: string, period: string, dimensions: Record<string, string> = {}): number {
  const row = stats.rows.find((candidate) => candidate.indicator === indicator && candidate.period === period && Object.entries(dimensions).every(([key, value]) => candidate[key] === value));
  if (!row) throw new Error(`no ${indicator} row for ${period}`);
  return row.value;
}

/** Text with runs of white space made single spaces, so table cells read in order whatever the reader's layout. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The figures every reader must show, worked out by hand for Wee Glen (boardFixture.ts) and checked against `cairn stats`. */
function expectWeeGlenFigures(text: string) {
  const t = flat(text);
  // The hand-computed figures are the stats service's figures.
  expect([statsValue('lac.count', '2020-07-31'), statsValue('lac.count', '2021-07-31')]).toEqual([25, 29]);
  expect([statsValue('lac.rate_per_1000', '2020-07-31'), statsValue('lac.rate_per_1000', '2021-07-31')]).toEqual([2.5, 2.9]);
  expect(statsValue('lac.change_from_baseline_pct', '2021-07-31')).toBe(16);
  expect(statsValue('placements.cost_avoidance_gbp', '2021-07-31')).toBe(109200);
  expect(statsValue('lac.by_placement_type', '2021-07-31', { placement_type: 'at_home' })).toBe(12);
  expect(statsValue('lac.by_placement_type', '2021-07-31', { placement_type: 'foster_la' })).toBe(8);

  // Cover sheet.
  expect(t).toContain('Wee Glen Health and Social Care Partnership Integration Joint Board');
  expect(t).toContain('12 October 2022');
  expect(t).toContain("Children's Services Transformational Activity");
  // Balance of care table: year, number, rate, change.
  expect(t).toMatch(/2020 25 2\.5 0%/);
  expect(t).toMatch(/2021 29 2\.9 \+16%/);
  // Placement types on 31 July 2021: la_home 3 hidden, and kinship 6 with it; the total (= lac.count) shown.
  expect(t).toMatch(/At home with parents 12/);
  expect(t).toMatch(/With kinship carers: friends or relatives \*/);
  expect(t).toMatch(/With foster carers provided by the council 8/);
  expect(t).toMatch(/In the council's own children's house \*/);
  expect(t).toMatch(/Total 29/);
  // Out of authority and cost avoided, with the method.
  expect(t).toMatch(/2021 \* £109,200/); // 2 out of authority placements: hidden
  expect(t).toMatch(/2020 5 £0/);
  expect(t).toContain('Method: Cost avoided');
  // Benchmarks.
  expect(t).toMatch(/2021 2\.9 12\.9 14\.4|2021 2\.9 14\.4 12\.9/);
  // Numbered sections and the method annex quoting the registry's definition.
  expect(t).toMatch(/1\. PURPOSE OF REPORT/);
  expect(t).toMatch(/4\.1 Change in the balance of care/);
  expect(t).toContain('lac.count: distinct children with a looked after episode open on D');
  // Nothing small leaks: no count of 1 to 4 of children in the placement table.
  expect(t).not.toMatch(/In the council's own children's house 3/);
  expect(t).not.toMatch(/With kinship carers: friends or relatives 6/);
}

describe(`the board report (${engineUnderTest})`, () => {
  it('lays out the seed report: cover sheet, numbered sections, tables, charts and the annex', async () => {
    const report = await services.boardReports.model(options, weeGlenCover);
    expect(report.sections.map((section) => section.number).slice(0, 5)).toEqual(['1', '2', '3', '4', '4.1']);
    const headings = report.sections.map((section) => section.heading);
    expect(headings).toEqual(expect.arrayContaining(['Change in the balance of care', 'Placement types', 'School clusters compared', 'Children who became looked after, by cluster']));
    const charts = report.sections.flatMap((section) => section.blocks).filter((block) => block.kind === 'chart');
    expect(charts.length).toBeGreaterThanOrEqual(5);
    // The published chart of placement types leaves out the two hidden counts.
    const placementChart = report.sections.find((section) => section.heading === 'Placement types')!.blocks.find((block) => block.kind === 'chart');
    expect(placementChart?.kind === 'chart' && placementChart.chart.points.map((point) => point.value)).toEqual([12, 8]);
    expect(report.directions.filter((direction) => direction.ticked).map((direction) => direction.label)).toEqual(['No Directions Required']);
    expect(report.implications.filter((implication) => implication.ticked).map((implication) => implication.label)).toEqual(['Financial', 'Legal']);
    expect(report.annex.map((entry) => entry.id)).toContain('placements.cost_avoidance_gbp');
  });

  it('prints HTML with every figure and the charts as SVG', async () => {
    const built = await services.boardReports.build(options, weeGlenCover, 'html');
    const html = built.bytes.toString('utf8');
    expect(built.fileName).toBe('childrens-services-transformational-activity-2022-10-12.html');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
    expectWeeGlenFigures(html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
  });

  it('prints a DOCX that LibreOffice opens, with the same figures and the charts as pictures', async () => {
    const built = await services.boardReports.build(options, weeGlenCover, 'docx');
    const file = join(folder, built.fileName);
    writeFileSync(file, built.bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(folder, 'lo-profile')}`, '--convert-to', 'txt:Text', '--outdir', folder, file], { stdio: 'pipe', timeout: 120_000 });
    expectWeeGlenFigures(readFileSync(file.replace(/\.docx$/, '.txt'), 'utf8'));
    // The charts are embedded pictures.
    const media = built.bytes.toString('latin1').match(/word\/media\/[^\s"]+\.png/g) ?? [];
    expect(new Set(media).size).toBeGreaterThanOrEqual(5);
  }, 180_000);

  it('prints a PDF that pdftotext reads, with the same figures', async () => {
    const built = await services.boardReports.build(options, weeGlenCover, 'pdf');
    const file = join(folder, built.fileName);
    writeFileSync(file, built.bytes);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expectWeeGlenFigures(text);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2).toBeGreaterThanOrEqual(5);
  });
});

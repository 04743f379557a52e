/** @module Board paper editions against the real database: drafted, filled, published, frozen and downloaded byte for byte. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { loadWeeGlen, weeGlenCover } from '../../../test/reports/boardFixture.js';
import type { Actor } from '../../platform/access/user.js';
import { quoteBlock } from './boardPaper.js';
import { EditionFrozenError } from './boardPaperRepository.js';
import { sha256Of } from './boardPaperService.js';

let database: TestDatabase;
let services: Services;
let manager: Actor;
const options = { years: { first: 2020, last: 2021 }, baseline: 2020 };

beforeAll(async () => {
  database = await createTestDatabase();
  await loadWeeGlen(database.db);
  // A family's words: one given with consent to quote, one without.
  const child = await aChild(database.db, { childId: 'FF001', schoolCluster: 'Belmont' });
  const caseId = await aCase(database.db, child.childId, { openedDate: '2021-02-01' });
  await database.db.query(`insert into family_first_involvements (involvement_id, case_id, child_id, started_date) values ('FFI-1', $1, 'FF001', '2021-02-01')`, [caseId]);
  await database.db.query(`insert into family_first_feedback (feedback_id, involvement_id, given_date, words, consent_to_quote) values
    ('FB-YES', 'FFI-1', '2021-06-10', 'For the first time someone asked us what would help.', true),
    ('FB-NO', 'FFI-1', '2021-06-11', 'Words never to be quoted.', false)`);
  manager = { kind: 'user', user: await aUser(database.db, 'service_manager', { username: 'morven.manager' }) };
  services = buildServices(testConfig(), database.db);
});

afterAll(async () => {
  await database?.drop();
});

describe(`board paper editions (${engineUnderTest})`, () => {
  let number = 0;

  it('start as a draft with every section of the seed paper and its figures placed', async () => {
    number = await services.boardPapers.start(manager, { from: null, options });
    expect(number).toBe(1);
    const edition = (await services.boardPapers.edition(number))!;
    expect(edition.status).toBe('draft');
    const content = await services.boardPapers.content(edition);
    expect(content.report.sections.map((section) => `${section.number} ${section.heading}`)).toEqual(expect.arrayContaining([
      '1 Purpose of report', '2 Recommendation', '3 Background information', '4 Report', '4.1 Family First cluster outcomes',
      '4.2 Signs of Safety implementation and evidence', '4.3 The short-break flat', '4.4 Out of authority placements and cost avoidance',
      '5 Strategic context', '6 Implications', '6.1 Financial implications', '7 Consultation and partnership working', '8 Risk assessment',
      ' Background papers', ' Report author and person to contact',
    ]));
    const background = content.report.sections.find((section) => section.number === '3')!;
    expect(background.blocks.some((block) => block.kind === 'table' && block.table.id === 'balance-of-care')).toBe(true);
  });

  it('has figures equal to cairn stats for its period', async () => {
    const edition = (await services.boardPapers.edition(number))!;
    const content = await services.boardPapers.content(edition);
    const stats = await services.stats.compute(options);
    expect(content.figures).toEqual(stats.rows);
    const lac2021 = stats.rows.find((row) => row.indicator === 'lac.count' && row.period === '2021-07-31')!.value;
    expect(lac2021).toBe(29);
    const balance = content.report.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'table' && block.table.id === 'balance-of-care');
    expect(balance?.kind === 'table' && balance.table.rows.find((row) => row[0] === '2021')?.[1]).toBe('29');
  });

  it('offers only the words given with consent to quote, and prints those chosen', async () => {
    const edition = (await services.boardPapers.edition(number))!;
    const choices = await services.boardPapers.blockChoices(edition);
    const quotes = choices.filter((choice) => choice.value.startsWith('quote:'));
    expect(quotes.map((choice) => choice.value)).toEqual([quoteBlock('FB-YES')]);
    await services.boardPapers.saveSection(manager, number, { key: 'family-first', body: 'No child became looked after from the Belmont cluster.\n\nFamilies said so.', blocks: ['cluster-comparison', quoteBlock('FB-YES'), quoteBlock('FB-NO')] });
    const content = await services.boardPapers.content((await services.boardPapers.edition(number))!);
    const section = content.report.sections.find((candidate) => candidate.number === '4.1')!;
    const texts = section.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(texts[0]).toBe('No child became looked after from the Belmont cluster.');
    expect(texts).toContain('“For the first time someone asked us what would help.” (a family, June 2021)');
    expect(texts.join(' ')).not.toContain('never to be quoted');
  });

  it('places the short-break flat’s figures in 4.3: the resources module’s own, published with counts of 1 to 4 children as *', async () => {
    const user = manager.kind === 'user' ? manager.user : undefined;
    const flat = await services.resources.add(manager, { name: 'Wee Glen short-break flat', kind: 'short_break', places: ['Flat'] });
    const stays: [string, string, string, boolean][] = [
      ['SB1', '2020-06-01', '2020-06-04', true], ['SB2', '2020-07-01', '2020-07-03', false], ['SB3', '2020-08-01', '2020-08-03', false],
      ['SB4', '2020-09-01', '2020-09-03', false], ['SB5', '2020-10-01', '2020-10-03', false],
      // Two nights in 2020-21, one in 2021-22 (outside the edition's years).
      ['SB1', '2021-03-30', '2021-04-02', false],
    ];
    for (const childId of ['SB1', 'SB2', 'SB3', 'SB4', 'SB5']) await aChild(database.db, { childId });
    for (const [childId, startDate, endDate, avoidedOutOfAuthority] of stays) {
      expect(await services.resources.book(user!, childId, { placeId: flat.places[0]!.placeId, startDate, endDate, reason: 'Short break', avoidedOutOfAuthority })).toMatchObject({ outcome: 'booked' });
    }
    const edition = (await services.boardPapers.edition(number))!;
    expect((await services.boardPapers.blockChoices(edition)).find((choice) => choice.value === 'short-breaks')).toMatchObject({ available: true });
    await services.boardPapers.saveSection(manager, number, { key: 'short-breaks', body: 'The flat kept children close to home.', blocks: ['short-breaks'] });
    const content = await services.boardPapers.content((await services.boardPapers.edition(number))!);
    const section = content.report.sections.find((candidate) => candidate.number === '4.3')!;
    const table = section.blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []))[0]!;
    // 2019-20 had no stay, so the table starts at 2020-21: 13 nights of 365, 5 children, 1 placement avoided (hidden).
    expect(table.rows).toEqual([['2020-21', '13', '365', '3.6%', '5', '*']]);
    expect(await services.resources.shortBreakYears(2021, 2021)).toEqual([{ year: '2020-21', nightsUsed: 13, nightsAvailable: 365, occupancyPct: 3.6, childrenSupported: 5, placementsAvoided: 1 }]);
    expect(table).toEqual((await services.resources.paperTables(options))[0]!.table);
    expect(section.blocks.some((block) => block.kind === 'chart')).toBe(true);
    expect(content.figuresExplained.map((figure) => figure.caption)).toContain(table.caption);
  });

  it('publishes once: frozen, re-downloaded byte for byte, listed with who and when, and never changed', async () => {
    await services.boardPapers.saveCover(manager, number, { ...weeGlenCover, title: 'Wee Glen children’s services 2021' }, options);
    await services.boardPapers.publish(manager, number);
    const published = (await services.boardPapers.edition(number))!;
    expect(published.status).toBe('published');
    expect(published.publishedBy).toBe('morven.manager');
    expect(published.publishedAt).toBeInstanceOf(Date);
    const [listed] = await services.boardPapers.list();
    expect(listed).toMatchObject({ number, status: 'published', publishedBy: 'morven.manager' });

    for (const format of ['pdf', 'docx'] as const) {
      const first = await services.boardPapers.file(published, format);
      const second = await services.boardPapers.file((await services.boardPapers.edition(number))!, format);
      expect(second.bytes.equals(first.bytes)).toBe(true);
      expect(sha256Of(second.bytes)).toBe(first.sha256);
      expect(first.fileName).toBe(`wee-glen-childrens-services-2021-2022-10-12-edition-1.${format}`);
    }
    const frozen = await services.boardPapers.content(published);
    expect(published.contentSha256).toBe(sha256Of(JSON.stringify(frozen)));

    // The records change; the published edition does not.
    await database.db.query(`update placements set placement_type = 'at_home' where child_id = 'WG101'`);
    const after = await services.boardPapers.content((await services.boardPapers.edition(number))!);
    expect(after).toEqual(frozen);

    await expect(services.boardPapers.saveSection(manager, number, { key: 'risk', body: 'Changed after publishing', blocks: [] })).rejects.toThrow(EditionFrozenError);
    await expect(services.boardPapers.saveCover(manager, number, published.cover, options)).rejects.toThrow(EditionFrozenError);
    await expect(services.boardPapers.publish(manager, number)).rejects.toThrow(EditionFrozenError);
    // The database refuses too, whoever asks.
    await expect(database.db.query(`update board_paper_editions set cover = '{}'::jsonb where edition_number = $1`, [number])).rejects.toThrow(/published/);
    await expect(database.db.query(`update board_paper_sections set body = 'x' where edition_id = $1`, [published.editionId])).rejects.toThrow(/published/);
    await expect(database.db.query(`delete from board_paper_files where edition_id = $1`, [published.editionId])).rejects.toThrow(/published/);
    await expect(database.db.query(`update board_paper_files set bytes = 'x'::bytea where edition_id = $1`, [published.editionId])).rejects.toThrow(/published/);
  });

  it('is followed by a new edition started from it, year on year, with its text and blocks copied', async () => {
    const next = await services.boardPapers.start(manager, { from: number, options: { years: { first: 2020, last: 2021 }, baseline: 2021 } });
    expect(next).toBe(2);
    const edition = (await services.boardPapers.edition(next))!;
    expect(edition).toMatchObject({ status: 'draft', startedFrom: number, options: { baseline: 2021 } });
    expect(edition.cover.title).toBe('Wee Glen children’s services 2021');
    expect(edition.sections.find((section) => section.key === 'family-first')).toMatchObject({ body: 'No child became looked after from the Belmont cluster.\n\nFamilies said so.' });
    expect(await services.boardPapers.latestDraft()).toBe(next);
  });
});

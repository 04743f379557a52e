import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeListNames, codeMapFor, readCodeMap, returnCode, type CodeListName } from './codeMap.js';
import { sourcePath } from '../../platform/projectRoot.js';
import { legalReasons, placementTypes, providerTypes, reasonsEnded } from '../../platform/codes/careCodes.js';
import { disabilityCodes, sexCodes } from '../../platform/codes/childCodes.js';
import { concernCodes, deregistrationReasons, meetingDecisions, meetingKinds } from '../../platform/codes/protectionCodes.js';
import { rulePacks } from './packs/packs.js';

const cairnCodes: Record<CodeListName, readonly string[]> = {
  sex: sexCodes, disability: disabilityCodes, legalReason: legalReasons, placementType: placementTypes, reasonEnded: reasonsEnded,
  providerType: providerTypes, concern: concernCodes, deregistrationReason: deregistrationReasons, meetingKind: meetingKinds, meetingDecision: meetingDecisions,
};

const folder = sourcePath('modules', 'returns', 'codeMaps');
const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

describe('the code maps from Cairn codes to the returns', () => {
  const years = files.map((name) => name.slice(0, 7));

  it.each(years)('%s maps every Cairn code of every list, and nothing else', (year) => {
    const map = codeMapFor(year);
    expect(map.year).toBe(year);
    expect([...codeListNames].sort()).toEqual(Object.keys(cairnCodes).sort());
    for (const [list, codes] of Object.entries(cairnCodes) as [CodeListName, readonly string[]][]) expect(Object.keys(map[list]).sort(), list).toEqual([...codes].sort());
  });

  it.each(rulePacks.map((pack) => pack.year))('the %s rule pack has a code map giving every Cairn code of every list a return code', (year) => {
    const map = codeMapFor(year);
    for (const [list, codes] of Object.entries(cairnCodes) as [CodeListName, readonly string[]][]) {
      for (const code of codes) expect(returnCode(map, list, code), `${list} ${code}`).toMatch(/^\S+$/);
    }
  });

  it.each(files)('%s marks each code not checked against the published list as unverified, naming a source it describes', (file) => {
    const map = readCodeMap(readFileSync(`${folder}/${file}`, 'utf8'));
    const raw = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as Record<string, Record<string, unknown>>;
    const marked = codeListNames.flatMap((list) => Object.entries(raw[list]!).filter(([, value]) => typeof value !== 'string').map(([cairn]) => `${list}.${cairn}`));
    expect(map.unverified.map((entry) => `${entry.list}.${entry.cairn}`)).toEqual(marked);
    for (const entry of map.unverified) {
      expect(entry.code, `${entry.list}.${entry.cairn}`).toBe(map[entry.list][entry.cairn]);
      expect(entry.source.length, `${entry.list}.${entry.cairn}`).toBeGreaterThan(40);
    }
  });

  it('reads a checked code as a plain string, and refuses an unverified code without a known source', () => {
    const lists = (value: unknown) => Object.fromEntries(codeListNames.map((list) => [list, { a: value }]));
    const checked = readCodeMap(JSON.stringify({ year: '2030-31', ...lists('7') }));
    expect(checked.sex.a).toBe('7');
    expect(checked.unverified).toEqual([]);
    const marked = readCodeMap(JSON.stringify({ year: '2030-31', sources: { spec: 'The 2030-31 data specification, table 4' }, ...lists({ code: '7', unverified: true, source: 'spec' }) }));
    expect(marked.unverified).toHaveLength(codeListNames.length);
    expect(marked.unverified[0]).toEqual({ list: codeListNames[0], cairn: 'a', code: '7', source: 'The 2030-31 data specification, table 4' });
    expect(() => readCodeMap(JSON.stringify({ year: '2030-31', ...lists({ code: '7', unverified: true, source: 'spec' }) }))).toThrow(/no source .{0,4}spec/);
  });

  it('uses the latest map before a year that has none, and refuses a code the map lacks', () => {
    expect(codeMapFor('2023-24').year).toBe(years.sort().at(-1));
    expect(codeMapFor('2016-17').year).toBe(years.sort()[0]);
    const map = codeMapFor('2021-22');
    expect(returnCode(map, 'placementType', 'secure')).toBe('34');
    expect(returnCode(map, 'reasonEnded', null)).toBe('');
    expect(() => returnCode(map, 'placementType', 'hotel')).toThrow(/no placementType code for "hotel"/);
  });
});

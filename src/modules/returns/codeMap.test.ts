import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeMapFor, returnCode, type CodeListName } from './codeMap.js';
import { sourcePath } from '../../platform/projectRoot.js';
import { legalReasons, placementTypes, providerTypes, reasonsEnded } from '../../platform/codes/careCodes.js';
import { disabilityCodes, sexCodes } from '../../platform/codes/childCodes.js';
import { concernCodes, deregistrationReasons, meetingDecisions, meetingKinds } from '../../platform/codes/protectionCodes.js';

const cairnCodes: Record<CodeListName, readonly string[]> = {
  sex: sexCodes, disability: disabilityCodes, legalReason: legalReasons, placementType: placementTypes, reasonEnded: reasonsEnded,
  providerType: providerTypes, concern: concernCodes, deregistrationReason: deregistrationReasons, meetingKind: meetingKinds, meetingDecision: meetingDecisions,
};

describe('the code maps from Cairn codes to the returns', () => {
  const years = readdirSync(sourcePath('modules', 'returns', 'codeMaps')).map((name) => name.slice(0, 7));

  it.each(years)('%s maps every Cairn code of every list, and nothing else', (year) => {
    const map = codeMapFor(year);
    expect(map.year).toBe(year);
    for (const [list, codes] of Object.entries(cairnCodes) as [CodeListName, readonly string[]][]) expect(Object.keys(map[list]).sort(), list).toEqual([...codes].sort());
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

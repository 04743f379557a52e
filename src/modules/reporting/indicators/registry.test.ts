import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndicatorKind } from '../statsTypes.js';
import { indicatorById, indicators } from './index.js';

interface SpecIndicator {
  id: string;
  kind: IndicatorKind;
  definition: string;
  places: number;
  dimensions: string[];
}

/** The indicator tables of indicators.md (the contract), read from the shared spec beside every checkout. */
function specIndicators(): SpecIndicator[] {
  const text = readFileSync(new URL('../../../../../shared/spec/indicators.md', import.meta.url), 'utf8');
  const sections: [string, IndicatorKind][] = [
    ['## Census indicators', 'census'],
    ['## Reporting-year indicators', 'reporting_year'],
    ['## Financial-year indicators', 'financial_year'],
    ['## Window indicators', 'window'],
  ];
  const found: SpecIndicator[] = [];
  let kind: IndicatorKind | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) kind = sections.find(([heading]) => line.startsWith(heading))?.[1];
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (!kind || cells.length !== 3 || !/^`[a-z_.0-9]+`$/.test(cells[0]!)) continue;
    const id = cells[0]!.slice(1, -1);
    if (kind === 'window') {
      const dimensions = cells[1]!.split(',').map((d) => d.trim().replace(/`/g, ''));
      found.push({ id, kind, definition: cells[2]!, places: 0, dimensions });
    } else {
      found.push({ id, kind, definition: cells[1]!, places: Number(cells[2]), dimensions: id === 'lac.by_placement_type' ? ['placement_type'] : [] });
    }
  }
  return found;
}

describe('the indicator registry is indicators.md', () => {
  const spec = specIndicators();

  it('reads all 26 indicators from the spec', () => {
    expect(spec).toHaveLength(26);
  });

  it('has exactly the spec’s indicators, in its order, with one id each', () => {
    expect(indicators.map((indicator) => indicator.id)).toEqual(spec.map((indicator) => indicator.id));
  });

  it.each(spec.map((indicator) => [indicator.id, indicator] as const))('%s: kind, definition word for word, places and dimensions', (id, expected) => {
    const indicator = indicatorById(id);
    expect(indicator).toBeDefined();
    expect({ kind: indicator!.kind, definition: indicator!.definition, places: indicator!.places, dimensions: [...indicator!.dimensions] }).toEqual({
      kind: expected.kind,
      definition: expected.definition,
      places: expected.places,
      dimensions: expected.dimensions,
    });
  });
});

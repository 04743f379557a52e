/** @module Charts readable in print: type never under 8 pt as printed, labels whole, axes that show the change, series told apart without colour. */
import { describe, expect, it } from 'vitest';
import { chartPng, chartSvg, warmUpCharts, type ChartDescription } from './charts.js';
import { usable } from './pdf.js';

const placementTypes: ChartDescription = {
  kind: 'bar', title: 'Children looked after by type of placement', axisTitle: 'Placement type', valueTitle: 'Children',
  points: ['At home with parents', 'With kinship carers: friends or relatives', 'With foster carers provided by the council', 'With foster carers purchased by the council']
    .map((label, index) => ({ label, series: 'Children', value: 93 - 20 * index })),
};
const years = ['2020', '2021', '2022', '2023', '2024', '2025', '2026'];
const community: ChartDescription = {
  kind: 'line', title: 'Looked after children cared for in the community (%)', axisTitle: 'Year', valueTitle: 'Per cent',
  points: [
    ...years.map((label, index) => ({ label, series: 'Glenmuir', value: 91 + index })),
    ...years.map((label, index) => ({ label, series: 'Scotland', value: 90 + index * 0.3 })),
  ],
};

const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
const fontSizes = (svg: string): number[] => [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((match) => Number(match[1]));

describe('charts printed in a paper', () => {
  it('prints every word at 8 points or more once the chart is scaled to the page', async () => {
    for (const chart of [placementTypes, community]) {
      const { width } = await chartPng(chart);
      const scale = Math.min(1, usable / width);
      const sizes = fontSizes(await chartSvg(chart));
      expect(sizes.length, chart.title).toBeGreaterThan(0);
      expect(Math.min(...sizes) * scale, chart.title).toBeGreaterThanOrEqual(8);
    }
  });

  it('prints long bar labels whole, never cut short with an ellipsis', async () => {
    const shown = texts(await chartSvg(placementTypes));
    for (const point of placementTypes.points) expect(shown).toContain(point.label);
    expect(shown.join(' ')).not.toContain('…');
  });

  it('scales a line chart to its values, so a change from 91% to 97% shows, and tells series apart by line style', async () => {
    const svg = await chartSvg(community);
    const valueLabels = texts(svg).filter((text) => /^\d+$/.test(text) && !years.includes(text)).map(Number);
    expect(Math.min(...valueLabels)).toBeGreaterThanOrEqual(85);
    const dashes = new Set([...svg.matchAll(/stroke-dasharray="([^"]+)"/g)].map((match) => match[1]));
    expect(dashes.size).toBeGreaterThanOrEqual(2);
  });

  it('starts bars at zero, as bars must', async () => {
    const valueLabels = texts(await chartSvg(placementTypes)).filter((text) => /^\d+$/.test(text)).map(Number);
    expect(Math.min(...valueLabels)).toBe(0);
  });
});

describe('charts drawn again', () => {
  it('draws the same picture for the same chart, and a new one when a figure changes', async () => {
    const first = await chartSvg(placementTypes, 'kept');
    expect(await chartSvg(structuredClone(placementTypes), 'kept')).toBe(first);
    const changed = { ...placementTypes, points: placementTypes.points.map((point, index) => (index === 0 ? { ...point, value: 94 } : point)) };
    const redrawn = await chartSvg(changed, 'kept');
    expect(redrawn).not.toBe(first);
    expect(await chartSvg(placementTypes, 'kept')).toBe(first);
  });

  it('warms up without a chart of anyone’s', async () => {
    await expect(warmUpCharts()).resolves.toBeUndefined();
  });
});

/** @module The safety scaling trajectory as a server-drawn SVG chart (Vega-Lite), labelled for screen readers. */
import * as vega from 'vega';
import * as vl from 'vega-lite';

export interface ScalePoint { date: string; person: string; score: number }

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An SVG line chart of each person's number over time, one line per person, 0 to 10.
 * The data table beside it on the page carries the same numbers for anyone who cannot see the chart.
 * @example await scalingChartSvg([{ date: '2026-01-05', person: 'Mum', score: 3 }], 'Scaling for danger statement 1', 'Mum moved from 3 to 5')
 */
export async function scalingChartSvg(points: ScalePoint[], title: string, description: string): Promise<string> {
  const spec = vl.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 560,
    height: 260,
    data: { values: points },
    mark: { type: 'line', point: { size: 80, filled: true }, strokeWidth: 3 },
    encoding: {
      x: { field: 'date', type: 'temporal', title: 'Date', axis: { format: '%d %b %Y', labelAngle: -30 } },
      y: { field: 'score', type: 'quantitative', title: 'Safety scale (0 to 10)', scale: { domain: [0, 10] }, axis: { tickCount: 11 } },
      color: { field: 'person', type: 'nominal', title: 'Person', scale: { range: ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#f47738', '#505a5f', '#912b88', '#28a197'] } },
      shape: { field: 'person', type: 'nominal' },
    },
    config: { font: 'Arial, sans-serif', axis: { labelFontSize: 13, titleFontSize: 14 }, legend: { labelFontSize: 13, titleFontSize: 14, labelLimit: 320 } },
  }).spec;
  const chartView = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await chartView.toSVG();
  chartView.finalize();
  const id = `chart-${Math.abs(hash(title))}`;
  // The whole chart is one image to assistive technology: drop Vega's own roles on its parts.
  const plain = svg.replace(/\s(role|aria-[a-z-]+)="[^"]*"/g, '');
  return plain.replace(/^<svg([^>]*)>/, (_match, attributes: string) => {
    // Without a fixed width and height the chart scales to its column (the viewBox keeps its shape).
    const cleaned = attributes.replace(/\s(width|height)="[^"]*"/g, '');
    return `<svg${cleaned} role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`;
  });
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

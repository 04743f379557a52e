/** @module The cluster comparison chart: grouped bars drawn on the server by Vega-Lite as an accessible SVG. */
import * as vegaLite from 'vega-lite';
import * as vega from 'vega';

export interface ChartBar {
  figure: string;
  series: string;
  value: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An SVG with role="img", a title and a description (the table beside it carries the same numbers).
 * @example await comparisonChartSvg('Belmont against other clusters', 'Bars for …', [{ figure: 'Secure', series: 'Belmont', value: 0 }])
 */
export async function comparisonChartSvg(title: string, description: string, bars: readonly ChartBar[]): Promise<string> {
  const figures = [...new Set(bars.map((b) => b.figure))];
  const series = [...new Set(bars.map((b) => b.series))];
  const spec = {
    width: 560,
    height: 240,
    background: 'white',
    config: { aria: false, font: 'Arial, Helvetica, sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 } },
    data: { values: bars.map((b) => ({ ...b })) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'figure', type: 'ordinal', title: null, sort: figures, axis: { labelAngle: -20, labelLimit: 160 } },
      xOffset: { field: 'series', sort: series },
      y: { field: 'value', type: 'quantitative', title: 'Number', axis: { tickMinStep: 1 } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: ['#1d70b8', '#f47738'] }, legend: { orient: 'bottom' } },
    },
  } as vegaLite.TopLevelSpec;
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  // Vega labels its marks for screen readers; here the whole chart is one image, described by its title and desc.
  return svg
    .replace(/ (role|aria-[a-z]+)="[^"]*"/g, '')
    .replace('<svg ', '<svg role="img" aria-labelledby="cluster-chart-title cluster-chart-desc" focusable="false" ')
    .replace(/(<svg[^>]*>)/, `$1<title id="cluster-chart-title">${escapeXml(title)}</title><desc id="cluster-chart-desc">${escapeXml(description)}</desc>`);
}

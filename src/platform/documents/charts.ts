/** @module Charts drawn on the server: a chart description rendered to SVG by Vega-Lite, and to PNG for DOCX and PDF. */
import * as vegaLite from 'vega-lite';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';
import { fontFamily, fontFiles } from './fonts.js';
import { measureChartTextExactly } from './textWidth.js';

measureChartTextExactly(vega);

/** One bar or point: where it sits on the axis, which series it belongs to, and its value. */
export interface ChartPoint {
  label: string;
  series: string;
  value: number;
  /** The table cell the value comes from (row, column), so a published chart leaves out what its table hides. */
  source?: { row: number; column: number };
}

/** What a chart shows: bars (grouped where there are several series) or lines, over the same points as its table. */
export interface ChartDescription {
  kind: 'bar' | 'line';
  title: string;
  /** What the points run along (e.g. 'Census year'). */
  axisTitle: string;
  /** What the values measure (e.g. 'Children'). */
  valueTitle: string;
  points: readonly ChartPoint[];
}

const palette = ['#1d70b8', '#d4351c', '#00703c', '#6f72af', '#f47738', '#5694ca', '#912b88', '#85994b', '#b58840', '#505a5f', '#28a197', '#f499be'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Line styles told apart in black and white as well as in colour: solid, dashed, dotted, dash-dot, long dash. */
const dashes = [[1, 0], [8, 4], [2, 3], [8, 3, 2, 3], [14, 4]];
/** Point shapes for the same purpose. */
const shapes = ['circle', 'square', 'triangle-up', 'diamond', 'cross'];
/** Labels longer than this turn a bar chart on its side, so every label is printed whole. */
const longLabel = 12;
/**
 * Type sizes in pixels. A chart is 600–700 pixels wide and printed about 480 points wide, so 12 pixels print at about
 * 8.5 points or more: never below the 8 points a printed paper needs.
 */
const type = { label: 12, title: 13 };

const cycle = <T>(list: readonly T[], count: number): T[] => Array.from({ length: count }, (_, index) => list[index % list.length]!);

/**
 * The Vega-Lite specification of a chart (ARIA turned off: the SVG is one image with its own label). Bars start at
 * zero; lines are scaled to their values, so a change from 91% to 97% shows as a change. Series differ by line style
 * and point shape as well as colour; bar labels are never cut short (long ones turn the chart on its side).
 */
function specification(chart: ChartDescription): vegaLite.TopLevelSpec {
  const series = [...new Set(chart.points.map((point) => point.series))];
  const labels = [...new Set(chart.points.map((point) => point.label))];
  const several = series.length > 1;
  const legend = several ? { orient: 'bottom', labelLimit: 400, labelFontSize: type.label, symbolStrokeWidth: 2, symbolSize: 120, columns: Math.min(series.length, 3) } : null;
  const colour = { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: palette.slice(0, series.length) }, legend } as const;
  const config = {
    aria: false,
    font: 'Noto Sans, Arial, Helvetica, sans-serif',
    axis: { labelFontSize: type.label, titleFontSize: type.title, labelLimit: 400, titlePadding: 8 },
    legend: { labelFontSize: type.label, titleFontSize: type.title },
  };
  const base = { background: 'white', config, data: { values: chart.points.map((point) => ({ label: point.label, series: point.series, value: point.value })) } };
  const category = { field: 'label', type: 'ordinal', title: chart.axisTitle, sort: labels } as const;
  if (chart.kind === 'bar' && labels.some((label) => label.length > longLabel)) {
    // On its side: the labels read across, whole, down the left.
    return {
      ...base,
      width: 420,
      height: { step: several ? 14 * series.length + 8 : 26 },
      mark: { type: 'bar' },
      encoding: {
        // The labels say what the bars are; an axis title beside them would only crowd them.
        y: { ...category, title: null, axis: { labelLimit: 400 } },
        x: { field: 'value', type: 'quantitative', title: chart.valueTitle },
        color: colour,
        ...(several ? { yOffset: { field: 'series', sort: series } } : {}),
      },
    } as vegaLite.TopLevelSpec;
  }
  if (chart.kind === 'bar') {
    return {
      ...base,
      width: 520,
      height: 220,
      mark: { type: 'bar' },
      encoding: {
        x: { ...category, axis: { labelAngle: 0, labelLimit: 400 } },
        y: { field: 'value', type: 'quantitative', title: chart.valueTitle },
        color: colour,
        ...(several ? { xOffset: { field: 'series', sort: series } } : {}),
      },
    } as vegaLite.TopLevelSpec;
  }
  return {
    ...base,
    width: 520,
    height: 220,
    mark: { type: 'line', point: { size: 60, filled: true }, strokeWidth: 2.5 },
    encoding: {
      x: { ...category, axis: { labelAngle: labels.some((label) => label.length > 8) ? -30 : 0, labelLimit: 400 } },
      y: { field: 'value', type: 'quantitative', title: chart.valueTitle, scale: { zero: false, nice: true } },
      color: colour,
      strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: cycle(dashes, series.length) }, legend },
      shape: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: cycle(shapes, series.length) }, legend },
    },
  } as vegaLite.TopLevelSpec;
}

/**
 * The chart as a standalone SVG document, labelled as one image with its title; `idPrefix` keeps its ids apart from other charts on the page.
 * @example const svg = await chartSvg({ kind: 'bar', title: 'Looked after children', axisTitle: 'Year', valueTitle: 'Children', points: [{ label: '2021', series: 'Children', value: 233 }] })
 */
export function chartSvg(chart: ChartDescription, idPrefix = 'chart'): Promise<string> {
  // The same chart draws the same picture: figures worked out again (after a record changed, for each board
  // report) mostly draw charts already drawn, at 20–40 ms each. A drawing in progress is shared too.
  const key = JSON.stringify([idPrefix, chart]);
  const kept = drawings.get(key);
  if (kept) {
    drawings.delete(key);
    drawings.set(key, kept);
    return kept.svg;
  }
  const drawing: KeptDrawing = { svg: drawSvg(chart, idPrefix) };
  drawing.svg.then((svg) => (drawing.drawn = svg), () => drawings.get(key) === drawing && drawings.delete(key));
  drawings.set(key, drawing);
  if (drawings.size > chartsKept) drawings.delete(drawings.keys().next().value!);
  return drawing.svg;
}

/**
 * The chart as `chartSvg` drew it lately, without drawing it; undefined if it has not been drawn lately.
 * @example drawnChartSvg(chart, 'chart-balance-of-care') // '<svg …' or undefined
 */
export function drawnChartSvg(chart: ChartDescription, idPrefix = 'chart'): string | undefined {
  return drawings.get(JSON.stringify([idPrefix, chart]))?.drawn;
}

/** A drawing kept: the picture once drawn, and the work of drawing it (shared by whoever asks meanwhile). */
interface KeptDrawing {
  svg: Promise<string>;
  drawn?: string;
}

/** Charts drawn lately, by their description, most recently used last (a few megabytes at most). */
const drawings = new Map<string, KeptDrawing>();
const chartsKept = 200;

/**
 * Draw a small bar chart and a line chart once, so that the first person to open the dashboards after a start does
 * not wait while Vega's code is compiled and the typeface is read (about half a second on two cores).
 * @example await warmUpCharts()
 */
export async function warmUpCharts(): Promise<void> {
  const points = [{ label: '2020', series: 'Warm-up', value: 1 }, { label: '2021', series: 'Warm-up', value: 2 }];
  for (const kind of ['bar', 'line'] as const) await drawSvg({ kind, title: 'Warm-up', axisTitle: 'Year', valueTitle: 'Children', points }, 'warm-up');
}

async function drawSvg(chart: ChartDescription, idPrefix: string): Promise<string> {
  const compiled = vegaLite.compile(specification(chart)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const title = escapeXml(chart.title);
  // Several charts share one page: give each its own ids (Vega numbers its clip paths from 1 in every chart).
  return svg
    // The chart is one image with one label: Vega's own roles and descriptions inside it are removed.
    .replace(/ (?:role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${idPrefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${idPrefix}-${id})`)
    .replace('<svg ', `<svg role="img" aria-label="${title}" focusable="false" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${title}</title>`);
}

/**
 * The chart as a PNG at twice its size, for documents that embed pictures (DOCX, PDF), in the documents' own typeface
 * (never the system's fonts: scanning hundreds of them per picture was slow, and the picture would vary by machine).
 * @example const { png, width, height } = await chartPng(chart)
 */
export async function chartPng(chart: ChartDescription): Promise<{ png: Buffer; width: number; height: number }> {
  const svg = await chartSvg(chart);
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { fontFiles: [fontFiles.regular, fontFiles.bold], loadSystemFonts: false, defaultFontFamily: fontFamily } }).render();
  return { png: Buffer.from(rendered.asPng()), width: rendered.width / 2, height: rendered.height / 2 };
}

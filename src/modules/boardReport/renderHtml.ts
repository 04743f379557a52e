/** @module Prints a board report as one self-contained HTML document, charts inline as SVG. */
import nunjucks from 'nunjucks';
import { sourcePath } from '../../platform/projectRoot.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { BoardReport } from './boardReport.js';
import { chartSvg } from '../../platform/documents/charts.js';

const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(sourcePath('modules', 'boardReport', 'views')), { autoescape: true });
environment.addFilter('date', longDateOf);

/**
 * The report as an HTML page (UTF-8), for reading in a browser or printing.
 * @example const html = await renderHtml(report)
 */
export async function renderHtml(report: BoardReport): Promise<string> {
  const sections = await Promise.all(
    report.sections.map(async (section) => ({
      ...section,
      blocks: await Promise.all(
        section.blocks.map(async (block, index) =>
          block.kind === 'chart' ? { kind: 'chart', title: block.chart.title, svg: await chartSvg(block.chart, `chart-${section.number}-${index}`) } : block,
        ),
      ),
    })),
  );
  return environment.render('boardReport.njk', { report, sections });
}

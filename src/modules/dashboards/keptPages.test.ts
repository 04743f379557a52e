/** @module Rendered pages kept per set of figures and key: shared while the figures are the same, rendered afresh for new ones. */
import { describe, expect, it } from 'vitest';
import { withChartsOnDemand, type Figures } from './dashboardService.js';
import { keptPages } from './keptPages.js';

const someFigures = (): Figures => withChartsOnDemand({ authority: 'Wee Glen', years: [2021], baseline: 2021, tables: [], rows: [] });

describe('kept pages', () => {
  it('render once for the same figures and key, and again for another key or new figures', async () => {
    const pages = keptPages<string>(10);
    let renders = 0;
    const render = (html: string) => () => Promise.resolve(`${html} ${++renders}`);
    const figures = someFigures();
    expect(await pages(figures, 'analyst', render('a'))).toBe('a 1');
    expect(await pages(figures, 'analyst', render('a'))).toBe('a 1');
    expect(await pages(figures, 'team_manager', render('t'))).toBe('t 2');
    expect(await pages(someFigures(), 'analyst', render('a'))).toBe('a 3');
    expect(renders).toBe(3);
  });

  it('keep no more than their limit, the oldest going first', async () => {
    const pages = keptPages<string>(2);
    const figures = someFigures();
    let renders = 0;
    const render = () => Promise.resolve(String(++renders));
    await pages(figures, 'one', render);
    await pages(figures, 'two', render);
    await pages(figures, 'three', render);
    expect(await pages(figures, 'three', render)).toBe('3');
    expect(await pages(figures, 'two', render)).toBe('2');
    expect(await pages(figures, 'one', render)).toBe('4');
  });

  it('do not keep a page that failed to render', async () => {
    const pages = keptPages<string>(10);
    const figures = someFigures();
    await expect(pages(figures, 'analyst', () => Promise.reject(new Error('template missing')))).rejects.toThrow('template missing');
    expect(await pages(figures, 'analyst', () => Promise.resolve('rendered'))).toBe('rendered');
  });
});

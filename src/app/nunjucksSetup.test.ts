import { describe, expect, it } from 'vitest';
import nunjucks from 'nunjucks';
import { configureNunjucks } from './nunjucksSetup.js';

describe('the template filters', () => {
  const environment = new nunjucks.Environment(null, { autoescape: true });
  configureNunjucks(environment, { assetPath: '/assets/0123456789ab' });
  const render = (template: string, context: object) => environment.renderString(template, context);

  it('trims like Nunjucks’ own trim: text is still escaped, markup marked safe stays safe, nothing becomes empty', () => {
    expect(render('[{{ x | trim }}]', { x: '  <b>Ailsa</b>\n  ' })).toBe('[&lt;b&gt;Ailsa&lt;/b&gt;]');
    expect(render('[{{ x | safe | trim }}]', { x: ' \n <b>Ailsa</b>   ' })).toBe('[<b>Ailsa</b>]');
    expect(render('[{{ x | trim }}]', { x: `a${' '.repeat(5000)}b${' '.repeat(5000)}` })).toBe(`[a${' '.repeat(5000)}b]`);
    expect(render('[{{ x | trim }}][{{ y | trim }}][{{ 7 | trim }}]', { x: null })).toBe('[][][7]');
  });
});

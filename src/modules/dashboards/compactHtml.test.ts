/** @module Compacting kept HTML: indentation goes, words and what spaces mean stay. */
import { describe, expect, it } from 'vitest';
import { compactHtml } from './compactHtml.js';

describe('compact HTML', () => {
  it('turns each run of spaces and line breaks into one line break, keeping spaces within a line', () => {
    expect(compactHtml('<div>\n    <p class="govuk-body">Two  words</p>   \n\n      <p>Next</p>\n</div>')).toBe('<div>\n<p class="govuk-body">Two  words</p>\n<p>Next</p>\n</div>');
  });

  it('leaves HTML whose spaces matter as it is', () => {
    for (const html of ['<pre>\n  a\n    b</pre>', '<textarea>\n  kept\n</textarea>', '<script>\n  let a;\n</script>']) expect(compactHtml(html)).toBe(html);
  });
});

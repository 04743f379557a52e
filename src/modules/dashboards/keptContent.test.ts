/** @module Wrapping kept content in a layout rendered per response. */
import { describe, expect, it } from 'vitest';
import { keptContentMarker, wrapKept } from './keptContent.js';

describe('kept content in its layout', () => {
  it('goes where the marker is, as UTF-8', () => {
    const page = wrapKept(`<title>Dashboards</title><main>${keptContentMarker}</main><footer>Cairn</footer>`, Buffer.from('<p>£109,200 — 2021</p>'));
    expect(page.toString('utf8')).toBe('<title>Dashboards</title><main><p>£109,200 — 2021</p></main><footer>Cairn</footer>');
  });

  it('is refused when the layout has no marker, or more than one', () => {
    expect(() => wrapKept('<main></main>', Buffer.from('x'))).toThrow('exactly once');
    expect(() => wrapKept(`${keptContentMarker}${keptContentMarker}`, Buffer.from('x'))).toThrow('exactly once');
  });
});

/**
 * @module A page sent as bytes: the layout rendered for this response (name, CSRF token, nonce) with content kept
 * already encoded in its place, so the kept part is neither rendered nor encoded again for each response.
 */

/** Where the kept content goes in the layout; escaping keeps it out of anything a person typed. */
export const keptContentMarker = '<!-- kept content -->';

/**
 * The layout's HTML with the kept content where the marker is.
 * @example wrapKept('<main><!-- kept content --></main>', Buffer.from('<h1>Dashboards</h1>')).toString() // '<main><h1>Dashboards</h1></main>'
 */
export function wrapKept(layoutHtml: string, content: Buffer): Buffer {
  const at = layoutHtml.indexOf(keptContentMarker);
  if (at < 0 || layoutHtml.includes(keptContentMarker, at + 1)) throw new Error('The layout must hold the kept content marker exactly once');
  return Buffer.concat([Buffer.from(layoutHtml.slice(0, at)), content, Buffer.from(layoutHtml.slice(at + keptContentMarker.length))]);
}

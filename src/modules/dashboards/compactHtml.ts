/** @module Rendered HTML without the indentation templates leave, for a page that is kept and sent many times. */

/**
 * Each run of spaces and line breaks that holds a line break becomes one line break: the browser shows both as one
 * space, so nothing on the page changes, but GOV.UK macros' indentation (a fifth of the dashboards page) is not sent.
 * HTML with `<pre>`, `<textarea>` or `<script>`, whose spaces matter, is returned as it is.
 * @example compactHtml('<p>\n    One\n\n    two</p>') // '<p>\nOne\ntwo</p>'
 */
export function compactHtml(html: string): string {
  if (/<(?:pre|textarea|script)\b/i.test(html)) return html;
  return html.replace(/[ \t\r]*\n\s*/g, '\n');
}

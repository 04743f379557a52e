/**
 * @module Wide tables' tab stops. Every GOV.UK table is held on the server in a region of its own that scrolls sideways
 * when the table is wider than the screen (views/partials/scrollingTable.njk), focusable so that the keyboard can
 * scroll it with or without JavaScript. Here the region is a tab stop only while its table is wider than it: a table
 * that fits is not one more stop on the way through the page. Looked at when the page loads and again whenever the
 * window's size changes (once a frame at most).
 */

/** Each scrolling region a tab stop if, and only if, its table is wider than it. */
export function fitTableTabStops(root = document) {
  for (const region of root.querySelectorAll('.cairn-table-scroll')) {
    if (region.scrollWidth > region.clientWidth) region.setAttribute('tabindex', '0');
    else region.removeAttribute('tabindex');
  }
}

/** Fit the tab stops now, and again after the window is resized. */
export function startFittingTableTabStops() {
  fitTableTabStops();
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => fitTableTabStops());
  });
}

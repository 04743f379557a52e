/**
 * @module Wide tables on a narrow screen. A table wider than the column it sits in is put into a scrolling region of
 * its own — focusable, so it scrolls from the keyboard, and named after the table — as the widest tables already are
 * in their templates (`.cairn-table-scroll`): the table scrolls sideways, not the whole page. Looked at when the page
 * loads and again when the window narrows; a table once held stays held. Without JavaScript the page scrolls instead,
 * which WCAG 1.4.10 allows for data tables.
 */

/** The table's own name: its caption, else what labels it, else the heading before it. */
function nameOf(table) {
  const caption = table.caption?.textContent?.trim();
  if (caption) return caption;
  const labelledBy = table.getAttribute('aria-labelledby');
  const labelled = labelledBy?.split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
  if (labelled) return labelled;
  const label = table.getAttribute('aria-label')?.trim();
  if (label) return label;
  let before = table.previousElementSibling;
  while (before && !/^H[1-6]$/.test(before.tagName)) before = before.previousElementSibling;
  return before?.textContent?.trim() || 'Table';
}

/** Put each GOV.UK table wider than its column, and not already held, into a scrolling region of its own. */
export function holdWideTables(root = document) {
  for (const table of root.querySelectorAll('table.govuk-table')) {
    const column = table.parentElement;
    if (!column || table.closest('.cairn-table-scroll') || table.offsetWidth <= column.clientWidth) continue;
    const region = document.createElement('div');
    region.className = 'cairn-table-scroll';
    region.setAttribute('role', 'region');
    region.setAttribute('tabindex', '0');
    // Not the caption's words alone: a section may be named by the same words as its table (axe's landmark-unique).
    region.setAttribute('aria-label', `${nameOf(table)} (scrolls sideways)`);
    column.insertBefore(region, table);
    region.appendChild(table);
  }
}

/** Hold the wide tables now, and again after the window is resized (once a frame at most). */
export function startHoldingWideTables() {
  holdWideTables();
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => holdWideTables());
  });
}

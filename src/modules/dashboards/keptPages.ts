/**
 * @module Rendered page parts kept for as long as the figures they show: the same figures asked for the same
 * way give the same HTML, so a busy page is rendered once and only wrapped in the layout for each person.
 */
import type { Figures } from './dashboardService.js';

/**
 * A bounded store of rendered HTML (as text or bytes), each entry valid only for the figures it was rendered from: when the
 * service works the figures out again (a record under them changed, ADR 0055), the new figures miss and are rendered afresh.
 * Nothing user-specific may go into a key's HTML: keys name the choice and what a role may see, never a person.
 * @example const pages = keptPages<string>(100); const html = await pages(figures, 'firstYear=2016|analyst', () => render())
 */
export function keptPages<Html>(limit: number) {
  const kept = new Map<string, { figures: Figures; html: Promise<Html> }>();
  return (figures: Figures, key: string, render: () => Promise<Html>): Promise<Html> => {
    const hit = kept.get(key);
    if (hit && hit.figures === figures) return hit.html;
    const html = render();
    const entry = { figures, html };
    html.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    kept.delete(key);
    kept.set(key, entry);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return html;
  };
}

/**
 * @module Giving back the choices of a kept draft, for every page alike. Typed text comes back through the form values
 * (giveBack.ts); radios, checkboxes and selects are often built into items before the view is drawn, so their
 * choice is set again on the page as drawn: each radio, checkbox and option of a field the draft holds is checked
 * (selected) exactly when the draft chose its value. A checkbox field the draft does not hold is left as it was
 * (a form leaves unticked boxes out, so the draft cannot tell "none" from "not on this form").
 */
import type { DraftFields } from './draft.js';

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];

/** The text of an attribute as the page holds it, read back to what was posted. */
function unescaped(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const chosenIn = (draft: DraftFields, name: string): Set<string> | undefined => {
  const value = draft[name];
  if (value === undefined) return undefined;
  return new Set(Array.isArray(value) ? value : [value]);
};

/** The tag with its boolean attribute (checked, selected) set or taken away. */
function marked(tag: string, flag: 'checked' | 'selected', on: boolean): string {
  const without = tag.replace(new RegExp(`\\s${flag}(="[^"]*")?(?=[\\s/>])`, 'gi'), '');
  return on ? without.replace(/\s*\/?>$/, (end) => ` ${flag}${end.trimStart() === '/>' ? ' />' : '>'}`) : without;
}

/**
 * The page with the draft's choices set on its radios, checkboxes and selects.
 * @example giveBackChoices('<input type="radio" name="kind" value="visit">', { kind: 'visit' }) // '<input type="radio" name="kind" value="visit" checked>'
 */
export function giveBackChoices(html: string, draft: DraftFields): string {
  const withInputs = html.replace(/<input\b[^>]*>/gi, (tag) => {
    const type = (attribute(tag, 'type') ?? '').toLowerCase();
    if (type !== 'radio' && type !== 'checkbox') return tag;
    const name = attribute(tag, 'name');
    const value = attribute(tag, 'value');
    if (name === undefined || value === undefined) return tag;
    const chosen = chosenIn(draft, unescaped(name));
    return chosen ? marked(tag, 'checked', chosen.has(unescaped(value))) : tag;
  });
  return withInputs.replace(/(<select\b[^>]*>)([\s\S]*?)(<\/select>)/gi, (whole, open: string, options: string, close: string) => {
    const name = attribute(open, 'name');
    const chosen = name === undefined ? undefined : chosenIn(draft, unescaped(name));
    if (!chosen) return whole;
    const given = options.replace(/<option\b[^>]*>/gi, (tag) => {
      const value = attribute(tag, 'value');
      return value === undefined ? tag : marked(tag, 'selected', chosen.has(unescaped(value)));
    });
    return open + given + close;
  });
}

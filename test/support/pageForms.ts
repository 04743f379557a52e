/**
 * @module The forms on a page, read from its HTML the way a browser would submit them: action, hidden and typed
 * fields, and whether the page script keeps the form as a draft. Also links to follow, for tests that walk the site.
 */

export interface PageForm {
  action: string;
  /** Hidden fields as the page sent them (the CSRF token among them). */
  hidden: Record<string, string>;
  /** Fields a person types into: text-like inputs and text areas. */
  typed: string[];
  /** What the page shows in them, and the checked radios and boxes: the form as a browser would send it untouched. */
  shown: Record<string, string>;
  /** Marked `data-idle-no-draft` (sign out, discard): not kept. */
  notKept: boolean;
  hasFile: boolean;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (text: string) => text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const typedInputs = new Set(['text', 'number', 'email', 'tel', 'search', 'url', 'date']);

/**
 * Every POST form on a page.
 * @example postForms(html).filter((form) => !form.notKept)
 */
export function postForms(html: string, pagePath: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, attributes = '', inner = ''] = match;
    if ((attribute(attributes, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = unescape(attribute(attributes, 'action') ?? pagePath) || pagePath;
    const form: PageForm = { action: action.split('#')[0]!, hidden: {}, typed: [], shown: {}, notKept: /\sdata-idle-no-draft\b/.test(attributes), hasFile: false };
    for (const input of inner.matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0];
      const name = attribute(tag, 'name');
      if (!name || /\sdisabled\b/.test(tag)) continue;
      const type = (attribute(tag, 'type') ?? 'text').toLowerCase();
      if (type === 'hidden') form.hidden[name] = unescape(attribute(tag, 'value') ?? '');
      else if (type === 'file') form.hasFile = true;
      else if (typedInputs.has(type) && !form.typed.includes(name)) {
        form.typed.push(name);
        form.shown[name] = unescape(attribute(tag, 'value') ?? '');
      } else if ((type === 'radio' || type === 'checkbox') && /\schecked\b/.test(tag)) form.shown[name] = unescape(attribute(tag, 'value') ?? 'on');
    }
    for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attribute(select[1] ?? '', 'name');
      const chosen = /<option\b([^>]*\sselected\b[^>]*)>/.exec(select[2] ?? '');
      if (name && chosen) form.shown[name] = unescape(attribute(chosen[1] ?? '', 'value') ?? '');
    }
    for (const area of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attribute(area[1] ?? '', 'name');
      if (name && !form.typed.includes(name)) {
        form.typed.push(name);
        form.shown[name] = unescape((area[2] ?? '').replace(/^\n/, ''));
      }
    }
    forms.push(form);
  }
  return forms;
}

/**
 * The site's own links on a page (no downloads, no sign-out), as paths.
 * @example pageLinks(html) // ['/children/C123', '/caseloads/mine']
 */
export function pageLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\shref="(\/[^"#]*)"/g)) {
    const link = unescape(match[1]!);
    if (link.startsWith('//') || link.startsWith('/assets/') || /\.(csv|pdf|docx|png|jpe?g|svg)(\?|$)/.test(link)) continue;
    links.add(link);
  }
  return [...links];
}

/**
 * A regular expression matching the concrete paths of a route pattern.
 * @example patternMatcher('/children/:childId/care').test('/children/C1/care') // true
 */
export function patternMatcher(pattern: string): RegExp {
  const source = pattern.split(/(:[A-Za-z]+)/).map((part) => (part.startsWith(':') ? '[^/?]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}(\\?.*)?$`);
}

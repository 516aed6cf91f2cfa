// The WebKit suite's role locator: sent into the page as source text (WebDriver's executeScript),
// it finds the controls of tests/tools/controls.ts by role and accessible name as Playwright's
// getByRole does for the Chromium suite.
import type { WireControl } from '../tools/controls.ts';

/**
 * Runs in the page (WebDriver's executeScript): the visible elements under `root` whose role and
 * accessible name match, in document order. Roles are the explicit `role` or the element's implicit
 * one; the name comes from aria-labelledby, aria-label, the label(s) of a field, or the text.
 * Self-contained: it is sent as source text.
 */
export function findInPage(c: WireControl, root: Element | Document = document): Element[] {
  const implicit: Record<string, string> = {
    button: 'button, input[type=button], input[type=submit], input[type=reset], summary',
    link: 'a[href], area[href]',
    heading: 'h1, h2, h3, h4, h5, h6',
    textbox:
      'textarea, input:not([type]):not([list]), input[type=text]:not([list]), input[type=email]:not([list]), input[type=tel]:not([list]), input[type=url]:not([list]), input[type=search]:not([list]), input[type=password]',
    checkbox: 'input[type=checkbox]',
    radio: 'input[type=radio]',
    combobox: 'select:not([multiple]):not([size]), input[list]',
    option: 'option',
    list: 'ul, ol',
    listbox: 'select[multiple], select[size], datalist',
    listitem: 'li',
    status: 'output',
    dialog: 'dialog',
    alert: '',
  };
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const textOf = (el: Element): string => {
    if (el instanceof HTMLElement && !el.checkVisibility()) return '';
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return el.value;
    if (el instanceof HTMLImageElement) return el.alt;
    let out = '';
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
      else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true')
        out += ` ${nameOf(node, true)} `;
    }
    return out;
  };
  const nameOf = (el: Element, inside = false): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by && !inside)
      return squash(
        by
          .split(/\s+/)
          .map((id) => {
            const ref = document.getElementById(id);
            return ref ? textOf(ref) : '';
          })
          .join(' '),
      );
    const label = el.getAttribute('aria-label');
    if (label) return squash(label);
    if (
      !inside &&
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    ) {
      const labels = [...(el.labels ?? [])].map((l) => textOf(l)).join(' ');
      if (squash(labels)) return squash(labels);
      return squash(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
    }
    return squash(textOf(el));
  };
  const matches = (name: string): boolean => {
    const wanted = c.name;
    if (typeof wanted !== 'string') return new RegExp(wanted.source, wanted.flags).test(name);
    return c.exact ? name === wanted : name.toLowerCase().includes(wanted.toLowerCase());
  };
  const hidden = (el: Element): boolean =>
    (el instanceof HTMLElement && !el.checkVisibility() && !(el instanceof HTMLOptionElement)) ||
    el.closest('[aria-hidden="true"], [inert]') !== null;
  const selector = [`[role~="${c.role}"]`, implicit[c.role]].filter(Boolean).join(', ');
  return [...root.querySelectorAll(selector)].filter((el) => {
    const role = el.getAttribute('role');
    if (role && role.split(/\s+/)[0] !== c.role) return false;
    if (c.level !== undefined && c.role === 'heading') {
      const level = Number(el.getAttribute('aria-level') ?? el.tagName.slice(1));
      if (level !== c.level) return false;
    }
    return !hidden(el) && matches(nameOf(el));
  });
}

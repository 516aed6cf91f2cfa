// PRODUCT.md's interface words as role + accessible name, shared by both browser suites: the
// Chromium tests hand them to Playwright's getByRole (`locate`), the WebKit tests (WebDriver, which
// has no role locator) to `findInPage`, run inside the page. One table, one matching rule: a string
// matches case-insensitively as a part of the name (whole name with `exact`), a RegExp as a search.
import type { Locator, Page } from '@playwright/test';

export type Role =
  | 'alert'
  | 'button'
  | 'checkbox'
  | 'combobox'
  | 'dialog'
  | 'heading'
  | 'link'
  | 'list'
  | 'listbox'
  | 'listitem'
  | 'option'
  | 'radio'
  | 'status'
  | 'textbox';

export type Control = { role: Role; name: string | RegExp; exact?: boolean; level?: number };

export function control(
  role: Role,
  name: string | RegExp,
  options: { exact?: boolean; level?: number } = {},
) {
  return { role, name, ...options } satisfies Control;
}

/** The words tests rely on (PRODUCT.md, "Interface words that tests rely on"). */
export const CONTROLS = {
  // lock: first use, then every unlock
  choosePin: control('textbox', 'Choose a PIN'),
  confirmPin: control('textbox', 'Confirm PIN'),
  setPin: control('button', 'Set PIN'),
  savedCode: control('button', 'I have saved the code'),
  pin: control('textbox', 'PIN', { exact: true }),
  unlock: control('button', 'Unlock'),
  lock: control('button', 'Lock', { exact: true }),
  // moving through a story
  newStory: control('button', 'New story'),
  next: control('button', 'Next', { exact: true }),
  back: control('button', 'Back', { exact: true }),
  send: control('button', 'Send to Care Opinion'),
  // story fields
  title: control('textbox', 'What was your story about'),
  happened: control('textbox', 'What happened'),
  good: control('textbox', 'What was good'),
  different: control('textbox', 'What could have been different'),
  // services, storyteller, consent
  findService: control('combobox', 'Find a service'),
  username: control('textbox', 'Username'),
  postcode: control('textbox', 'Postcode'),
  email: control('textbox', 'Email address'),
  noEmail: control('checkbox', 'No email address'),
  who: control('combobox', 'Who is telling the story'),
  ageGroup: control('combobox', 'Age group'),
  consent: control('checkbox', /consent/i),
  // home, settings, relay, hand-over, language
  home: control('link', 'Home', { exact: true }),
  settings: control('link', 'Settings', { exact: true }),
  sendNow: control('button', 'Send now'),
  apiAddress: control('textbox', 'API address'),
  save: control('button', 'Save', { exact: true }),
  refreshDirectory: control('button', 'Refresh service directory'),
  relayAddress: control('textbox', 'Relay address'),
  enrolmentCode: control('textbox', 'Enrolment code'),
  connect: control('button', 'Connect', { exact: true }),
  handToStoryteller: control('button', 'Hand to the storyteller'),
  giveBack: control('button', 'Give back to staff'),
  returnToStaff: control('button', 'Return to staff'),
  cymraeg: control('button', 'Cymraeg'),
  postByHand: control('radio', 'Post them on the Care Opinion website myself'),
} as const;

/** Playwright's locator for a control (the Chromium suite). */
export function locate(page: Page | Locator, c: Control): Locator {
  return page.getByRole(c.role, {
    name: c.name,
    ...(c.exact === undefined ? {} : { exact: c.exact }),
    ...(c.level === undefined ? {} : { level: c.level }),
  });
}

/** A control in a form that survives being sent into a page (a RegExp does not). */
export type WireControl = Omit<Control, 'name'> & { name: string | { source: string; flags: string } };

export function toWire(c: Control): WireControl {
  return { ...c, name: typeof c.name === 'string' ? c.name : { source: c.name.source, flags: c.name.flags } };
}

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

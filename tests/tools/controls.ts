// PRODUCT.md's interface words as role + accessible name, shared by both browser suites: the
// Chromium tests hand them to Playwright's getByRole (`locate`), the WebKit tests (WebDriver, which
// has no role locator) to tests/webkit/findInPage.ts, run inside the page. One table, one matching rule: a string
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
  // the story's compact header: the step ("2 of 5 · The story") opens the list of steps
  stepList: control('button', /^\d of \d · /),
  // a form submitted with problems: the GOV.UK error summary's heading
  thereIsAProblem: control('heading', 'There is a problem'),
  next: control('button', 'Next', { exact: true }),
  back: control('button', 'Back', { exact: true }),
  send: control('button', 'Send to Care Opinion'),
  // story fields
  title: control('textbox', 'What would you call this story'),
  happened: control('textbox', 'What happened'),
  good: control('textbox', 'What was good'),
  different: control('textbox', 'What could have been different'),
  useSuggestedTitle: control('button', /^Use “.+” as the title$/),
  noFocusTheme: control('radio', 'No focus theme'),
  // services, storyteller, consent
  findService: control('combobox', 'Find a service'),
  // after sending: the closing words (issue 24) and the hand-off's service field
  readThisOut: control('heading', 'Read this out', { exact: true }),
  copyService: control('button', 'Copy service', { exact: true }),
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
  // hand-over: "Who is telling the story" in the storyteller's words (a radio group, nothing chosen)
  iAmPatient: control('radio', 'I am the patient or service user'),
  iAmCarer: control('radio', 'I am a carer'),
  cymraeg: control('button', 'Cymraeg'),
  postByHand: control('radio', 'Post them on the Care Opinion website myself'),
  // the collecting session (issue 24, item 1): "Still …?" after the long idle or midnight
  startCollecting: control('button', 'Start collecting'),
  carryOn: control('button', 'Carry on', { exact: true }),
  startAfresh: control('button', 'Start afresh', { exact: true }),
  /** With nobody collecting, the consent step asks who takes consent (the tick waits for it). */
  consentTakenBy: control('textbox', 'Your name'),
  // taking a story off the device: a draft is deleted, a story queued with consent withdrawn
  deleteDraft: control('button', 'Delete', { exact: true }),
  withdraw: control('button', 'Withdraw', { exact: true }),
  deleteStory: control('button', 'Delete story'),
  // set-up kept (issue 24.9): Home's way to "How stories reach Care Opinion", and to a waiting enrolment link
  noDestination: control('link', 'Choose how stories reach Care Opinion'),
  connectToRelay: control('link', 'Connect to the relay'),
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

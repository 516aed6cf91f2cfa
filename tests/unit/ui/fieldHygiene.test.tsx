// Keyboard hygiene on a shared iPad (issue 13 §5): nothing typed is autofilled for the next person or
// sent to a cloud spell checker, the storyteller's username, postcode and email are never learnt by
// the keyboard, and every text field takes its direction from what is typed. TextField sets the
// keyboard by the field's kind; the screens are rendered and every text field on them is checked.
import { signal } from '@preact/signals';
import { options } from 'preact';
import { LocationProvider } from 'preact-iso';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/domain/session/session.ts';
import { DEFAULT_DISPLAY } from '../../../src/domain/settings/display.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { AppContext, type AppContextValue } from '../../../src/ui/actions.ts';
import { ExportPanel } from '../../../src/ui/export/ExportPanel.tsx';
import { type LockActions, LockContext } from '../../../src/ui/lock/lockActions.ts';
import { ResetPin } from '../../../src/ui/lock/ResetPin.tsx';
import { UnlockForm } from '../../../src/ui/lock/UnlockForm.tsx';
import { StartSession } from '../../../src/ui/session/StartSession.tsx';
import { Settings } from '../../../src/ui/settings/Settings.tsx';
import { TextField, type TextFieldKind } from '../../../src/ui/shared/TextField.tsx';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { noAutocorrect, PRIVATE_TYPING } from '../../../src/ui/story/fields/privateTyping.ts';
import { IntroduceStep } from '../../../src/ui/story/steps/IntroduceStep.tsx';
import { StoryStep } from '../../../src/ui/story/steps/StoryStep.tsx';
import { StorytellerStep } from '../../../src/ui/story/steps/StorytellerStep.tsx';
import { completeDraft } from '../domain/storyFixtures.ts';
import { type Element, labelFor, textFields } from './renderedFields.ts';

// preact-iso reads the page's address; Node has none.
Object.assign(globalThis, { location: new URL('http://localhost/') });

const none = () => {};
const attributesOf = (field: Element | undefined) => Object.fromEntries(field?.attributes ?? []);

/** What every field has, whatever its kind. */
const ALWAYS = { dir: 'auto', autocomplete: 'off', spellcheck: 'false' };

// Words a person writes (text, multiline) keep the keyboard's own capitals and corrections (no attribute).
const KINDS: [TextFieldKind, 'input' | 'textarea', Record<string, string | undefined>][] = [
  ['url', 'input', { type: 'url', inputmode: 'url', autocapitalize: 'off', autocorrect: 'off' }],
  ['code', 'input', { type: 'text', inputmode: undefined, autocapitalize: 'characters', autocorrect: 'off' }],
  ['number', 'input', { type: 'text', inputmode: 'numeric', autocapitalize: 'off', autocorrect: 'off' }],
  [
    'text',
    'input',
    { type: 'text', inputmode: undefined, autocapitalize: undefined, autocorrect: undefined },
  ],
  ['secret', 'input', { type: 'password', inputmode: undefined, autocapitalize: 'off', autocorrect: 'off' }],
  [
    'multiline',
    'textarea',
    { type: undefined, inputmode: undefined, autocapitalize: undefined, autocorrect: undefined },
  ],
];

function renderKind(kind: TextFieldKind, keypad?: 'numeric' | 'decimal'): Element | undefined {
  const html = renderToString(
    <TextContext.Provider value={enGB}>
      <TextField kind={kind} keypad={keypad} label="A field" value="" onInput={none} />
    </TextContext.Provider>,
  );
  return textFields(html)[0];
}

describe('TextField sets the keyboard by its kind', () => {
  it.each(KINDS)('%s', (kind, tag, expected) => {
    const field = renderKind(kind);
    expect(field?.tag).toBe(tag);
    expect(attributesOf(field)).toMatchObject(ALWAYS);
    for (const [name, value] of Object.entries(expected))
      expect([name, field?.attributes.get(name)]).toEqual([name, value]);
  });

  it('a number or a secret takes the keypad asked for (a percentage, a PIN)', () => {
    expect(renderKind('number', 'decimal')?.attributes.get('inputmode')).toBe('decimal');
    expect(renderKind('secret', 'numeric')?.attributes.get('inputmode')).toBe('numeric');
  });
});

// The screens with text fields, rendered as the app would show them first.
const started = startSession({ name: 'Sam', role: '', services: [], theme: '' }, Date.UTC(2026, 11, 1, 9));
if (!started.ok) throw new Error('no session');
const app = {
  state: {
    settingsReady: signal(true),
    settings: signal(DEFAULT_SETTINGS),
    destinationChosen: signal(false),
    setupNote: signal(null),
    pendingEnrolment: signal(null),
    display: signal(DEFAULT_DISPLAY),
    directory: signal({ phase: 'idle', count: 0, lastRefreshAt: null, interrupted: false }),
    session: signal(started.session),
    stories: signal([]),
  },
  // Rendering only: no action runs, so each feature's port is empty.
  ports: { settings: {}, device: {}, directory: {}, send: {}, story: {}, session: {}, errors: {} },
} as unknown as AppContextValue;
const lock = {
  state: signal({ phase: 'locked' as const, storiesWaiting: { toSend: 0, kept: 0 } }),
  actions: {} as LockActions,
};
// A theme of its own (no session here): the Story step shows its "Another theme" field.
const draft = completeDraft({ focusTheme: 'discharge' });

const SCREENS = {
  Settings: <Settings />,
  'Start collecting': (
    <LocationProvider>
      <StartSession />
    </LocationProvider>
  ),
  'the story steps': (
    <>
      <IntroduceStep draft={draft} onChange={none} />
      <StoryStep draft={draft} onChange={none} />
      <StorytellerStep draft={draft} onChange={none} />
    </>
  ),
  'the export’s PIN (issue 26)': <ExportPanel onClose={none} />,
  'the Lock screen and its PIN reset': (
    <>
      <UnlockForm onForgotten={none} />
      <ResetPin onIssued={none} onCancel={none} />
    </>
  ),
};

function render(screen: keyof typeof SCREENS): string {
  return renderToString(
    <AppContext.Provider value={app}>
      <TextContext.Provider value={enGB}>
        <LockContext.Provider value={lock}>{SCREENS[screen]}</LockContext.Provider>
      </TextContext.Provider>
    </AppContext.Provider>,
  );
}

// Render-to-string runs no refs: note each input's ref as the screens are rendered.
const refs = new Map<string, unknown>();
const before = options.vnode;
options.vnode = (vnode) => {
  const { id } = vnode.props as { id?: unknown };
  if (vnode.type === 'input' && typeof id === 'string') refs.set(id, vnode.ref);
  before?.(vnode);
};
const rendered = Object.keys(SCREENS).map((screen) => {
  const html = render(screen as keyof typeof SCREENS);
  return { screen, html, fields: textFields(html) };
});
options.vnode = before;
const named = rendered.flatMap(({ screen, html, fields }) =>
  fields.map((field) => ({
    screen,
    field,
    name: labelFor(html, field.attributes.get('id') ?? '')?.text,
  })),
);

describe.each(rendered)('every text field in $screen', ({ screen }) => {
  const own = named.filter((f) => f.screen === screen);

  it('is named by its own <label for>', () => {
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((f) => !f.name).map((f) => f.field.html)).toEqual([]);
  });

  it('has dir="auto", no autocomplete and no spell checker', () => {
    const wrong = own.filter(
      (f) => !Object.entries(ALWAYS).every(([k, v]) => f.field.attributes.get(k) === v),
    );
    expect(wrong.map((f) => `${f.name}: ${f.field.html}`)).toEqual([]);
  });
});

describe('the fields each screen needs are there, with their kind', () => {
  const kindOf = (name: string) => {
    // The catalogue's name, before the "(required)" or "(optional)" the field adds.
    const found = named.filter(
      (f) => f.name === name || f.name?.replace(/ \((required|optional)\)$/, '') === name,
    );
    expect(found, name).toHaveLength(1);
    return attributesOf(found[0]?.field);
  };

  const { settings, session, steps, lock: words } = enGB;
  it.each([
    [settings.apiAddress, 'url'],
    [settings.key, 'secret'],
    [settings.invitationLink, 'url'],
    [settings.relayAddress, 'url'],
    [settings.enrolmentCode, 'code'],
    [settings.threshold, 'number'],
    [settings.autoLock, 'number'],
    [settings.organisation, 'text'],
    [settings.organisationPostcode, 'text'],
    [settings.introduction, 'multiline'],
    [session.yourName, 'text'],
    [session.yourRole, 'text'],
    [session.theme, 'text'],
    [steps.story.focus.otherLabel, 'text'],
    [steps.story.questions.title, 'text'],
    [steps.story.questions.body, 'multiline'],
    [steps.story.questions.whatWasGood, 'multiline'],
    [steps.story.questions.whatCouldBeDifferent, 'multiline'],
    [words.pin, 'secret'],
    [words.recoveryCode, 'code'],
    [words.choosePin, 'secret'],
    [words.confirmPin, 'secret'],
    [enGB.home.export.pinLabel, 'secret'],
  ] as const)('%s: %s', (name, kind) => {
    const field = kindOf(name);
    for (const [attribute, value] of Object.entries(KINDS.find(([k]) => k === kind)?.[2] ?? {}))
      if (attribute !== 'inputmode' || (kind !== 'number' && kind !== 'secret'))
        expect([attribute, field[attribute]]).toEqual([attribute, value]);
  });

  it('the PIN fields are masked with the numeric keypad; the threshold takes a decimal point', () => {
    for (const name of ['PIN', 'Choose a PIN', 'Confirm PIN', 'Staff PIN'])
      expect(kindOf(name)).toMatchObject({ type: 'password', inputmode: 'numeric' });
    expect(kindOf(enGB.settings.threshold).inputmode).toBe('decimal');
    expect(kindOf(enGB.settings.autoLock).inputmode).toBe('numeric');
  });
});

describe("the storyteller's username, postcode and email", () => {
  it.each([['author-username'], ['author-postcode'], ['author-email']])(
    '#%s: no autocomplete, autocorrect, autocapitalize or spellcheck',
    (id) => {
      const field = named.find((f) => f.field.attributes.get('id') === id)?.field;
      expect(attributesOf(field)).toMatchObject({ ...ALWAYS, autocapitalize: 'off' });
      expect(refs.get(id), 'autocorrect="off" set by noAutocorrect').toBe(noAutocorrect);
    },
  );

  it('PRIVATE_TYPING renders as the four attributes and dir="auto"; autocorrect is set as an attribute', () => {
    const html = renderToString(<input type="text" {...PRIVATE_TYPING} />);
    for (const attribute of [
      'autocomplete="off"',
      'autocapitalize="off"',
      'spellcheck="false"',
      'dir="auto"',
    ])
      expect(html).toContain(attribute);
    const attributes = new Map<string, string>();
    noAutocorrect({ setAttribute: (k: string, v: string) => attributes.set(k, v) } as unknown as HTMLElement);
    expect(attributes.get('autocorrect')).toBe('off');
  });
});

// Home's session card, the Lock screen's count and the posted-on-behalf line read their words from the
// chosen catalogue: with English (UK) exactly the words the tests find, with Cymraeg none of them.
import { signal } from '@preact/signals';
import { LocationProvider } from 'preact-iso';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/domain/session/session.ts';
import { DEFAULT_DISPLAY } from '../../../src/domain/settings/display.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { AppContext, type AppContextValue } from '../../../src/ui/actions.ts';
import { OnBehalfShare } from '../../../src/ui/home/OnBehalfShare.tsx';
import { SessionBar } from '../../../src/ui/home/SessionBar.tsx';
import { DisplayContext } from '../../../src/ui/lock/displayPort.ts';
import { Lock } from '../../../src/ui/lock/Lock.tsx';
import { type LockActions, LockContext } from '../../../src/ui/lock/lockActions.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';

// preact-iso reads the page's address; Node has none.
Object.assign(globalThis, { location: new URL('http://localhost/') });

const started = startSession(
  { name: 'Sam', role: 'volunteer', services: [{ name: 'Ward 7' }], theme: 'food' },
  0,
);
if (!started.ok) throw new Error('no session');

/** Collecting, nobody, the last session lapsed, or not read back yet after an unlock. */
type Shown = boolean | 'lapsed' | 'unknown';

function app(session: Shown, month: { onBehalf: number; all: number }): AppContextValue {
  const state = {
    session: signal(session === true && started.ok ? started.session : null),
    lapsedSession: signal(session === 'lapsed' && started.ok ? started.session : null),
    sessionKnown: signal(session !== 'unknown'),
    settings: signal(DEFAULT_SETTINGS),
    display: signal(DEFAULT_DISPLAY),
    storyCounts: signal({
      total: 0,
      today: 0,
      collectedToday: 0,
      sentToday: 0,
      sentThisSession: null,
      month,
      allTime: month,
    }),
  };
  return {
    state,
    ports: { session: {}, story: {}, send: {}, settings: {}, errors: {} },
  } as unknown as AppContextValue;
}

const lock = {
  state: signal({ phase: 'locked' as const, storiesWaiting: { toSend: 3, kept: 1 } }),
  actions: {} as LockActions,
};

function render(t: Messages, session: Shown, month = { onBehalf: 3, all: 25 }): string {
  return renderToString(
    <TextContext.Provider value={t}>
      <AppContext.Provider value={app(session, month)}>
        <LockContext.Provider value={lock}>
          <DisplayContext.Provider
            value={{ display: signal(DEFAULT_DISPLAY), save: async () => ({ ok: true }) }}
          >
            <LocationProvider>
              <SessionBar />
              <OnBehalfShare />
              <Lock onIssued={() => {}} />
            </LocationProvider>
          </DisplayContext.Provider>
        </LockContext.Provider>
      </AppContext.Provider>
    </TextContext.Provider>,
  );
}

const ENGLISH = [
  'Collecting as Sam, volunteer',
  'Services: Ward 7',
  'End session',
  '3 stories waiting to send — unlock to send them',
  'Other stories are kept safe',
  'Over the target this month',
  '3 of 25 stories (12%)',
];

describe('session, Lock and on-behalf words', () => {
  it('English (UK) shows the words the tests rely on', () => {
    const html = render(enGB, true).replaceAll('&#39;', "'");
    for (const words of ENGLISH) expect(html).toContain(words);
    const none = render(enGB, false, { onBehalf: 3, all: 5 });
    expect(none).toContain('Start collecting');
    // Just unlocked, the session not read back yet: none of the three, nothing to tap by mistake.
    const unknown = render(enGB, 'unknown');
    for (const words of ['Start collecting', 'Collecting as', 'Carry on'])
      expect(unknown).not.toContain(words);
    // Under 20 stories: the counts, quietly, with no percentage and no warning.
    expect(none).toContain('this month 3 of 5 stories;');
    expect(none).not.toContain('Over the target');
    // After the long idle or midnight: one question, one tap to carry on, one to start afresh.
    const lapsed = render(enGB, 'lapsed');
    for (const words of ['Still Sam, volunteer, on Ward 7?', '>Carry on<', '>Start afresh<'])
      expect(lapsed).toContain(words);
    expect(lapsed).not.toContain('Collecting as Sam');
    expect(lapsed).not.toContain('Nobody is collecting yet');
  });

  it('Cymraeg shows none of those English words', async () => {
    const cy = await loadMessages('cy');
    const html = render(cy, true);
    for (const words of [
      'Yn casglu fel Sam, volunteer',
      'Gorffen y sesiwn',
      '3 stori yn aros i’w hanfon',
      'Dros y targed',
    ])
      expect(html).toContain(words);
    for (const words of ENGLISH.slice(0, 6)) expect(html).not.toContain(words);
    expect(render(cy, false)).toContain('Dechrau casglu');
    const lapsed = render(cy, 'lapsed');
    expect(lapsed).toContain('Ai Sam, volunteer, ar Ward 7 sydd yma o hyd?');
    for (const words of ['Still Sam', 'Carry on', 'Start afresh']) expect(lapsed).not.toContain(words);
  });
});

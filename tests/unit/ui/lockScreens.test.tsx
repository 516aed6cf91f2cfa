// The lock screens in each phase, rendered to HTML: PRODUCT.md's words, the numeric PIN field, and
// nothing but how many stories wait while locked.
import { signal } from '@preact/signals';
import { renderToString, renderToStringAsync } from 'preact-render-to-string';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEFAULT_DISPLAY, type Display } from '../../../src/domain/settings/display.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { DisplayContext, type DisplayPort } from '../../../src/ui/lock/displayPort.ts';
import { IdleWarning } from '../../../src/ui/lock/IdleWarning.tsx';
import { LockButton } from '../../../src/ui/lock/LockButton.tsx';
import { LockGate } from '../../../src/ui/lock/LockGate.tsx';
import { type LockActions, LockContext, type LockState } from '../../../src/ui/lock/lockActions.ts';
import { RecoveryCode } from '../../../src/ui/lock/RecoveryCode.tsx';
import { TextContext } from '../../../src/ui/shared/text.ts';

const NONE = { toSend: 0, kept: 0 };

const actions: LockActions = {
  setUpPin: async () => ({ ok: true, recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01' }),
  confirmRecoverySaved: () => {},
  unlock: async () => ({ ok: true }),
  checkPin: async () => ({ ok: true }),
  keepOpen: () => {},
  changePin: async () => ({ ok: true }),
  resetPin: async () => ({ ok: false, reason: { code: 'notSaved' } }),
  lock: async () => {},
};

/** The Lock screen's language switch reads and saves only the display preferences. */
const displayWith = (display: Display): DisplayPort => ({
  display: signal(display),
  save: async () => ({ ok: true }),
});

/** LockGate loads its screens lazily, so render as the app would: waiting for them. */
async function render(state: LockState, words: Messages = enGB): Promise<string> {
  return await renderToStringAsync(
    <DisplayContext.Provider value={displayWith({ ...DEFAULT_DISPLAY, language: words.format.language })}>
      <TextContext.Provider value={words}>
        <LockContext.Provider value={{ state: signal(state), actions }}>
          <LockButton />
          <LockGate>
            <p>Home with a story about Ward 7</p>
            {/* As the app's screens (ui/AppScreens.tsx) hold it. */}
            <IdleWarning />
          </LockGate>
        </LockContext.Provider>
      </TextContext.Provider>
    </DisplayContext.Provider>,
  );
}

describe('lock screens', () => {
  it('first use asks for a PIN twice in numeric password fields', async () => {
    const html = await render({ phase: 'setup', storiesWaiting: NONE });
    for (const words of ['Choose a PIN', 'Confirm PIN', 'Set PIN']) expect(html).toContain(words);
    expect(html.match(/type="password"/g)).toHaveLength(2);
    expect(html.match(/inputmode="numeric"/gi)).toHaveLength(2);
    expect(html.match(/autocomplete="off"/gi)).toHaveLength(2);
    expect(html).not.toContain('Ward 7');
    expect(html).not.toContain('>Lock<');
  });

  it('locked: PIN and Unlock, whether stories wait, and nothing of them', async () => {
    const waiting = await render({ phase: 'locked', storiesWaiting: { toSend: 3, kept: 0 } });
    for (const words of [
      '>PIN<',
      '>Unlock<',
      'Forgotten PIN?',
      '3 stories waiting to send — unlock to send them',
    ])
      expect(waiting).toContain(words);
    expect(waiting).not.toContain('Ward 7');
    expect(waiting).not.toContain('kept safe');
    const one = await render({ phase: 'locked', storiesWaiting: { toSend: 1, kept: 2 } });
    expect(one).toContain('1 story waiting to send — unlock to send it');
    expect(one).toContain('Other stories are kept safe on this device');
    const none = await render({ phase: 'locked', storiesWaiting: NONE });
    expect(none).not.toContain('waiting');
    expect(none).not.toContain('kept safe');
    expect(await render({ phase: 'locked', storiesWaiting: null })).toContain('Stories may be waiting');
  });

  it('locked: the progress line is in the page before a PIN is typed, empty, so it is announced as it fills', async () => {
    const html = await render({ phase: 'locked', storiesWaiting: NONE });
    expect(html).toMatch(/<form[^>]*>.*<p role="status"[^>]*><\/p>.*<\/form>/s);
    expect(html).not.toContain('Checking the PIN');
  });

  it('locked: the language can be changed before unlocking, each named in itself', async () => {
    expect(await render({ phase: 'locked', storiesWaiting: NONE })).toMatch(/lang="cy"[^>]*>Cymraeg</);
    const welsh = await render(
      { phase: 'locked', storiesWaiting: { toSend: 3, kept: 0 } },
      await loadMessages('cy'),
    );
    expect(welsh).toMatch(/lang="en-GB"[^>]*>English</);
    for (const words of ['Datgloi', '3 stori yn aros i’w hanfon']) expect(welsh).toContain(words);
    expect(welsh).not.toContain('Unlock');
  });

  it('unlocked: the app and "Lock"', async () => {
    const html = await render({ phase: 'unlocked', storiesWaiting: NONE });
    expect(html).toContain('Ward 7');
    expect(html).toContain('>Lock<');
  });

  it('unlocked near the idle lock: "Still there?" announced, with "Keep open"', async () => {
    // The clock stands still, so the seconds left do not depend on how long the lazy render takes.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-12-07T09:00:00Z'));
    onTestFinished(() => void vi.useRealTimers());
    const html = await render({ phase: 'unlocked', storiesWaiting: NONE, idleLockAt: Date.now() + 30_000 });
    expect(html).toMatch(/role="alert"[^>]*>.*Still there\?.*locks in 30 seconds.*>Keep open</);
    expect(html).toContain('Ward 7');
    expect(await render({ phase: 'unlocked', storiesWaiting: NONE })).not.toContain('Still there?');
  });

  it('shows the recovery code as text, for the Care Opinion lead', () => {
    const html = renderToString(<RecoveryCode code="ABCD-EFGH-JKMN-PQRS-TVWX-YZ01" onSaved={() => {}} />);
    expect(html).toContain('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01');
    expect(html).toContain('Care Opinion lead');
    expect(html).toContain('without losing any stories');
    expect(html).toContain('I have saved the code');
    expect(html).toContain('monospace');
  });
});

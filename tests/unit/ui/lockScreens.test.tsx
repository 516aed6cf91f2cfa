// The lock screens in each phase, rendered to HTML: PRODUCT.md's words, the numeric PIN field, and
// nothing but how many stories wait while locked.
import { signal } from '@preact/signals';
import { renderToString, renderToStringAsync } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LockButton } from '../../../src/ui/lock/LockButton.tsx';
import { LockGate } from '../../../src/ui/lock/LockGate.tsx';
import { type LockActions, LockContext, type LockState } from '../../../src/ui/lock/lockActions.ts';
import { RecoveryCode } from '../../../src/ui/lock/RecoveryCode.tsx';

const NONE = { toSend: 0, kept: 0 };

const actions: LockActions = {
  setUpPin: async () => ({ ok: true, recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01' }),
  confirmRecoverySaved: () => {},
  unlock: async () => ({ ok: true }),
  changePin: async () => ({ ok: true }),
  resetPin: async () => ({ ok: false, reason: 'no' }),
  lock: async () => {},
};

/** LockGate loads its screens lazily, so render as the app would: waiting for them. */
async function render(state: LockState): Promise<string> {
  return await renderToStringAsync(
    <LockContext.Provider value={{ state: signal(state), actions }}>
      <LockButton />
      <LockGate>
        <p>Home with a story about Ward 7</p>
      </LockGate>
    </LockContext.Provider>,
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

  it('unlocked: the app and "Lock"', async () => {
    const html = await render({ phase: 'unlocked', storiesWaiting: NONE });
    expect(html).toContain('Ward 7');
    expect(html).toContain('>Lock<');
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

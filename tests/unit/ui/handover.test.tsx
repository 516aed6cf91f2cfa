// Hand-over mode's parts, rendered to HTML: StaffOnly renders nothing while the storyteller holds the
// iPad; the header and "Still there?" speak the chosen language (and none of the English).
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { HandoverHeader } from '../../../src/ui/handover/HandoverHeader.tsx';
import { createHandover, HandoverContext } from '../../../src/ui/handover/handover.ts';
import { StaffOnly } from '../../../src/ui/handover/StaffOnly.tsx';
import { IdleWarning } from '../../../src/ui/lock/IdleWarning.tsx';
import { type LockActions, LockContext, type LockState } from '../../../src/ui/lock/lockActions.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';

const actions: LockActions = {
  setUpPin: async () => ({ ok: false, reason: { code: 'notSaved' } }),
  confirmRecoverySaved: () => {},
  unlock: async () => ({ ok: true }),
  checkPin: async () => ({ ok: true }),
  keepOpen: () => {},
  changePin: async () => ({ ok: true }),
  resetPin: async () => ({ ok: false, reason: { code: 'notSaved' } }),
  lock: async () => {},
};

function render(t: Messages, handedOver: boolean, children: ComponentChildren): string {
  const handover = createHandover();
  if (handedOver) handover.start('story-1', '/story/new');
  const state = signal<LockState>({
    phase: 'unlocked',
    storiesWaiting: null,
    idleLockAt: Date.now() + 30_000,
  });
  return renderToString(
    <TextContext.Provider value={t}>
      <LockContext.Provider value={{ state, actions }}>
        <HandoverContext.Provider value={handover}>{children}</HandoverContext.Provider>
      </LockContext.Provider>
    </TextContext.Provider>,
  );
}

describe('hand-over mode', () => {
  it('StaffOnly shows its parts to staff and nothing at all to the storyteller', () => {
    const staffPart = (
      <StaffOnly>
        <a href="/">Home</a>
      </StaffOnly>
    );
    expect(render(enGB, false, staffPart)).toBe('<a href="/">Home</a>');
    expect(render(enGB, true, staffPart)).toBe('');
  });

  it('speaks to the storyteller, in English (UK) or Welsh', async () => {
    // The clock stands still, so "30 seconds" does not depend on how quickly the page renders.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-12-07T09:00:00Z'));
    onTestFinished(() => void vi.useRealTimers());
    const parts = (
      <>
        <HandoverHeader />
        <IdleWarning />
      </>
    );
    const english = render(enGB, true, parts);
    for (const words of [
      'Your story',
      'Give back to staff',
      'Still there?',
      'locks in 30 seconds',
      'Keep open',
    ])
      expect(english).toContain(words);
    expect(english).toMatch(/role="alert"/);
    const welsh = render(await loadMessages('cy'), true, parts);
    for (const words of [
      'Eich stori',
      'Rhoi’n ôl i’r staff',
      'Ydych chi yno o hyd?',
      '30 eiliad',
      'Cadw ar agor',
    ])
      expect(welsh).toContain(words);
    for (const words of ['Your story', 'Give back', 'Still there?', 'Keep open'])
      expect(welsh).not.toContain(words);
  });
});

// The autosave queue: debounced, one write in flight, the latest draft wins, "Saved" only for the
// latest draft, failures shown and retried, nothing typed ever dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Draft, DraftSchema } from '../../../src/domain/story/story.ts';
import type { DraftSaveResult } from '../../../src/ui/actions.ts';
import { createDraftSaver, type SaveStatusValue } from '../../../src/ui/story/draftSaver.ts';

const draft = (body: string): Draft => DraftSchema.parse({ body });

/** A save whose answers the test gives, one by one. */
function controlledSave() {
  const calls: { draft: Draft; answer(result: DraftSaveResult): void }[] = [];
  const save = (d: Draft) => new Promise<DraftSaveResult>((answer) => calls.push({ draft: d, answer }));
  return { calls, save };
}

const ok = (savedAt = 1): DraftSaveResult => ({ ok: true, savedAt });
const full: DraftSaveResult = { ok: false, kind: 'quota', reason: 'storageFull' };

describe('createDraftSaver', () => {
  let statuses: SaveStatusValue[];
  const last = () => statuses.at(-1)?.kind;
  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
  });
  afterEach(() => vi.useRealTimers());

  it('says "Saving…" at once and writes once, 200 ms after the first unsaved change', async () => {
    const { calls, save } = controlledSave();
    const saver = createDraftSaver(draft(''), { save, onStatus: (s) => statuses.push(s) });
    saver.change(draft('a'));
    saver.change(draft('ab'));
    expect(last()).toBe('saving');
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.draft.body)).toEqual(['ab']);
    calls[0]?.answer(ok());
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toBe('saved');
  });

  it('writes within 300 ms of a change even while typing never pauses', async () => {
    const { calls, save } = controlledSave();
    const saver = createDraftSaver(draft(''), { save, onStatus: (s) => statuses.push(s) });
    const written: string[] = [];
    let body = '';
    for (let t = 0; t < 1000; t += 100) {
      body += 'x';
      saver.change(draft(body));
      await vi.advanceTimersByTimeAsync(100);
      for (const call of calls.splice(0)) {
        written.push(call.draft.body);
        call.answer(ok());
      }
    }
    // Ten keys 100 ms apart: a pure debounce would not have written at all yet. This writes 200 ms
    // after the first key, then keeps up (one write in flight, the latest draft each time).
    expect(written[0]).toBe('xx');
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.at(-1)?.length).toBeGreaterThanOrEqual(9);
  });

  it('keeps one write in flight; typing meanwhile is written next, and "Saved" waits for it', async () => {
    const { calls, save } = controlledSave();
    const saver = createDraftSaver(draft(''), { save, onStatus: (s) => statuses.push(s) });
    saver.change(draft('a'));
    const first = saver.flush();
    saver.change(draft('ab'));
    saver.change(draft('abc'));
    const second = saver.flush();
    expect(calls).toHaveLength(1);
    calls[0]?.answer(ok());
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toBe('saving'); // the answer for "a" is not "Saved" for "abc"
    expect(calls.map((c) => c.draft.body)).toEqual(['a', 'abc']);
    calls[1]?.answer(ok());
    await Promise.all([first, second]);
    expect(last()).toBe('saved');
  });

  it('shows a failure with its reason, keeps the draft and retries it', async () => {
    const { calls, save } = controlledSave();
    const saver = createDraftSaver(draft(''), {
      save,
      onStatus: (s) => statuses.push(s),
      retryMs: 3000,
    });
    saver.change(draft('kept'));
    const flushed = saver.flush();
    calls[0]?.answer(full);
    await flushed;
    expect(statuses.at(-1)).toEqual({ kind: 'failed', failure: full });
    saver.change(draft('kept and more'));
    expect(last()).toBe('failed'); // not "Saving…" while the failure stands
    await vi.advanceTimersByTimeAsync(300);
    expect(calls.map((c) => c.draft.body)).toEqual(['kept', 'kept and more']);
    calls[1]?.answer(full);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(3);
    expect(calls[2]?.draft.body).toBe('kept and more');
    calls[2]?.answer(ok());
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toBe('saved');
  });

  it('turns a save that throws into a failure, never a lost draft', async () => {
    const saver = createDraftSaver(draft(''), {
      save: () => Promise.reject(new Error('Connection to Indexed Database server lost')),
      onStatus: (s) => statuses.push(s),
    });
    saver.change(draft('x'));
    await saver.flush();
    expect(statuses.at(-1)).toMatchObject({ kind: 'failed', failure: { kind: 'other' } });
  });

  it('writes what is left when the screen closes; if that fails, hands the draft over instead of dropping it', async () => {
    const { calls, save } = controlledSave();
    const handedOver: string[] = [];
    const saver = createDraftSaver(draft(''), {
      save,
      onStatus: (s) => statuses.push(s),
      handOver: (d) => handedOver.push(d.body),
    });
    saver.change(draft('last words'));
    const closing = saver.dispose();
    expect(calls.map((c) => c.draft.body)).toEqual(['last words']);
    calls[0]?.answer(full);
    expect(await closing).toBe(false);
    expect(handedOver).toEqual(['last words']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1); // the keeper retries it now, not this closed screen
    expect(await saver.dispose()).toBe(false);
    expect(handedOver).toHaveLength(1);
  });

  it('hands nothing over when the last write committed', async () => {
    const { calls, save } = controlledSave();
    const handedOver: string[] = [];
    const saver = createDraftSaver(draft(''), {
      save,
      onStatus: () => {},
      handOver: (d) => handedOver.push(d.body),
    });
    saver.change(draft('saved'));
    const closing = saver.dispose();
    calls[0]?.answer(ok());
    expect(await closing).toBe(true);
    expect(handedOver).toEqual([]);
  });

  it('does not retry a refused save (queued in another tab, damaged), nor hand it over', async () => {
    const { calls, save } = controlledSave();
    const handedOver: string[] = [];
    const saver = createDraftSaver(draft(''), {
      save,
      onStatus: (s) => statuses.push(s),
      handOver: (d) => handedOver.push(d.body),
    });
    saver.change(draft('x'));
    const flushing = saver.flush();
    calls[0]?.answer({ ok: false, kind: 'refused', reason: 'notEditable' });
    await flushing;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(last()).toBe('failed');
    await saver.dispose();
    expect(handedOver).toEqual([]);
  });

  it('does nothing when nothing changed', async () => {
    const { calls, save } = controlledSave();
    const saver = createDraftSaver(draft('as loaded'), { save, onStatus: (s) => statuses.push(s) });
    await saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(0);
    expect(statuses).toEqual([]);
  });
});

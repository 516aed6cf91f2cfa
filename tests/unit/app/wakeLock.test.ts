// The screen wake lock against a fake API: asked for while a story is open, let go when it closes,
// asked for again after the page was hidden (the system drops it then), harmless without the API.
import { describe, expect, it, vi } from 'vitest';
import { createScreenWake, type PageVisibility, type WakeLockApi } from '../../../src/app/story/wakeLock.ts';

function fakePage(): PageVisibility & { show(visible: boolean): void } {
  const target = new EventTarget();
  let state: DocumentVisibilityState = 'visible';
  return {
    get visibilityState() {
      return state;
    },
    addEventListener: target.addEventListener.bind(target) as PageVisibility['addEventListener'],
    show(visible) {
      state = visible ? 'visible' : 'hidden';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

/** A fake navigator.wakeLock: counts locks held; the system may drop them (`drop`), as when hidden. */
function fakeApi(refuse = false) {
  let held = 0;
  const drops: (() => void)[] = [];
  const request = vi.fn(async () => {
    if (refuse) throw new DOMException('not allowed', 'NotAllowedError');
    held += 1;
    const listeners: (() => void)[] = [];
    let released = false;
    const end = () => {
      if (released) return;
      released = true;
      held -= 1;
      for (const listener of listeners) listener();
    };
    drops.push(end);
    return {
      release: async () => end(),
      addEventListener: (_type: 'release', listener: () => void) => void listeners.push(listener),
    };
  });
  const api: WakeLockApi = { request };
  const dropAll = () => {
    for (const drop of drops) drop();
  };
  return { api, request, held: () => held, dropAll };
}

describe('screen wake lock', () => {
  it('holds the screen on while a story is open and lets go when it closes', async () => {
    const fake = fakeApi();
    const wake = createScreenWake(fake.api, fakePage());
    const release = wake.hold();
    await vi.waitFor(() => expect(fake.held()).toBe(1));
    expect(fake.request).toHaveBeenCalledWith('screen');
    release();
    await vi.waitFor(() => expect(fake.held()).toBe(0));
    release(); // twice is harmless
    expect(fake.held()).toBe(0);
  });

  it('asks again when the page is seen again after the system dropped it', async () => {
    const fake = fakeApi();
    const page = fakePage();
    const wake = createScreenWake(fake.api, page);
    const release = wake.hold();
    await vi.waitFor(() => expect(fake.held()).toBe(1));
    page.show(false);
    fake.dropAll(); // what the browser does to a hidden page
    expect(fake.held()).toBe(0);
    expect(fake.request).toHaveBeenCalledTimes(1); // not while hidden
    page.show(true);
    await vi.waitFor(() => expect(fake.held()).toBe(1));
    release();
    page.show(false);
    page.show(true);
    await vi.waitFor(() => expect(fake.held()).toBe(0));
    expect(fake.request).toHaveBeenCalledTimes(2); // nobody holds it any more
  });

  it('lets go of a lock that arrives after the story closed', async () => {
    const fake = fakeApi();
    const wake = createScreenWake(fake.api, fakePage());
    wake.hold()(); // released before the request answered
    await vi.waitFor(() => expect(fake.request).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(fake.held()).toBe(0));
  });

  it('keeps holding while another holder remains (one request for both)', async () => {
    const fake = fakeApi();
    const wake = createScreenWake(fake.api, fakePage());
    const first = wake.hold();
    await vi.waitFor(() => expect(fake.held()).toBe(1));
    const second = wake.hold();
    first();
    expect(fake.held()).toBe(1);
    second();
    await vi.waitFor(() => expect(fake.held()).toBe(0));
    expect(fake.request).toHaveBeenCalledOnce();
  });

  it('does nothing where the browser has no Wake Lock, or refuses it', async () => {
    expect(() => createScreenWake(undefined, fakePage()).hold()()).not.toThrow();
    const refused = fakeApi(true);
    const wake = createScreenWake(refused.api, fakePage());
    const release = wake.hold();
    await vi.waitFor(() => expect(refused.request).toHaveBeenCalledOnce());
    expect(() => release()).not.toThrow();
  });
});

// The Screen Wake Lock while a story is open: someone listening to a storyteller does not touch the
// screen, and the iPad must not dim and sleep under them. Where the browser has no Wake Lock API
// (Safari before 16.4, a browser that refuses it) nothing happens: the idle lock's warning remains.
// The system drops the lock whenever the page is hidden; it is asked for again on return, as the API
// requires, for as long as someone still holds it.

/** The parts of `navigator.wakeLock` and its sentinel used here (a fake in the tests). */
export type WakeLockSentinelLike = {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
};
export type WakeLockApi = { request(type: 'screen'): Promise<WakeLockSentinelLike> };
export type PageVisibility = Pick<Document, 'visibilityState' | 'addEventListener'>;

export type ScreenWake = {
  /** Keeps the screen on until the returned function is called (each holder releases once). */
  hold(): () => void;
};

export function createScreenWake(api: WakeLockApi | undefined, page: PageVisibility): ScreenWake {
  let holders = 0;
  let sentinel: WakeLockSentinelLike | null = null;
  let asking = false;

  function acquire() {
    if (!api || holders === 0 || sentinel || asking || page.visibilityState !== 'visible') return;
    asking = true;
    api.request('screen').then(
      (got) => {
        asking = false;
        // Released while the answer was on its way: let it go at once.
        // Already released by the browser: nothing left to let go.
        if (holders === 0) return void got.release().catch(() => undefined);
        sentinel = got;
        got.addEventListener('release', () => {
          if (sentinel === got) sentinel = null;
        });
      },
      () => {
        // Refused (battery saver, not allowed here): the screen sleeps as usual.
        asking = false;
      },
    );
  }

  page.addEventListener('visibilitychange', acquire);
  return {
    hold() {
      holders += 1;
      acquire();
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        holders -= 1;
        if (holders > 0 || !sentinel) return;
        const last = sentinel;
        sentinel = null;
        void last.release().catch(() => undefined); // already released by the browser
      };
    },
  };
}

// Decrypted stories leave the page when it has been hidden for more than a few minutes (another tab,
// a minimised window, a locked screen): `expire` runs once the delay has passed while hidden. The
// timer may be late or never fire in a hidden tab (browsers throttle them), so the time is checked
// again when the page is shown. The clock and timers are passed in, so tests need no waiting.
export const HIDDEN_CLEAR_MS = 3 * 60_000;

export type HideGuardDeps = {
  delayMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
};

export function hideGuard(expire: () => void, deps: HideGuardDeps = {}) {
  const delayMs = deps.delayMs ?? HIDDEN_CLEAR_MS;
  const now = deps.now ?? (() => Date.now());
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let hiddenAt: number | null = null;
  let timer: unknown = null;
  const fire = () => {
    hiddenAt = null;
    if (timer !== null) clearTimer(timer);
    timer = null;
    expire();
  };
  return {
    delayMs,
    /** The page was hidden: the clock starts. */
    hidden(): void {
      if (hiddenAt !== null) return;
      hiddenAt = now();
      timer = setTimer(fire, delayMs);
    },
    /** The page is shown again: cleared if it was hidden for the delay or longer, else nothing. */
    shown(): void {
      if (hiddenAt === null) return;
      if (now() - hiddenAt >= delayMs) {
        fire();
        return;
      }
      hiddenAt = null;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}

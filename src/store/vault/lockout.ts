// The wrong-PIN counter: stored sealed with the device key, so it cannot be read, reset to a
// smaller count or forged without it — a value that does not open counts as the most failures
// (the longest wait). Waits are measured with a monotonic clock while this page lives; the wall
// clock only carries a wait across a reload (a clock turned back never stretches it).
import { del, get, set } from 'idb-keyval';
import * as z from 'zod/mini';
import { LOCKOUT_MAX_FAILURES, lockoutDelayMs } from '../../domain/lock/pin.ts';
import type { SettingsStore } from '../settings/settings.ts';
import { deviceOpen, deviceSeal } from './deviceKey.ts';
import type { RandomBytes } from './vaultCrypto.ts';

const LOCKOUT_KEY = 'vault-lockout';
const AAD = 'vault:lockout';

const LockoutSchema = z.strictObject({
  failures: z.number().check(z.int(), z.minimum(0)),
  lastFailureAt: z.number(),
});
type Lockout = z.infer<typeof LockoutSchema>;

export type LockoutClocks = {
  /** Wall clock (Date.now): stored, and compared across reloads only. */
  now(): number;
  /** Monotonic clock (performance.now): every wait within this page. */
  monotonic(): number;
};

export type LockoutGate = {
  /** When (wall clock) the next PIN may be tried, or null for now. */
  waitUntil(device: CryptoKey): Promise<number | null>;
  /** Counts a wrong PIN; returns the count and when the next try may go ahead. */
  failed(device: CryptoKey): Promise<{ failures: number; retryAt: number | null }>;
  reset(): Promise<void>;
};

export function createLockoutGate(
  store: SettingsStore,
  clocks: LockoutClocks,
  random: RandomBytes,
): LockoutGate {
  // Where this page started timing the current wait, on the monotonic clock.
  let anchor: { failures: number; monoAt: number } | null = null;

  async function write(device: CryptoKey, lockout: Lockout): Promise<void> {
    const plain = new TextEncoder().encode(JSON.stringify(lockout));
    await set(LOCKOUT_KEY, await deviceSeal(device, plain, AAD, random), store);
  }

  async function read(device: CryptoKey): Promise<Lockout> {
    const stored: unknown = await get(LOCKOUT_KEY, store);
    if (stored === undefined) return { failures: 0, lastFailureAt: 0 };
    const opened = await deviceOpen(device, stored, AAD);
    const parsed = opened && LockoutSchema.safeParse(parseJson(new TextDecoder().decode(opened)));
    if (parsed?.success) {
      // A failure "in the future" (the clock was turned back) is moved to now, once, for good.
      const t = clocks.now();
      if (parsed.data.lastFailureAt <= t) return parsed.data;
      const moved = { ...parsed.data, lastFailureAt: t };
      await write(device, moved);
      return moved;
    }
    // Damaged or forged: the longest wait, from now, and stored so that a reload does not restart it.
    const worst = { failures: LOCKOUT_MAX_FAILURES, lastFailureAt: clocks.now() };
    await write(device, worst);
    return worst;
  }

  function remainingMs(lockout: Lockout): number {
    const delay = lockoutDelayMs(lockout.failures);
    if (delay === 0) return 0;
    if (anchor?.failures !== lockout.failures) {
      const t = clocks.now();
      const since = t - Math.min(lockout.lastFailureAt, t);
      anchor = { failures: lockout.failures, monoAt: clocks.monotonic() - since };
    }
    return Math.max(0, delay - (clocks.monotonic() - anchor.monoAt));
  }

  const retryAt = (lockout: Lockout) => {
    const ms = remainingMs(lockout);
    return ms > 0 ? clocks.now() + ms : null;
  };

  return {
    waitUntil: async (device) => retryAt(await read(device)),
    async failed(device) {
      const failures = (await read(device)).failures + 1;
      await write(device, { failures, lastFailureAt: clocks.now() });
      anchor = { failures, monoAt: clocks.monotonic() };
      return { failures, retryAt: retryAt({ failures, lastFailureAt: clocks.now() }) };
    },
    async reset() {
      anchor = null;
      await del(LOCKOUT_KEY, store);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // not JSON (JSON.parse's SyntaxError): a damaged counter, which read() treats as forged
    return undefined;
  }
}

// The wrong-PIN counter: stored sealed with the device key, so it cannot be read, reset to a
// smaller count or forged without it — a value that does not open counts as the most failures
// (the longest wait). It is bound to the vault record: every count is sealed with a new nonce that
// the record keeps (vaultKeys.ts), written with it in one transaction, so an older counter put back
// does not open, and a missing one is the most failures too; a right PIN writes a sealed zero.
// Putting back an older copy of the record AND its counter together is a rollback that nothing
// stored in the browser can tell apart (README, "Privacy").
// Waits are measured with a monotonic clock while this page lives; the wall clock only carries a
// wait across a reload (a clock turned back never stretches it).
import * as z from 'zod/mini';
import { LOCKOUT_MAX_FAILURES, lockoutDelayMs } from '../../domain/lock/pin.ts';
import type { SettingsStore } from '../settings/settings.ts';
import { deviceOpen, deviceSeal } from './deviceKey.ts';
import type { RandomBytes } from './vaultCrypto.ts';
import {
  LOCKOUT_NONCE_BYTES,
  saveCounter,
  saveVaultState,
  VAULT_VERSION,
  type VaultRecord,
  type VaultState,
} from './vaultKeys.ts';
import { bindRecord, type Inner } from './vaultWrap.ts';

/** An unbound counter (vaults before version 3): read once, when the record is bound. */
const UNBOUND_AAD = 'vault:lockout';
const boundAad = (nonce: Uint8Array) =>
  `vault:lockout:${[...nonce].map((b) => b.toString(16).padStart(2, '0')).join('')}`;

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

export type BoundState = { record: VaultRecord; counter: unknown };

/** A counter ready to store with a new record: its nonce (the record's `lockout`) and the sealed zero. */
export type FreshCounter = { lockout: Uint8Array<ArrayBuffer>; counter: unknown };

export type LockoutGate = {
  /**
   * An older record (versions 1 and 2) bound to a counter that carries its count (none stored: no
   * failures, so no wait); the bound state, or null when another page changed the record first.
   */
  bind(state: VaultState, pin: Inner, device: CryptoKey): Promise<BoundState | null>;
  /** When (wall clock) the next PIN may be tried, or null for now. */
  waitUntil(record: VaultRecord, counter: unknown, device: CryptoKey): Promise<number | null>;
  /** Counts a wrong PIN (after waitUntil, under the same lock); returns the count and when the next try may go ahead. */
  failed(device: CryptoKey): Promise<{ failures: number; retryAt: number | null }>;
  /** A right PIN: a sealed zero, never a deleted counter. */
  succeeded(device: CryptoKey): Promise<void>;
  /** A sealed zero for a new record (set-up, reset, a new PIN), to store with it. */
  fresh(device: CryptoKey): Promise<FreshCounter>;
};

const ZERO: Lockout = { failures: 0, lastFailureAt: 0 };

export function createLockoutGate(
  store: SettingsStore,
  clocks: LockoutClocks,
  random: RandomBytes,
): LockoutGate {
  // Where this page started timing the current wait, on the monotonic clock.
  let anchor: { failures: number; monoAt: number } | null = null;
  // The count as last read or written by this page (under the vault's Web Lock).
  let last: Lockout = ZERO;

  async function seal(device: CryptoKey, lockout: Lockout): Promise<FreshCounter> {
    const nonce = random(LOCKOUT_NONCE_BYTES);
    const plain = new TextEncoder().encode(JSON.stringify(lockout));
    return { lockout: nonce, counter: await deviceSeal(device, plain, boundAad(nonce), random) };
  }

  async function write(device: CryptoKey, lockout: Lockout): Promise<void> {
    const sealed = await seal(device, lockout);
    // openWithPin binds the record first: false means it was removed or replaced under the lock.
    if (!(await saveCounter(store, sealed.lockout, sealed.counter)))
      throw new Error('the vault record is gone or unbound: the wrong-PIN count could not be kept');
    last = lockout;
  }

  async function open(device: CryptoKey, stored: unknown, aad: string): Promise<Lockout | null> {
    const opened = await deviceOpen(device, stored, aad);
    const parsed = opened && LockoutSchema.safeParse(parseJson(new TextDecoder().decode(opened)));
    return parsed?.success ? parsed.data : null;
  }

  /** Missing, damaged, forged or older than the record: the longest wait, from now. */
  const worst = (): Lockout => ({ failures: LOCKOUT_MAX_FAILURES, lastFailureAt: clocks.now() });

  async function read(record: VaultRecord, counter: unknown, device: CryptoKey): Promise<Lockout> {
    const opened = counter === undefined ? null : await open(device, counter, boundAad(record.lockout));
    if (!opened) {
      // Stored, so that a reload does not restart the wait.
      const longest = worst();
      await write(device, longest);
      return longest;
    }
    // A failure "in the future" (the clock was turned back) is moved to now, once, for good.
    const t = clocks.now();
    if (opened.lastFailureAt <= t) {
      last = opened;
      return opened;
    }
    const moved = { ...opened, lastFailureAt: t };
    await write(device, moved);
    return moved;
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
    async bind({ record, counter }, pin, device) {
      if (record.version === VAULT_VERSION) return { record, counter };
      const carried = counter === undefined ? ZERO : ((await open(device, counter, UNBOUND_AAD)) ?? worst());
      const sealed = await seal(device, carried);
      const bound = await bindRecord(record, pin, sealed.lockout, device, random);
      const saved = await saveVaultState(store, record, bound, sealed.counter);
      return saved ? { record: bound, counter: sealed.counter } : null;
    },
    waitUntil: async (record, counter, device) => retryAt(await read(record, counter, device)),
    async failed(device) {
      const failures = last.failures + 1;
      await write(device, { failures, lastFailureAt: clocks.now() });
      anchor = { failures, monoAt: clocks.monotonic() };
      return { failures, retryAt: retryAt({ failures, lastFailureAt: clocks.now() }) };
    },
    async succeeded(device) {
      anchor = null;
      await write(device, ZERO);
    },
    fresh(device) {
      anchor = null;
      last = ZERO;
      return seal(device, ZERO);
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

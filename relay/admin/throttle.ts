// The admin door's throttle (issue 22, item 2): wrong or missing admin tokens are counted per client
// address (as RELAY_TRUST_PROXY defines it) and in total, in memory. After ADMIN_FAILURES_PER_MINUTE
// failures in a minute from one address, that address is answered 429 (right token or not) until the
// oldest of them is a minute old. After ADMIN_FAILURES_IN_TOTAL failures in a minute from all
// addresses, addresses that have not signed in before are answered 429 until the end of that minute
// (never longer): an address that signed in within the last day — the lead's — is held only by its
// own count, so a flood from elsewhere slows the lead for at most a minute and usually not at all.
// An address the total cap held is let in once when its Retry-After has passed, whatever the total
// by then: a flood that refills the cap each minute slows a lead at a new address to one try a
// minute but never shuts it out (a flooding address gets that one try too, and its own count).

export const ADMIN_FAILURES_PER_MINUTE = 10;
export const ADMIN_FAILURES_IN_TOTAL = 100;
const MINUTE = 60_000;
const KNOWN_FOR = 24 * 60 * MINUTE;
/** Addresses followed at once; beyond this the oldest are forgotten (memory stays bounded). */
const MAX_ADDRESSES = 10_000;

export type AdminThrottle = {
  /** Seconds to wait before trying again, or 0 when this address may try now. */
  wait(address: string): number;
  failed(address: string): void;
  succeeded(address: string): void;
};

export function createAdminThrottle(now: () => number): AdminThrottle {
  const failures = new Map<string, number[]>();
  const known = new Map<string, number>();
  /** Addresses the total cap held, and when each may try once more whatever the total. */
  const promised = new Map<string, number>();
  let windowStart = 0;
  let windowCount = 0;

  const recent = (address: string, at: number): number[] => {
    const list = (failures.get(address) ?? []).filter((time) => time > at - MINUTE);
    if (list.length === 0) failures.delete(address);
    else failures.set(address, list);
    return list;
  };
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  const remember = (map: Map<string, number>, address: string, value: number) => {
    map.delete(address);
    map.set(address, value);
    if (map.size > MAX_ADDRESSES) map.delete(map.keys().next().value as string);
  };
  /** The total cap's wait for an address that has not signed in lately (0: it may try now). */
  const capWait = (address: string, at: number): number => {
    const until = promised.get(address);
    if (until !== undefined && at >= until) {
      promised.delete(address); // its one try, kept as promised
      return 0;
    }
    if (at >= windowStart + MINUTE || windowCount < ADMIN_FAILURES_IN_TOTAL) return 0;
    const end = until ?? windowStart + MINUTE;
    if (until === undefined) remember(promised, address, end);
    return seconds(end - at);
  };

  return {
    wait(address) {
      const at = now();
      const list = recent(address, at);
      if (list.length >= ADMIN_FAILURES_PER_MINUTE) return seconds((list[0] as number) + MINUTE - at);
      const knownAt = known.get(address);
      const isKnown = knownAt !== undefined && knownAt > at - KNOWN_FOR;
      return isKnown ? 0 : capWait(address, at);
    },
    failed(address) {
      const at = now();
      const list = recent(address, at);
      list.push(at);
      failures.delete(address);
      failures.set(address, list);
      if (failures.size > MAX_ADDRESSES) failures.delete(failures.keys().next().value as string);
      if (at >= windowStart + MINUTE) {
        windowStart = at;
        windowCount = 0;
      }
      windowCount += 1;
    },
    succeeded(address) {
      remember(known, address, now());
    },
  };
}

// Which relays an enrolment link may connect to with no recovery code (issue 22): the relay origins
// the deployment names in its `/app-config.json`, and the relay this iPad already sends to. Apart
// from relay.ts so the first download does not carry it (only "Connect" uses it, loaded on use).
import { readRelayAddress } from './relay.ts';
import type { Settings } from './settings.ts';

/**
 * The relay origins a deployment trusts, from its `/app-config.json` (`relayOrigins`): each read as a
 * relay address is, so "relay.example.org" and "https://relay.example.org/api/v2" name one origin.
 * Anything else (no file, no list, a bad entry) trusts nothing.
 */
export function trustedRelayOrigins(config: unknown): string[] {
  const list =
    typeof config === 'object' && config !== null
      ? (config as { relayOrigins?: unknown }).relayOrigins
      : null;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    if (typeof entry !== 'string') return [];
    const relay = readRelayAddress(entry);
    return relay.ok ? [relay.origin] : [];
  });
}

/**
 * Whether "Connect" to this relay needs the recovery code: not to a relay the deployment named, nor
 * again to the relay this iPad already sends to ("Connect again"); to any other origin it does —
 * the first destination included, so a link or QR code alone never picks where stories go.
 */
export function relayConnectNeedsCode(
  saved: Pick<Settings, 'apiAddress' | 'key'>,
  relay: { origin: string; apiBase: string },
  trusted: readonly string[],
): boolean {
  if (trusted.includes(relay.origin)) return false;
  return !(saved.apiAddress === relay.apiBase && saved.key === '');
}

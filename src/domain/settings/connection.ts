// "Test connection"'s verdicts (worded by the catalogue's `settings.connectionResult`), which
// connection it tests, the relay's status answer read, and when a subscription key kept on a shared
// device deserves a warning.
import type { Answer } from '../send/answers.ts';
import { connectionOf } from './relay.ts';
import { checkApiAddress, type Settings } from './settings.ts';

export type ConnectionVerdict =
  | 'working'
  | 'key-rejected'
  | 'unreachable'
  | 'blocked'
  | 'server-problem'
  | 'not-configured'
  /** A typed (not saved) address with no key typed for it: nothing is sent (the saved key never goes there). */
  | 'enter-key'
  /** Through the relay: this iPad's token works and Care Opinion accepts the relay's key. */
  | 'relay-working'
  /** The relay refused this iPad's token: connect again with a new code. */
  | 'relay-revoked'
  /** The relay could not be reached (no signal, wrong address, or it is down). */
  | 'relay-unreachable'
  /** The relay answered, but Care Opinion refused the relay's own key (nothing to fix on the iPad). */
  | 'relay-key-refused'
  /** The relay answered, but could not reach Care Opinion just now. */
  | 'relay-upstream-unreachable';

export type TestedConnection = { apiAddress: string; key: string; token?: string };

/**
 * What "Test connection" tests: the saved connection (its key, or this iPad's relay token) when the
 * address typed is the saved one and no key is typed; otherwise the address and key as typed. The
 * saved key or token never goes to an address that was only typed: with no key typed for it, there is
 * nothing to test (null, and nothing is sent).
 */
export function connectionToTest(
  saved: Pick<Settings, 'apiAddress' | 'key' | 'relayToken'>,
  typedAddress: string,
  typedKey: string,
): TestedConnection | null {
  const typed = checkApiAddress(typedAddress);
  const address = typed.ok ? typed.address : typedAddress.trim();
  const key = typedKey.trim();
  if (key === '' && address !== '' && address === saved.apiAddress.trim().replace(/\/+$/, ''))
    return connectionOf(saved);
  return key === '' ? null : { apiAddress: address, key };
}

const UPSTREAM: Readonly<Record<string, ConnectionVerdict>> = {
  accepted: 'relay-working',
  refused: 'relay-key-refused',
  unreachable: 'relay-upstream-unreachable',
};

/** The relay's answer to `GET /relay/status` with this iPad's token (relay/README.md, "Device API"). */
export function relayStatusVerdict(answer: Answer | { kind: 'cancelled' }): ConnectionVerdict {
  if (answer.kind !== 'response') return 'relay-unreachable';
  const json = answer.json as { error?: unknown; upstream?: unknown } | undefined;
  if (answer.status === 401 && (json?.error === 'device-revoked' || json?.error === 'device-unknown'))
    return 'relay-revoked';
  if (answer.status === 200 && typeof json?.upstream === 'string' && Object.hasOwn(UPSTREAM, json.upstream))
    return UPSTREAM[json.upstream] ?? 'server-problem';
  return 'server-problem';
}

const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/;

/** A direct subscription key on a shared iPad (API.md): warn, and suggest a relay. */
export function needsDirectKeyWarning(apiAddress: string, key: string): boolean {
  return key.trim() !== '' && !LOCAL.test(apiAddress.trim());
}

// The organisation's relay as the app sees it (relay/README.md): its API base from the address a
// person types, the enrolment link a QR code carries, and the relay's refusals of a code in words.

import { checkApiAddress, type Settings } from './settings.ts';
import type { AddressProblem, RelayProblem } from './settingsProblem.ts';

/** What an iPad learns from its relay after "Connect" (issue 26): the export key, the id it is known by. */
export type FetchedRelayFacts = Partial<Pick<Settings, 'relayExportKey' | 'relayDeviceId' | 'relayDeskKey'>>;

/** The relay said it has no posting desk (`GET /api/v2/desk/key` → 404 no-desk), kept as `relayDeskKey`. */
export const NO_DESK = 'none';

/**
 * Whether Settings offer "Send them to our organisation's posting desk" (issue 27): only through a
 * relay (not a direct key) whose desk key this iPad holds.
 */
export function deskOffered(settings: Pick<Settings, 'relayToken' | 'relayDeskKey'>): boolean {
  const key = settings.relayDeskKey;
  return settings.relayToken !== '' && typeof key === 'object' && key !== null;
}

export type RelayAddress =
  | { ok: true; origin: string; apiBase: string }
  | { ok: false; reason: AddressProblem };

/** "relay.example.org", "https://relay.example.org/" or ".../api/v2" all mean the same relay. */
export function readRelayAddress(value: string): RelayAddress {
  const typed = value.trim();
  const withScheme = /^[a-z]+:\/\//i.test(typed) || typed === '' ? typed : `https://${typed}`;
  const base = withScheme.replace(/\/+$/, '').replace(/\/api\/v2$/i, '');
  const checked = checkApiAddress(base === '' ? '' : `${base}/api/v2`);
  if (!checked.ok)
    return { ok: false, reason: checked.reason === 'enterApiAddress' ? 'enterRelayAddress' : checked.reason };
  const origin = new URL(checked.address).origin;
  return { ok: true, origin, apiBase: `${origin}/api/v2` };
}

/** `#enrol=<url-encoded relay address>,<code>` (the QR code's link), or null for anything else. */
export function readEnrolLink(hash: string): { relay: string; code: string } | null {
  const match = /^#enrol=([^,]+),(.+)$/.exec(hash.trim());
  if (!match) return null;
  try {
    const relay = decodeURIComponent(match[1] ?? '');
    const code = decodeURIComponent(match[2] ?? '').trim();
    return relay !== '' && code !== '' ? { relay, code } : null;
  } catch {
    // a broken %-escape (decodeURIComponent's URIError): not our link
    return null;
  }
}

const CODE_PROBLEMS: Readonly<Record<string, RelayProblem>> = {
  // Today's relay gives one answer for every wrong code (it never says whether a code exists);
  // the three below are older relays' answers.
  'code-not-accepted': 'codeNotAccepted',
  'code-unknown': 'codeUnknown',
  'code-used': 'codeUsed',
  'code-expired': 'codeExpired',
};

/** The relay's answer to an enrolment, as a code (Settings words it). */
export function enrolmentRefusal(status: number, error: unknown): RelayProblem {
  if (typeof error === 'string' && Object.hasOwn(CODE_PROBLEMS, error))
    return CODE_PROBLEMS[error] ?? 'relayRefused';
  if (status === 429) return 'tooManyCodes';
  return 'relayRefused';
}

/** Where requests go: through a relay with this iPad's token, or direct with a subscription key. */
export function connectionOf(settings: Pick<Settings, 'apiAddress' | 'key' | 'relayToken'>): {
  apiAddress: string;
  key: string;
  token?: string;
} {
  if (settings.relayToken !== '')
    return { apiAddress: settings.apiAddress, key: '', token: settings.relayToken };
  return { apiAddress: settings.apiAddress, key: settings.key };
}

/**
 * Whether Home offers "Export unsent stories" (issue 26): only on a relay that gave this iPad its id
 * and its export key (without a relay nobody could open the file), with a story waiting to be sent.
 */
export function exportOffered(
  settings: Pick<Settings, 'relayToken' | 'relayDeviceId' | 'relayExportKey'>,
  waiting: number,
): boolean {
  const onRelay = settings.relayToken !== '' && settings.relayDeviceId !== '';
  return onRelay && settings.relayExportKey !== null && settings.relayExportKey !== undefined && waiting > 0;
}

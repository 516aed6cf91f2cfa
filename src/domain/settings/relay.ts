// The organisation's relay as the app sees it (relay/README.md): its API base from the address a
// person types, the enrolment link a QR code carries, and the relay's refusals of a code in words.

import { enGB } from '../words/en-GB/index.ts';
import { checkApiAddress, type Settings } from './settings.ts';

const REASONS = enGB.settings.reasons;

export type RelayAddress = { ok: true; origin: string; apiBase: string } | { ok: false; reason: string };

/** "relay.example.org", "https://relay.example.org/" or ".../api/v2" all mean the same relay. */
export function readRelayAddress(value: string): RelayAddress {
  const typed = value.trim();
  const withScheme = /^[a-z]+:\/\//i.test(typed) || typed === '' ? typed : `https://${typed}`;
  const base = withScheme.replace(/\/+$/, '').replace(/\/api\/v2$/i, '');
  const checked = checkApiAddress(base === '' ? '' : `${base}/api/v2`);
  if (!checked.ok)
    return { ok: false, reason: checked.reason.replace('the API address', 'the relay address') };
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

const CODE_WORDS: Readonly<Record<string, string>> = {
  'code-unknown': REASONS.codeUnknown,
  'code-used': REASONS.codeUsed,
  'code-expired': REASONS.codeExpired,
};

/** The relay's answer to an enrolment, in words (never the code itself). */
export function enrolmentRefusal(status: number, error: unknown): string {
  if (typeof error === 'string' && CODE_WORDS[error]) return CODE_WORDS[error];
  if (status === 429) return REASONS.tooManyCodes;
  return REASONS.relayRefused;
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

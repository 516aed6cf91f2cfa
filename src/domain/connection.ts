// "Test connection" in words, and the warning about a subscription key kept on a shared device.
export type ConnectionVerdict =
  | 'working'
  | 'key-rejected'
  | 'unreachable'
  | 'blocked'
  | 'server-problem'
  | 'not-configured';

export const CONNECTION_WORDS: Readonly<Record<ConnectionVerdict, string>> = {
  working: 'Working: Care Opinion answered and accepted the key.',
  'key-rejected': 'The key was not accepted (or the address is not a Care Opinion API). Check both.',
  unreachable: 'Cannot reach this address. Check it, and that this device is online.',
  blocked:
    'Blocked by the browser (CORS): the server answered, but does not allow this app to read its answers. Its administrator must allow this app’s address.',
  'server-problem': 'The server was reached but had a problem. Try again in a few minutes.',
  'not-configured': 'Enter the API address first.',
};

const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/;

/** A direct subscription key on a shared iPad (API.md): warn, and suggest a relay. */
export function directKeyWarning(apiAddress: string, key: string): string | null {
  if (key.trim() === '' || LOCAL.test(apiAddress.trim())) return null;
  return 'A Care Opinion subscription key is stored on this shared device. Anyone using it could read the key. Prefer your organisation’s relay address, with no key here.';
}

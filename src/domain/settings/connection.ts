// "Test connection"'s verdicts (worded by the catalogue's `settings.connectionResult`), and when a
// subscription key kept on a shared device deserves a warning.
export type ConnectionVerdict =
  | 'working'
  | 'key-rejected'
  | 'unreachable'
  | 'blocked'
  | 'server-problem'
  | 'not-configured';

const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/;

/** A direct subscription key on a shared iPad (API.md): warn, and suggest a relay. */
export function needsDirectKeyWarning(apiAddress: string, key: string): boolean {
  return key.trim() !== '' && !LOCAL.test(apiAddress.trim());
}

// Why a setting, the relay connection or a save was refused, and how the settings were first set up:
// codes, never words. Settings words them through the catalogue's `settings.reasons`.
import type { Region } from './settings.ts';

/** Why an address (the API address, the relay's) was refused. */
export type AddressProblem = 'enterApiAddress' | 'enterRelayAddress' | 'notWebAddress' | 'useHttps';

/** Why connecting to the organisation's relay did not happen. */
export type RelayProblem =
  | 'enterEnrolment'
  | 'relayNeedsCode'
  | 'relayUnreachable'
  | 'codeNotAccepted'
  | 'codeUnknown'
  | 'codeUsed'
  | 'codeExpired'
  | 'tooManyCodes'
  | 'relayRefused';

/** Why a save of Settings (or of the display choices, or of a session) did not happen. */
export type SettingsProblem =
  | AddressProblem
  | RelayProblem
  | 'notSaved'
  | 'needsCode'
  | 'invitationLink'
  | 'notMoved'
  | 'displayNotSaved'
  | 'sessionNotSaved';

/** Why a field of Settings' form is refused (settingsForm's checkSettingsForm); a postcode names its
 * region, so the screen can say what one looks like there. */
export type SettingsFieldProblem =
  | AddressProblem
  | 'invitationLink'
  | 'percentage'
  | 'minutes'
  | 'hours'
  | 'notAccepted'
  | { code: 'empty' | 'format'; region: Region };

/** How the settings were first set up from the organisation's set-up file (app-config.json). */
export type SetupNote =
  | { code: 'configAdopted' }
  | { code: 'configInvalid' }
  | { code: 'addressIgnored'; reason: AddressProblem };

const ADDRESS_PROBLEMS: readonly string[] = [
  'enterApiAddress',
  'enterRelayAddress',
  'notWebAddress',
  'useHttps',
];

/** A stored note read leniently: anything else is no note. */
export function readSetupNote(value: unknown): SetupNote | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, reason } = value as { code?: unknown; reason?: unknown };
  if (code === 'configAdopted' || code === 'configInvalid') return { code };
  if (code === 'addressIgnored' && typeof reason === 'string' && ADDRESS_PROBLEMS.includes(reason))
    return { code, reason: reason as AddressProblem };
  return null;
}
